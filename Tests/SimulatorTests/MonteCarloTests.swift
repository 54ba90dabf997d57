import Synchronization
import Testing
@testable import Simulator
import Strategies

@Suite struct MonteCarloTests {
    static let exactNames = ["never", "after-loss", "loss-streak", "greedy", "optimal"]

    @Test(arguments: exactNames)
    func exactValueInsideInterval(name: String) async throws {
        let rules = GameRules(startingBalance: 100, maxGames: 200, playersPerPopulation: 500, bonusCost: 2,
                              revenueModel: .turnover)
        let settings = MonteCarloSettings(replications: 40, seed: 20_261_204, threads: 2)
        let (exact, summary) = try await evaluateAndSimulate(name, rules: rules, settings: settings)

        #expect(summary.confidenceInterval99.contains(exact.revenuePer1000Players),
                "exact \(exact.revenuePer1000Players), interval \(summary.confidenceInterval99)")
        #expect(summary.standardError > 0)
        #expect(summary.replicationRevenuesPer1000Players.count == 40)
        // The standard error of a share over 20 000 players is at most 0.0036, so allow five of them.
        #expect(abs(summary.shareBroke - exact.shareBroke) < 0.018)
        #expect(abs(summary.shareAtGameLimit - exact.shareAtGameLimit) < 0.018)
        #expect(abs(summary.survival[1] - exact.survival[1]) < 0.018)
    }

    @Test(arguments: exactNames)
    func exactValueInsideIntervalUnderStandardRules(name: String) async throws {
        let rules = GameRules.standard
        let settings = MonteCarloSettings(replications: 30, seed: 7, threads: 2)
        let (exact, summary) = try await evaluateAndSimulate(name, rules: rules, settings: settings)

        #expect(summary.confidenceInterval99.contains(exact.revenuePer1000Players),
                "exact \(exact.revenuePer1000Players), interval \(summary.confidenceInterval99)")
        #expect(abs(summary.bonusesPerPlayer - exact.bonusesPerPlayer) < 0.05 * max(1, exact.bonusesPerPlayer))
    }

    @Test(arguments: ["loss-ratio", "optimal"])
    func threadCountDoesNotChangeResults(name: String) async throws {
        let rules = GameRules(startingBalance: 100, maxGames: 100, playersPerPopulation: 300)
        let strategy = try StrategyRegistry.makeStrategy(named: name, rules: rules)
        var oneThread = try await MonteCarloSimulator.run(
            strategy: strategy, rules: rules, settings: MonteCarloSettings(replications: 9, seed: 42, threads: 1))
        let twoThreads = try await MonteCarloSimulator.run(
            strategy: strategy, rules: rules, settings: MonteCarloSettings(replications: 9, seed: 42, threads: 2))

        #expect(oneThread.replicationRevenuesPer1000Players == twoThreads.replicationRevenuesPer1000Players)
        oneThread.settings.threads = 2
        #expect(oneThread == twoThreads)
    }

    @Test func replicationSeedsAreDistinct() {
        for seed: UInt64 in [0, 1, 20_261_204, .max] {
            let seeds = (0..<100_000).map { RandomGeneratorKind.replicationSeed(seed: seed, replication: $0) }
            #expect(Set(seeds).count == seeds.count)
            #expect(seeds.allSatisfy { $0 <= UInt64(UInt32.max) })
        }
    }

    @Test func seedChangesResults() async throws {
        let rules = GameRules(startingBalance: 100, maxGames: 100, playersPerPopulation: 300)
        let first = try await MonteCarloSimulator.run(
            strategy: NeverStrategy(), rules: rules, settings: MonteCarloSettings(replications: 3, seed: 1, threads: 1))
        let second = try await MonteCarloSimulator.run(
            strategy: NeverStrategy(), rules: rules, settings: MonteCarloSettings(replications: 3, seed: 2, threads: 1))
        #expect(first.replicationRevenuesPer1000Players != second.replicationRevenuesPer1000Players)
    }

    @Test(arguments: [RandomGeneratorKind.ranlxs0, .taus2, .gfsr4, .ranlux])
    func everyGeneratorEstimatesSameValue(generator: RandomGeneratorKind) async throws {
        let rules = GameRules(startingBalance: 100, maxGames: 100, playersPerPopulation: 500)
        let exact = try ExactEvaluator.evaluate(NeverStrategy(), rules: rules)
        let settings = MonteCarloSettings(replications: 20, seed: 3, generator: generator, threads: 2)
        let summary = try await MonteCarloSimulator.run(strategy: NeverStrategy(), rules: rules, settings: settings)
        #expect(summary.confidenceInterval99.contains(exact.revenuePer1000Players),
                "exact \(exact.revenuePer1000Players), interval \(summary.confidenceInterval99)")
    }

    @Test(arguments: ["loss-streak", "greedy", "after-loss"])
    func tableAndHistoryLoopsAgree(name: String) throws {
        let rules = GameRules(startingBalance: 50, maxGames: 80, playersPerPopulation: 400, bonusCost: 2,
                              revenueModel: .turnover)
        let strategy = try StrategyRegistry.makeStrategy(named: name, rules: rules)
        let tableLoop = PopulationKernel(strategy: strategy, rules: rules)
        let historyLoop = PopulationKernel(strategy: strategy, rules: rules, usesHistory: true)
        guard case .table = tableLoop else {
            Issue.record("a Markovian strategy runs through its decision table")
            return
        }

        let first = GSLGenerator(kind: .mt19937, seed: 11)
        let second = GSLGenerator(kind: .mt19937, seed: 11)
        var tableCounts = PlayerCounts(rules: rules)
        var historyCounts = PlayerCounts(rules: rules)
        let fromTable = tableLoop.simulatePopulation(generator: first.pointer, counts: &tableCounts)
        let fromHistory = historyLoop.simulatePopulation(generator: second.pointer, counts: &historyCounts)
        #expect(fromTable == fromHistory)
        #expect(fromTable.bonuses > 0)
        #expect(tableCounts.playersByGames == historyCounts.playersByGames)
        #expect(tableCounts.revenueCounts == historyCounts.revenueCounts)
    }

    @Test func lossRatioOverOneGameIsAfterLoss() async throws {
        // Flagging a player whose last game was lost is the after-loss strategy, so both runs draw
        // the same numbers and give bonuses at the same points.
        let rules = GameRules(startingBalance: 100, maxGames: 100, playersPerPopulation: 300)
        let settings = MonteCarloSettings(replications: 8, seed: 9, threads: 2)
        let lossRatio = LossRatioStrategy(rule: LossRatioRule(lastGames: 1, threshold: 1))
        let fromHistory = try await MonteCarloSimulator.run(strategy: lossRatio, rules: rules, settings: settings)
        let fromTable = try await MonteCarloSimulator.run(strategy: AfterLossStrategy(), rules: rules, settings: settings)

        #expect(fromHistory.replicationRevenuesPer1000Players == fromTable.replicationRevenuesPer1000Players)
        #expect(fromHistory.bonusesPerPlayer == fromTable.bonusesPerPlayer)
        #expect(fromHistory.bonusesPerPlayer > 0)
    }

    @Test func expensiveBonusesWidenHistogramBins() async throws {
        // The range spans 2 * 1000 + 1000 * 100 000 / 10 + 1 = 10 002 001 stakes. Bins of 2^8 stakes
        // are the narrowest power of two that keeps the count (39 071) within 65 536.
        let rules = GameRules(maxGames: 1000, playersPerPopulation: 200, bonusCost: 100_000)
        let summary = try await MonteCarloSimulator.run(
            strategy: AfterLossStrategy(), rules: rules, settings: MonteCarloSettings(replications: 2, seed: 4, threads: 1))
        let histogram = summary.revenueHistogram
        #expect(histogram.binWidth == 10 * 256)
        #expect(histogram.counts.reduce(0, +) == 400)
        #expect(histogram.counts.count > 1)
        let lowerEdges = histogram.counts.indices.reduce(0.0) { total, bin in
            total + Double(histogram.counts[bin]) * (histogram.lowerBound + Double(bin) * histogram.binWidth)
        }
        let totalRevenue = summary.meanRevenuePer1000Players * 400 / 1000
        #expect(lowerEdges <= totalRevenue)
        #expect(totalRevenue < lowerEdges + 400 * histogram.binWidth)
    }

    @Test func summaryIsConsistent() async throws {
        let rules = GameRules(startingBalance: 100, maxGames: 50, playersPerPopulation: 200)
        let strategy = LossRatioStrategy(rule: LossRatioRule(lastGames: 5, threshold: 0.6))
        let reported = Mutex([Int]())
        let summary = try await MonteCarloSimulator.run(
            strategy: strategy, rules: rules, settings: MonteCarloSettings(replications: 6, seed: 5, threads: 2),
            progress: { completed in reported.withLock { $0.append(completed) } })

        #expect(reported.withLock { $0.sorted() } == [1, 2, 3, 4, 5, 6])
        #expect(summary.strategy == "loss-ratio(N=5, p=0.6)")
        #expect(summary.bonusesPerPlayer > 0)
        #expect(summary.survival.first == 1)
        #expect(summary.survival.last == 0)
        #expect(summary.revenueHistogram.counts.reduce(0, +) == 6 * 200)
        // Every player's revenue lies in their bin, so the total lies between the bin edge sums.
        let histogram = summary.revenueHistogram
        let lowerEdges = histogram.counts.indices.reduce(0.0) { total, bin in
            total + Double(histogram.counts[bin]) * (histogram.lowerBound + Double(bin) * histogram.binWidth)
        }
        let totalRevenue = summary.meanRevenuePer1000Players * 6 * 200 / 1000
        #expect(lowerEdges <= totalRevenue + 1e-6)
        #expect(totalRevenue < lowerEdges + Double(6 * 200) * histogram.binWidth)
        let mean = summary.replicationRevenuesPer1000Players.reduce(0, +) / 6
        #expect(abs(summary.meanRevenuePer1000Players - mean) < 1e-9 * max(1, abs(mean)))
        #expect(summary.confidenceInterval99.contains(summary.meanRevenuePer1000Players))
        // Student's t with 5 degrees of freedom: the 0.995 quantile is 4.032.
        let halfWidth = summary.confidenceInterval99.upperBound - summary.meanRevenuePer1000Players
        #expect(abs(halfWidth / summary.standardError - 4.032_142_983_557_536) < 1e-9)
    }

    private func evaluateAndSimulate(_ name: String, rules: GameRules, settings: MonteCarloSettings) async throws
        -> (ExactEvaluation, MonteCarloSummary) {
        let strategy = try StrategyRegistry.makeStrategy(named: name, rules: rules)
        let exact = try ExactEvaluator.evaluate(strategy, rules: rules)
        let summary = try await MonteCarloSimulator.run(strategy: strategy, rules: rules, settings: settings)
        return (exact, summary)
    }
}
