import Simulator
import Strategies
import Testing

@Suite("Experiment runner")
struct ExperimentRunnerTests {
    @Test("oversized rules simulate Markovian strategies only")
    func oversizedRulesSimulateOnly() async throws {
        let text = """
            {"rules": {"maxGames": 20000, "playersPerPopulation": 50},
             "strategies": ["never", "greedy"], "simulation": {"replications": 2, "seed": 5}}
            """
        let config = try ExperimentConfig.parse(text)

        let result = try await ExperimentRunner.run(config, threads: 1, toolVersion: "test")

        let outcomes = try #require(result.points.first?.outcomes)
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            #expect(outcome.exact == nil)
            #expect(outcome.simulation.gamesPerPlayer > 1)
            let reason = try #require(outcome.exactSkipReason)
            #expect(reason.contains("1608060200 decision states exceed the limit of 1073741824"))
            #expect(reason.contains("lower rules.maxGames to at most 16333"))
        }
    }

    @Test("fitting rules evaluate Markovian strategies exactly")
    func fittingRulesEvaluateExactly() async throws {
        let text = #"{"rules": {"maxGames": 30, "playersPerPopulation": 50}, "strategies": ["greedy"], "simulation": {"replications": 2}}"#
        let config = try ExperimentConfig.parse(text)

        let result = try await ExperimentRunner.run(config, threads: 1, toolVersion: "test")

        let outcome = try #require(result.points.first?.outcomes.first)
        #expect(outcome.exact != nil)
        #expect(outcome.exactSkipReason == nil)
    }

    @Test("largest fitting maxGames is the boundary")
    func largestFittingMaxGames() {
        let largest = DecisionTable.largestFittingMaxGames(GameRules())

        #expect(DecisionTable.fits(GameRules(maxGames: largest)))
        #expect(!DecisionTable.fits(GameRules(maxGames: largest + 1)))
    }
}

@Suite("Counted nouns")
struct CountedNounTests {
    @Test("singular and plural", arguments: [
        (1, "1 strategy"), (0, "0 strategies"), (2, "2 strategies"),
    ])
    func strategies(count: Int, expected: String) {
        #expect(counted(count, "strategy", plural: "strategies") == expected)
    }

    @Test("default plural appends s")
    func defaultPlural() {
        #expect(counted(1, "player") == "1 player")
        #expect(counted(3, "player") == "3 players")
    }
}
