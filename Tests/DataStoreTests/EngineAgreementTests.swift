import DataStore
import Strategies
import Testing

/// Both engines against the brute-force reference on generated stores.
@Suite("Engines against the reference")
struct EngineAgreementTests {
    @Test("generated stores, several rules", arguments: [
        (UInt64(1), 3, LossRatioRule.standard),
        (UInt64(2), 1, LossRatioRule(lastGames: 5, threshold: 0.6, allowsShortHistory: false)),
        (UInt64(3), 4, LossRatioRule(lastGames: 12, threshold: 0.5, allowsShortHistory: true)),
        (UInt64(4), 2, LossRatioRule(lastGames: 1, threshold: 1, allowsShortHistory: false)),
    ])
    func generatedStores(seed: UInt64, files: Int, rule: LossRatioRule) async throws {
        let generator = ActionGenerator(users: 300, games: 23, files: files, seed: seed)
        let store = memoryStore(generator, stripeRows: 157)

        let answers = try await allAnswers(store, rule: rule, workers: 3)

        #expect(answers.reference.rowsRead == 300 * 23)
        #expect(answers.reference.usersSeen == 300)
        #expect(!answers.reference.flagged.isEmpty)
        #expect(answers.rows == answers.reference)
        #expect(answers.columns == answers.reference)
    }

    @Test("sparse and negative user ids use the dictionary")
    func sparseUserIDs() async throws {
        let ids: [Int64] = [-5, 0, 3, 1 << 40, Int64.max]
        var rows: [GameAction] = []
        for round in 0..<12 {
            for id in ids {
                rows.append(action(id, at: Int64(round), result: Int64((round * 7 + Int(id % 13)) % 21) - 12))
            }
        }
        let store = MemoryActionSource(files: [rows.reversed(), rows], stripeRows: 7)

        let answers = try await allAnswers(store, rule: .standard, workers: 2)

        #expect(answers.reference.usersSeen == 5)
        #expect(answers.rows == answers.reference)
        #expect(answers.columns == answers.reference)
    }

    @Test("generator values are fixed by the seed")
    func generatorIsDeterministic() {
        let generator = ActionGenerator(users: 4, games: 6, files: 2, seed: 42)
        let whole = generator.batch(file: 1, rows: 0..<12)
        let tail = generator.batch(file: 1, rows: 8..<12)

        #expect(Array(whole.userIDs.suffix(4)) == Array(tail.userIDs))
        #expect(Array(whole.results.suffix(4)) == Array(tail.results))
        #expect(Array(whole.userIDs.prefix(5)) == [1, 2, 3, 4, 1])
        #expect(whole.results.allSatisfy { (-10...10).contains($0) })
        // Player 1's games in file 1 are games 1, 3, 5: hours 1, 3, 5 after the start.
        let hour = 3_600 * ActionTime.nanosecondsPerSecond
        #expect((whole.actionTimes[0] - ActionGenerator.startTime) / hour == 1)
        #expect((whole.actionTimes[4] - ActionGenerator.startTime) / hour == 3)
    }
}
