import Testing
import Simulator
import Strategies

@Suite struct ExactEvaluatorTests {
    @Test func singleGame() throws {
        let result = try ExactEvaluator.evaluate(NeverStrategy(), rules: GameRules(maxGames: 1))
        // 0.48 * (-10) + 0.52 * 10
        #expect(abs(result.revenuePerPlayer - 0.4) < 1e-12)
        #expect(result.gamesPerPlayer == 1)
        #expect(result.shareAtGameLimit == 1)
        #expect(result.survival == [1, 0])
    }

    @Test func twoGamesWithoutBonus() throws {
        let result = try ExactEvaluator.evaluate(NeverStrategy(), rules: GameRules(maxGames: 2))
        // A second game follows with 0.48 * 0.8 + 0.52 * 0.6 = 0.696 and earns 0.4 again.
        #expect(abs(result.revenuePerPlayer - 0.6784) < 1e-12)
        #expect(abs(result.gamesPerPlayer - 1.696) < 1e-12)
        #expect(abs(result.shareAtGameLimit - 0.696) < 1e-12)
        #expect(result.bonusesPerPlayer == 0)
    }

    @Test func twoGamesWithBonusAfterLoss() throws {
        let result = try ExactEvaluator.evaluate(AfterLossStrategy(), rules: GameRules(maxGames: 2))
        // Every player continues with 0.8 (a bonus turns a loss into a win), and a loss in either
        // game costs 10: 0.4 - 0.52 * 10 + 0.8 * (0.4 - 0.52 * 10) = -8.64.
        #expect(abs(result.revenuePerPlayer - -8.64) < 1e-12)
        #expect(abs(result.bonusesPerPlayer - 0.936) < 1e-12)
        #expect(abs(result.gamesPerPlayer - 1.8) < 1e-12)
    }

    @Test func tinyBalanceGoesBroke() throws {
        let rules = GameRules(startingBalance: 10, maxGames: 3)
        let result = try ExactEvaluator.evaluate(NeverStrategy(), rules: rules)
        // Losing game 1 leaves 0 (broke). A win leads to game 2 with 0.8, and game 3 follows with
        // 0.48 * 0.9 + 0.52 * 0.6 = 0.744 (after a loss the balance is 10, still one stake).
        let second = 0.48 * 0.8
        let third = second * 0.744
        #expect(abs(result.revenuePerPlayer - 0.4 * (1 + second + third)) < 1e-12)
        #expect(abs(result.shareBroke - 0.52) < 1e-12)
        #expect(abs(result.shareAtGameLimit - third) < 1e-12)
        #expect(result.survival.count == 4)
        #expect(abs(result.survival[1] - second) < 1e-12)
        #expect(abs(result.survival[2] - third) < 1e-12)
        #expect(result.survival[3] == 0)
    }

    @Test func balanceOffStakeGrid() throws {
        // 15 units: a loss leaves 5, less than a stake, so only a winner plays game 2.
        let rules = GameRules(startingBalance: 15, maxGames: 2)
        let result = try ExactEvaluator.evaluate(NeverStrategy(), rules: rules)
        #expect(abs(result.revenuePerPlayer - (0.4 + 0.48 * 0.8 * 0.4)) < 1e-12)
        #expect(abs(result.shareBroke - 0.52) < 1e-12)
        #expect(abs(result.shareAtGameLimit - 0.48 * 0.8) < 1e-12)
    }

    @Test func greedyRescuesBrokePlayer() throws {
        // Turnover revenue with cheap bonuses: after losing game 1 the player is broke, and a bonus
        // (cost 2) buys a 0.8 chance of a game worth 10. Value 10 + 0.48 * 8 + 0.52 * 6 = 16.96.
        let rules = GameRules(startingBalance: 10, maxGames: 2, bonusCost: 2, revenueModel: .turnover)
        let result = try ExactEvaluator.evaluate(GreedyStrategy(rules: rules), rules: rules)
        #expect(abs(result.revenuePerPlayer - 16.96) < 1e-12)
        #expect(abs(result.bonusesPerPlayer - 0.52) < 1e-12)
        #expect(result.shareBroke == 0)
    }

    @Test func neverMatchesBackwardInduction() throws {
        let rules = GameRules.standard
        let result = try ExactEvaluator.evaluate(NeverStrategy(), rules: rules)
        let expected = neverRevenueByBackwardInduction(rules)
        #expect(abs(result.revenuePerPlayer - expected) < 1e-9 * abs(expected))
        #expect(abs(result.shareBroke + result.shareAtGameLimit) < 1, "some players quit")
    }

    @Test func historyStrategyHasNoExactValue() {
        #expect {
            try ExactEvaluator.evaluate(LossRatioStrategy(), rules: .standard)
        } throws: { error in
            (error as? StrategyError)?.message.hasPrefix("strategy 'loss-ratio(N=10, p=0.7)' depends on the game history") == true
        }
    }

    @Test(arguments: [
        GameRules.standard,
        GameRules(bonusCost: 2),
        GameRules(bonusCost: 2, revenueModel: .turnover),
    ])
    func optimalBeatsEveryStrategy(rules: GameRules) throws {
        let policy = OptimalPolicy.solve(rules: rules)
        let optimal = try ExactEvaluator.evaluate(OptimalStrategy(policy: policy), rules: rules)
        #expect(abs(optimal.revenuePerPlayer - policy.expectedRevenuePerPlayer)
            < 1e-9 * max(1, abs(optimal.revenuePerPlayer)))

        let others: [(String, [String: Double])] = [
            ("never", [:]), ("after-loss", [:]), ("loss-streak", ["k": 1]), ("loss-streak", ["k": 2]), ("greedy", [:]),
        ]
        for (name, parameters) in others {
            let strategy = try StrategyRegistry.makeStrategy(named: name, parameters: parameters, rules: rules)
            let other = try ExactEvaluator.evaluate(strategy, rules: rules)
            #expect(optimal.revenuePerPlayer >= other.revenuePerPlayer - 1e-9, "\(strategy.label)")
        }
    }

    // V(g, b, s): the expected revenue still to come for a player at balance b with streak s who
    // has played g games, computed backward over plain arrays indexed by balance / stake.
    private func neverRevenueByBackwardInduction(_ rules: GameRules) -> Double {
        let stake = rules.stake
        let size = (rules.startingBalance + rules.maxGames * stake) / stake + 2
        let game = rules.expectedGameRevenue
        let p = rules.winProbability
        var later = [[Double]](repeating: [Double](repeating: 0, count: size), count: 5)
        for _ in stride(from: rules.maxGames - 1, through: 1, by: -1) {
            var now = later
            for streak in Streak.afterGame {
                for units in 0..<size {
                    guard units >= 1, units + 1 < size else {
                        now[Int(streak.rawValue)][units] = 0
                        continue
                    }
                    let win = later[Int(streak.afterWin.rawValue)][units + 1]
                    let loss = later[Int(streak.afterLoss.rawValue)][units - 1]
                    now[Int(streak.rawValue)][units] =
                        rules.continueProbability(after: streak) * (game + p * win + (1 - p) * loss)
                }
            }
            later = now
        }
        let start = rules.startingBalance / stake
        return game + p * later[Int(Streak.win.rawValue)][start + 1]
            + (1 - p) * later[Int(Streak.loss.rawValue)][start - 1]
    }
}
