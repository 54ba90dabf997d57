import Foundation
import Testing
import Strategies

@Suite struct OptimalPolicyTests {
    @Test func singleGameNeedsNoBonus() {
        let policy = OptimalPolicy.solve(rules: GameRules(maxGames: 1))
        #expect(abs(policy.expectedRevenuePerPlayer - 0.4) < 1e-12)
        #expect(policy.table.bonusStateCount == 0)
    }

    @Test func bonusRescuesBrokePlayer() {
        // Start with one stake, two games, turnover revenue (10 per game), bonuses cost 2.
        // A player who loses game 1 is broke; a bonus (cost 2) lets them continue with 0.8, worth
        // 0.8 * 10 - 2 = 6 > 0. After a win a bonus lifts continuing from 0.8 to 0.9, worth
        // 0.1 * 10 - 2 < 0. Value: 10 + 0.48 * 0.8 * 10 + 0.52 * 6 = 16.96.
        let rules = GameRules(startingBalance: 10, maxGames: 2, bonusCost: 2, revenueModel: .turnover)
        let policy = OptimalPolicy.solve(rules: rules)
        #expect(abs(policy.expectedRevenuePerPlayer - 16.96) < 1e-12)
        #expect(policy.table.shouldGiveBonus(games: 1, balance: 0, streak: .loss))
        #expect(!policy.table.shouldGiveBonus(games: 1, balance: 20, streak: .win))
        #expect(!policy.table.shouldGiveBonus(games: 2, balance: 0, streak: .loss), "no game follows the last one")
    }

    @Test func exportedPolicyLoadsBack() throws {
        let rules = GameRules(startingBalance: 100, maxGames: 60, bonusCost: 2, revenueModel: .turnover)
        let policy = OptimalPolicy.solve(rules: rules)
        #expect(policy.table.bonusStateCount > 0)

        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try policy.export(to: url)
        let loaded = try OptimalPolicy.load(from: url)
        #expect(loaded == policy)
    }

    @Test func truncatedPolicyFileThrows() throws {
        let policy = OptimalPolicy.solve(rules: GameRules(startingBalance: 100, maxGames: 30))
        let data = try policy.exportData()
        let truncated = data.prefix(data.count / 2)
        #expect {
            try OptimalPolicy.decode(truncated, path: "half.json")
        } throws: { error in
            guard let error = error as? StrategyError else { return false }
            return error.isInvalidPolicyFile
                && error.message.hasPrefix("policy file 'half.json' cannot be loaded: it is not a complete policy JSON object")
        }
    }

    @Test func corruptPolicyBitsThrow() throws {
        let policy = OptimalPolicy.solve(rules: GameRules(startingBalance: 100, maxGames: 30, bonusCost: 1,
                                                          revenueModel: .turnover))
        var object = try #require(try JSONSerialization.jsonObject(with: policy.exportData()) as? [String: Any])
        let bits = try #require(object["bits"] as? String)
        let flipped = bits.first == "A" ? "B" : "A"
        object["bits"] = flipped + bits.dropFirst()
        let corrupt = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try OptimalPolicy.decode(corrupt, path: "p.json")
        } throws: { error in
            (error as? StrategyError)?.message.contains("the checksum of field 'bits' is") == true
        }

        object["bits"] = bits
        object["version"] = 2
        let newer = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try OptimalPolicy.decode(newer, path: "p.json")
        } throws: { error in
            (error as? StrategyError)?.message.contains("field 'version' is 2; this program reads version 1") == true
        }
    }

    @Test func missingPolicyFileThrows() {
        let url = temporaryURL()
        #expect {
            try OptimalPolicy.load(from: url)
        } throws: { error in
            (error as? StrategyError)?.message.hasPrefix("policy file '\(url.path)' cannot be loaded: it cannot be read") == true
        }
    }

    private func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
    }
}
