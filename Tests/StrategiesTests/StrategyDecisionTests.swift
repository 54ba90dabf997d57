import Testing
import Strategies

@Suite struct StrategyDecisionTests {
    @Test func afterLossAndLossStreak() {
        let afterLoss = AfterLossStrategy()
        #expect(afterLoss.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .loss)))
        #expect(!afterLoss.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .wins)))

        let two = LossStreakStrategy(length: 2)
        #expect(!two.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .loss)))
        #expect(two.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .losses)))

        let three = LossStreakStrategy(length: 3)
        #expect(!three.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .losses, lossRunLength: 2)))
        #expect(three.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 100, streak: .losses, lossRunLength: 3)))
    }

    @Test func lossRatioCountsLastGames() {
        let strategy = LossRatioStrategy(rule: LossRatioRule(lastGames: 4, threshold: 0.75))
        var state = PlayerState(startingBalance: 1000)
        // Results oldest first: L W L L, then W: windows of 4 hold 3 losses, then 2.
        for won in [false, true, false] {
            state.recordGame(won: won, stake: 10)
            #expect(!strategy.shouldGiveBonus(to: state), "fewer than 4 games never flag a player")
        }
        state.recordGame(won: false, stake: 10)
        #expect(strategy.shouldGiveBonus(to: state))
        state.recordGame(won: true, stake: 10)
        #expect(!strategy.shouldGiveBonus(to: state))
    }

    @Test func lossRatioOverFullWindow() {
        let strategy = LossRatioStrategy(rule: LossRatioRule(lastGames: 64, threshold: 0.5))
        var state = PlayerState(startingBalance: 1000)
        // 100 games: 36 wins, then alternating loss and win, so the last 64 hold 32 losses.
        for _ in 0..<36 { state.recordGame(won: true, stake: 10) }
        for game in 0..<64 { state.recordGame(won: game % 2 == 1, stake: 10) }
        #expect(state.recentResults.losses(inLast: 64) == 32)
        #expect(strategy.shouldGiveBonus(to: state))

        state.recordGame(won: true, stake: 10)
        #expect(state.recentResults.losses(inLast: 64) == 31)
        #expect(!strategy.shouldGiveBonus(to: state))
    }

    @Test func lossRatioWithShortHistory() {
        let strategy = LossRatioStrategy(rule: LossRatioRule(lastGames: 10, threshold: 0.7, allowsShortHistory: true))
        var state = PlayerState(startingBalance: 1000)
        state.recordGame(won: false, stake: 10)
        #expect(strategy.shouldGiveBonus(to: state), "one loss in one game is a share of 1")
        state.recordGame(won: true, stake: 10)
        #expect(!strategy.shouldGiveBonus(to: state), "one loss in two games is a share of 0.5")
    }

    @Test func greedyComparesOneStepGain() {
        // Turnover revenue: one game earns 10. A broke player continues only with the bonus (0.8),
        // so the gain is 8; after two losses the bonus lifts continuing from 0.4 to 0.8, a gain of 4.
        let rules = GameRules(startingBalance: 100, maxGames: 10, bonusCost: 5, revenueModel: .turnover)
        let greedy = GreedyStrategy(rules: rules)
        #expect(greedy.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 0, streak: .losses)))
        #expect(!greedy.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 50, streak: .losses)))
        #expect(!greedy.shouldGiveBonus(to: PlayerState(gamesPlayed: 10, balance: 0, streak: .losses)),
                "no game follows the last one")

        // Net revenue earns 0.4 per game, far below the default cost of 10.
        let net = GreedyStrategy(rules: .standard)
        #expect(!net.shouldGiveBonus(to: PlayerState(gamesPlayed: 3, balance: 0, streak: .losses)))
    }

    @Test func decisionTableMatchesStrategy() {
        let rules = GameRules(startingBalance: 30, stake: 10, maxGames: 6, bonusAmount: 15)
        let strategy = LossStreakStrategy(length: 2)
        let table = DecisionTable(strategy: strategy, rules: rules)
        #expect(table.grid.step == 5)
        for games in 1...6 {
            for streak in Streak.afterGame {
                for index in table.grid.lowestIndex(games: games)...table.grid.highestIndex(games: games) {
                    let balance = table.grid.balance(atIndex: index)
                    #expect(table.shouldGiveBonus(games: games, balance: balance, streak: streak) == (streak == .losses))
                }
            }
        }
        #expect(!table.shouldGiveBonus(games: 7, balance: 30, streak: .losses), "beyond the game limit")
        #expect(!table.shouldGiveBonus(games: 2, balance: 31, streak: .losses), "off the balance grid")
    }
}
