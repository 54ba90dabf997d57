import Testing
import Strategies

@Suite struct StrategyRegistryTests {
    @Test func createsEveryRegisteredStrategy() throws {
        let rules = GameRules(maxGames: 20)
        for name in StrategyRegistry.names {
            let strategy = try StrategyRegistry.makeStrategy(named: name, rules: rules)
            #expect(strategy.name == name)
        }
    }

    @Test func appliesDefaultsAndParameters() throws {
        let rules = GameRules(maxGames: 20)
        let lossRatio = try StrategyRegistry.makeStrategy(named: "loss-ratio", rules: rules)
        #expect(lossRatio.label == "loss-ratio(N=10, p=0.7)")
        #expect(!lossRatio.isMarkovian)

        let custom = try StrategyRegistry.makeStrategy(named: "loss-ratio", parameters: ["N": 20, "p": 0.5], rules: rules)
        #expect(custom.label == "loss-ratio(N=20, p=0.5)")

        let shortStreak = try StrategyRegistry.makeStrategy(named: "loss-streak", parameters: ["k": 2], rules: rules)
        #expect(shortStreak.isMarkovian)
        let longStreak = try StrategyRegistry.makeStrategy(named: "loss-streak", parameters: ["k": 3], rules: rules)
        #expect(!longStreak.isMarkovian)
    }

    @Test func rejectsUnknownNames() {
        #expect {
            try StrategyRegistry.makeStrategy(named: "sometimes", rules: .standard)
        } throws: { error in
            (error as? StrategyError)?.message == "unknown strategy 'sometimes'; use one of: "
                + "never, after-loss, loss-streak, loss-ratio, greedy, optimal"
        }
        #expect {
            try StrategyRegistry.makeStrategy(named: "never", parameters: ["k": 1], rules: .standard)
        } throws: { error in
            (error as? StrategyError)?.message == "strategy 'never' has no parameter 'k'; it takes no parameters"
        }
    }

    @Test func rejectsOutOfRangeParameters() {
        #expect {
            try StrategyRegistry.makeStrategy(named: "loss-ratio", parameters: ["N": 65], rules: .standard)
        } throws: { error in
            (error as? StrategyError)?.message == "parameter 'N' of strategy 'loss-ratio' is 65.0; "
                + "it must be a whole number in 1...64"
        }
        #expect {
            try StrategyRegistry.makeStrategy(named: "loss-streak", parameters: ["k": 1.5], rules: .standard)
        } throws: { error in
            (error as? StrategyError)?.message.contains("parameter 'k' of strategy 'loss-streak' is 1.5") == true
        }
    }
}

@Suite struct DecisionTableLimitTests {
    @Test func standardRulesFit() {
        #expect(BalanceGrid(rules: .standard).stateCount == 4_384_200)
        #expect(DecisionTable.fits(.standard))
    }

    @Test func optimalRejectsHugeRules() {
        let rules = GameRules(startingBalance: 1_000_000, stake: 1_000_000, maxGames: 100_000, bonusAmount: 1)
        #expect(!DecisionTable.fits(rules))
        #expect {
            try StrategyRegistry.makeStrategy(named: "optimal", rules: rules)
        } throws: { error in
            (error as? StrategyError)?.message.hasPrefix("the optimal policy needs one decision state per") == true
        }
    }
}
