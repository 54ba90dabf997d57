import CGSL
import Foundation
import Strategies

/// Runs every strategy of a config at every sweep point, exactly where the strategy allows it
/// and by Monte Carlo simulation always.
public enum ExperimentRunner {
    /// The numbers of games played at which the report shows the optimal policy's decisions.
    static let policySliceGames = [5, 20, 50, 200, 1000]

    /// Returns the number of replications a run simulates, the unit of its progress reports.
    public static func replicationCount(_ config: ExperimentConfig) -> Int {
        config.points().reduce(0) { $0 + $1.replications } * config.strategies.count
    }

    /// The GSL version the simulation is linked against, such as `2.7.1`.
    public static var gslVersion: String { String(cString: cgsl_version()) }

    /// Runs the experiment.
    ///
    /// Every strategy at a point uses the point's seed, so strategies are compared on common
    /// random numbers, and the results do not depend on the thread count.
    ///
    /// - Parameters:
    ///   - config: A validated config.
    ///   - threads: The number of worker threads for the simulation; at least 1.
    ///   - toolVersion: The version of the calling tool, recorded in the result.
    ///   - progress: Called with 1 after each finished replication, from worker tasks.
    /// - Returns: The results of every point in expansion order.
    /// - Throws: `ExperimentError` when a strategy cannot be created for the rules of a point.
    /// - Complexity: O(points × strategies × replications × players × games per player), plus
    ///   one exact evaluation per Markovian strategy and point.
    public static func run(_ config: ExperimentConfig, threads: Int, toolVersion: String,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> ExperimentResult {
        precondition(threads >= 1, "an experiment needs at least one thread")
        var results: [PointResult] = []
        for point in config.points() {
            results.append(try await run(point, of: config, threads: threads, progress: progress))
        }
        return ExperimentResult(config: config, points: results, toolVersion: toolVersion,
                                gslVersion: gslVersion, threads: threads)
    }

    private static func run(_ point: ExperimentPoint, of config: ExperimentConfig, threads: Int,
                            progress: (@Sendable (Int) -> Void)?) async throws -> PointResult {
        let settings = MonteCarloSettings(replications: point.replications, seed: point.seed,
                                          generator: config.generator, threads: threads)
        var outcomes: [StrategyOutcome] = []
        var slices: [PolicySlice] = []
        var bonusStateCount: Int?
        for spec in config.strategies {
            let strategy: any BonusStrategy
            do {
                strategy = try StrategyRegistry.makeStrategy(named: spec.name, parameters: spec.parameterDictionary,
                                                             rules: point.rules)
            } catch {
                throw ExperimentError.failedRun("strategy \(spec.label) at point \(point.label): \(error.message)",
                                                file: config.file)
            }

            // Rules too large for a decision table leave Markovian strategies to the simulation,
            // which then runs them through the slower history loop.
            var exact: ExactEvaluation?
            var skipReason: String?
            if strategy.isMarkovian {
                if DecisionTable.fits(point.rules) {
                    exact = try ExactEvaluator.evaluate(strategy, rules: point.rules)
                } else {
                    skipReason = exactSkipReason(point.rules)
                }
            }
            // The simulator reports a running count per run; the experiment counts replications.
            var perReplication: (@Sendable (Int) -> Void)?
            if let progress {
                perReplication = { _ in progress(1) }
            }
            let summary = try await MonteCarloSimulator.run(
                strategy: strategy, rules: point.rules, settings: settings, progress: perReplication)
            outcomes.append(StrategyOutcome(strategy: spec, exact: exact, simulation: summary,
                                            exactSkipReason: skipReason))

            if let optimal = strategy as? OptimalStrategy {
                slices = policySlices(optimal.policy.table, rules: point.rules)
                bonusStateCount = optimal.policy.table.bonusStateCount
            }
        }
        return PointResult(point: point, outcomes: outcomes, policySlices: slices, policyBonusStateCount: bonusStateCount)
    }

    /// Returns why rules too large for a decision table get no exact evaluation, with the fix.
    public static func exactSkipReason(_ rules: GameRules) -> String {
        "exact evaluation skipped: \(BalanceGrid(rules: rules).stateCount) decision states exceed the limit of "
            + "\(DecisionTable.maxStateCount); lower rules.maxGames to at most "
            + "\(DecisionTable.largestFittingMaxGames(rules)) for exact values"
    }

    /// Reads the decisions of a table at a few numbers of games played, for the report's heat map.
    ///
    /// - Complexity: O(slices × balances in a row).
    public static func policySlices(_ table: DecisionTable, rules: GameRules) -> [PolicySlice] {
        var games = policySliceGames.filter { $0 < rules.maxGames }
        if games.count < 4 { games.append(rules.maxGames) }
        if games.count < 3, rules.maxGames > 2 { games.insert(max(1, rules.maxGames / 2), at: games.count - 1) }
        games = Array(Set(games)).sorted()

        let grid = table.grid
        return games.map { count in
            let indices = grid.lowestIndex(games: count)...grid.highestIndex(games: count)
            let balances = indices.map(grid.balance(atIndex:))
            let decisions = Streak.afterGame.map { streak in
                indices.map { index -> Bool? in
                    table.bonus(atBit: table.bitPosition(games: count, streak: streak, index: index))
                }
            }
            return PolicySlice(gamesPlayed: count, balances: balances, decisions: decisions)
        }
    }
}
