import Foundation
import Reports
import Simulator
import Strategies
import Testing

@Suite("Sweep expansion and change points")
struct ExperimentSweepTests {
    @Test("two axes expand first axis slowest")
    func expansionOrder() throws {
        let config = try ExperimentConfig.parse(#"""
            {"name": "grid", "rules": {"bonusCost": [0, 1, 2], "stake": [5, 10]}, "strategies": ["never"]}
            """#)

        let points = config.points()
        #expect(config.pointCount == 6)
        #expect(points.count == 6)
        #expect(points.map(\.index) == Array(0..<6))
        #expect(points.map(\.rules.stake) == [5, 5, 5, 10, 10, 10])
        #expect(points.map(\.rules.bonusCost) == [0, 1, 2, 0, 1, 2])
        #expect(points[4].label == "stake=10, bonusCost=1")
    }

    @Test("simulation fields are sweep axes too")
    func simulationAxis() throws {
        let config = try ExperimentConfig.parse(#"""
            {"name": "grid", "rules": {"winProbability": [0.4, 0.5]}, "simulation": {"replications": [2, 3, 4]},
             "strategies": ["never"]}
            """#)

        let points = config.points()
        #expect(points.count == 6)
        #expect(points.map(\.replications) == [2, 3, 4, 2, 3, 4])
        #expect(points.map(\.rules.winProbability) == [0.4, 0.4, 0.4, 0.5, 0.5, 0.5])
    }

    @Test("strategy parameter arrays expand into strategies")
    func strategyVariants() throws {
        let config = try ExperimentConfig.parse(#"""
            {"name": "variants", "strategies": ["never", {"name": "loss-ratio", "N": [5, 10], "p": [0.6, 0.8]}]}
            """#)

        #expect(config.strategies.map(\.label) == [
            "never", "loss-ratio(N=5, p=0.6)", "loss-ratio(N=5, p=0.8)", "loss-ratio(N=10, p=0.6)", "loss-ratio(N=10, p=0.8)",
        ])
        #expect(config.pointCount == 1)
    }

    @Test("oversized sweep is rejected")
    func oversizedSweep() {
        let values = (1...101).map(String.init).joined(separator: ", ")
        do {
            _ = try ExperimentConfig.parse(#"""
                {"name": "big", "rules": {"maxGames": [\#(values)], "bonusAmount": [\#(values)]}, "strategies": ["never"]}
                """#)
            Issue.record("a sweep of 10201 points parsed")
        } catch {
            #expect(error.description.contains("10201 points"))
            #expect(error.description.contains("at most 10000"))
        }
    }

    @Test("break-even between sweep points")
    func breakEven() throws {
        let result = try SyntheticResults.bonusCostSweep(costs: [0, 2, 4, 6, 8, 10])

        let breakEvens = result.breakEvens()
        #expect(breakEvens.count == 1)
        let breakEven = try #require(breakEvens.first)
        #expect(breakEven.axis == "rules.bonusCost")
        #expect(breakEven.lowerValue == 4)
        #expect(breakEven.upperValue == 6)
        #expect(abs(breakEven.crossing - 5) < 1e-9)
        #expect(breakEven.strategy == "after-loss")
        #expect(breakEven.bonusPaysBelow)
        #expect(result.breakEvens(exactOnly: true) == breakEvens)
    }

    @Test("greedy break-even is called a lower bound")
    func greedyBreakEvenLowerBound() async throws {
        let config = try ExperimentConfig.parse(#"""
            {"name": "greedy-cost", "rules": {"maxGames": 30, "playersPerPopulation": 20, "bonusCost": [0, 1]},
             "strategies": ["never", "greedy"], "simulation": {"replications": 2}}
            """#)

        let result = try await ExperimentRunner.run(config, threads: 1, toolVersion: "test")

        let breakEven = try #require(result.breakEvens(exactOnly: true).first)
        #expect(breakEven.strategy == "greedy")
        #expect(breakEven.isLowerBound)
        #expect(result.terminalTable().contains("greedy earns more than never (a lower bound: greedy re-optimises"))
        #expect(result.htmlReport(createdAt: Date(timeIntervalSince1970: 0)).contains("break-even ≥"))
    }

    @Test("best strategy change at the break-even")
    func strategyChange() throws {
        let result = try SyntheticResults.bonusCostSweep(costs: [0, 2, 4, 6, 8, 10])

        #expect(result.points.map { $0.best?.strategy.name } == ["after-loss", "after-loss", "after-loss", "never", "never", "never"])
        let changes = result.strategyChanges()
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.before == "after-loss")
        #expect(change.after == "never")
        #expect(abs(change.crossing - 5) < 1e-9)
    }

    @Test("no change when one strategy wins everywhere")
    func noChange() throws {
        let result = try SyntheticResults.bonusCostSweep(costs: [6, 7, 8])

        #expect(result.strategyChanges().isEmpty)
        #expect(result.breakEvens().isEmpty)
        #expect(result.terminalTable().contains("The best strategy is the same at every sweep point."))
    }

    @Test("ties go to the strategy listed first")
    func ties() throws {
        let result = try SyntheticResults.bonusCostSweep(costs: [5])

        #expect(result.points[0].best?.strategy.name == "never")
    }

    @Test("paired difference of simulated revenues")
    func pairedDifference() {
        let first = SyntheticResults.outcome(StrategySpec(name: "never"), exact: nil, replications: [10, 20, 30, 40])
        let second = SyntheticResults.outcome(StrategySpec(name: "greedy"), exact: nil, replications: [9, 18, 27, 38])

        let difference = first.simulatedDifference(from: second)
        // Differences 1, 2, 3, 2: mean 2, sample variance 2/3, t(0.995; 3) = 5.840909.
        #expect(difference.map { abs($0.mean - 2) < 1e-12 } == true)
        #expect(difference.map { abs($0.halfWidth - 5.840909 * (2.0 / 3 / 4).squareRoot()) < 1e-5 } == true)
    }
}
