import Foundation
import Testing
import Strategies

@Suite struct GameRulesTests {
    @Test func standardRulesAreValid() throws {
        let rules = GameRules.standard
        try rules.validate()
        #expect(rules.bonusCost == 10)
        #expect(rules.continueProbability(after: .losses) == 0.40)
        #expect(abs(rules.expectedGameRevenue - 0.4) < 1e-12)
    }

    @Test func turnoverCountsEveryStake() {
        let rules = GameRules(revenueModel: .turnover)
        #expect(rules.revenueFromWonGame == 10)
        #expect(rules.revenueFromLostGame == 10)
        #expect(rules.expectedGameRevenue == 10)
    }

    @Test func validationNamesField() {
        let cases: [(GameRules, String)] = [
            (GameRules(stake: 0), "'stake' is 0"),
            (GameRules(startingBalance: 5), "'startingBalance' is 5"),
            (GameRules(winProbability: 1.5), "'winProbability' is 1.5"),
            (GameRules(continueAfterLossStreak: -0.1), "'continueAfterLossStreak' is -0.1"),
            (GameRules(maxGames: 0), "'maxGames' is 0"),
            (GameRules(bonusCost: -.infinity), "'bonusCost' is -inf"),
        ]
        for (rules, expected) in cases {
            #expect {
                try rules.validate()
            } throws: { error in
                (error as? StrategyError)?.message.contains(expected) == true
            }
        }
    }

    @Test func decodingFillsDefaults() throws {
        let json = Data(#"{"bonusAmount": 25, "maxGames": 50, "revenueModel": "turnover"}"#.utf8)
        let rules = try JSONDecoder().decode(GameRules.self, from: json)
        #expect(rules.bonusAmount == 25)
        #expect(rules.bonusCost == 25)
        #expect(rules.maxGames == 50)
        #expect(rules.stake == 10)
        #expect(rules.revenueModel == .turnover)

        let roundTrip = try JSONDecoder().decode(GameRules.self, from: JSONEncoder().encode(rules))
        #expect(roundTrip == rules)
    }
}
