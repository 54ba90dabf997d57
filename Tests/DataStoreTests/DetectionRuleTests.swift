import DataStore
import Strategies
import Testing

/// Hand-made histories with known results, run through the reference and both engines.
@Suite("Loss-ratio rule over data stores")
struct DetectionRuleTests {
    let rule = LossRatioRule.standard

    // Seven losses in the last ten games, after two older wins that fall out of the window.
    // Six losses in the last ten, after two older losses that would make eight if counted.
    let sevenOfTen: [Int64] = [5, 5, -1, -2, 3, -4, -5, 6, -7, -8, 9, -10]
    let sixOfTen: [Int64] = [-1, -1, 1, 2, -3, 4, -5, -6, 7, -8, -9, -10]

    @Test("seven of ten lost is flagged, six is not")
    func sevenAndSixOfTen() async throws {
        let store = MemoryActionSource(files: [history(1, results: sevenOfTen) + history(2, results: sixOfTen)])

        let answers = try await allAnswers(store, rule: rule)

        let expected = [FlaggedUser(userID: 1, losses: 7, games: 10, lastActionTime: action(1, at: 12, result: 0).actionTime)]
        #expect(answers.reference.flagged == expected)
        #expect(answers.rows.flagged == expected)
        #expect(answers.columns.flagged == expected)
        #expect(answers.columns.usersSeen == 2)
        #expect(answers.columns.rowsRead == 24)
    }

    @Test("short history flagged only with allow-short")
    func shortHistory() async throws {
        // Player 3: 5 of 6 lost (83%), player 4: 4 of 6 lost (67% < 70%).
        let store = MemoryActionSource(files: [history(3, results: [-1, -2, -3, 4, -5, -6])
                                               + history(4, results: [-1, -2, 3, 4, -5, -6])])

        let strict = try await allAnswers(store, rule: rule)
        let lenient = try await allAnswers(store, rule: LossRatioRule(lastGames: 10, threshold: 0.7, allowsShortHistory: true))

        #expect(strict.reference.flagged.isEmpty)
        #expect(strict.rows.flagged.isEmpty)
        #expect(strict.columns.flagged.isEmpty)
        let expected = [FlaggedUser(userID: 3, losses: 5, games: 6, lastActionTime: action(3, at: 6, result: 0).actionTime)]
        #expect(lenient.reference.flagged == expected)
        #expect(lenient.rows.flagged == expected)
        #expect(lenient.columns.flagged == expected)
    }

    @Test("result of zero is not a loss")
    func zeroIsNotALoss() async throws {
        // Six losses and four draws: 6 of 10, not flagged; one more loss in place of a draw flags.
        let store = MemoryActionSource(files: [history(5, results: [-1, 0, -1, 0, -1, 0, -1, 0, -1, -1])
                                               + history(6, results: [-1, 0, -1, 0, -1, -1, -1, 0, -1, -1])])

        let answers = try await allAnswers(store, rule: rule)

        #expect(answers.reference.flagged.map(\.userID) == [6])
        #expect(answers.rows.flagged.map(\.userID) == [6])
        #expect(answers.columns.flagged.map(\.userID) == [6])
    }

    @Test("equal timestamps keep file order")
    func equalTimestamps() async throws {
        // Two games at second 0, then nine later games with six losses. Only one of the tied games
        // fits in the window of ten: the one written later, which is the newer game. When the loss
        // is written later the window contains 7 losses (flagged), when the win is, 6 (not flagged).
        let later = history(7, results: [-1, -1, -1, 1, -1, -1, 1, 1, -1])
        let lossLater = MemoryActionSource(files: [later + [action(7, at: 0, result: 2), action(7, at: 0, result: -3)]])
        let winLater = MemoryActionSource(files: [later + [action(7, at: 0, result: -3), action(7, at: 0, result: 2)]])

        try await expectOnlyLossLaterFlagged(lossLater: lossLater, winLater: winLater)
    }

    @Test("equal timestamps across part files: the later file is newer")
    func equalTimestampsAcrossFiles() async throws {
        let later = history(8, results: [-1, -1, -1, 1, -1, -1, 1, 1, -1])
        let lossLater = MemoryActionSource(files: [[action(8, at: 0, result: 2)] + later, [action(8, at: 0, result: -3)]])
        let winLater = MemoryActionSource(files: [[action(8, at: 0, result: -3)] + later, [action(8, at: 0, result: 2)]])

        try await expectOnlyLossLaterFlagged(lossLater: lossLater, winLater: winLater)
    }

    @Test("user split across files and stripes, out of time order")
    func userSplitAcrossFiles() async throws {
        // Player 9's twelve games, shuffled over three files with two-row stripes. The two oldest
        // games are wins and sit in the last file, so an engine that trusted file order would count them.
        let games = history(9, results: [4, 4, -1, -1, -1, 1, -1, -1, 1, -1, 1, -1])
        let filler = history(10, results: [1, 2, 3])
        let store = MemoryActionSource(files: [[games[5], games[11], filler[0], games[2]],
                                               [games[9], filler[1], games[3], games[7], games[4]],
                                               [games[10], games[0], games[8], filler[2], games[1], games[6]]],
                                       stripeRows: 2)

        let answers = try await allAnswers(store, rule: rule)

        let expected = [FlaggedUser(userID: 9, losses: 7, games: 10, lastActionTime: games[11].actionTime)]
        #expect(answers.reference.flagged == expected)
        #expect(answers.rows.flagged == expected)
        #expect(answers.columns.flagged == expected)
        #expect(answers.columns.usersSeen == 2)
    }

    // Checks that the store whose tied loss is the newer game flags 7 losses and the other flags no one.
    func expectOnlyLossLaterFlagged(lossLater: MemoryActionSource, winLater: MemoryActionSource) async throws {
        let first = try await allAnswers(lossLater, rule: rule)
        let second = try await allAnswers(winLater, rule: rule)

        for result in [first.reference, first.rows, first.columns] {
            #expect(result.flagged.map(\.losses) == [7])
        }
        for result in [second.reference, second.rows, second.columns] {
            #expect(result.flagged.isEmpty)
        }
    }
}
