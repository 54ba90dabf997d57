import Simulator
import Strategies

/// Builds experiment results with chosen values, so report and sweep tests know every number.
enum SyntheticResults {
    /// Returns an outcome whose simulated replications are `replications` (revenue per 1000
    /// players) and whose exact revenue per 1000 players is `exact`, when given.
    static func outcome(_ strategy: StrategySpec, exact: Double?, bonusesPerPlayer: Double = 0,
                        replications: [Double], seed: UInt64 = 7) -> StrategyOutcome {
        let count = Double(replications.count)
        let mean = replications.reduce(0, +) / count
        let variance = replications.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let standardError = (variance / count).squareRoot()
        let summary = MonteCarloSummary(
            strategy: strategy.label,
            settings: MonteCarloSettings(replications: replications.count, seed: seed, generator: .mt19937, threads: 1),
            meanRevenuePer1000Players: mean, standardDeviation: variance.squareRoot(), standardError: standardError,
            confidenceInterval99: (mean - 3 * standardError)...(mean + 3 * standardError),
            gamesPerPlayer: 3.5, bonusesPerPlayer: bonusesPerPlayer, shareBroke: 0.25, shareAtGameLimit: 0.125,
            replicationRevenuesPer1000Players: replications, survival: [1, 0.5, 0.25, 0],
            revenueHistogram: RevenueHistogram(lowerBound: -10, binWidth: 10, counts: [1, 2, 1]))
        let evaluation = exact.map {
            ExactEvaluation(strategy: strategy.label, revenuePerPlayer: $0 / 1000, gamesPerPlayer: 3.5,
                            bonusesPerPlayer: bonusesPerPlayer, shareBroke: 0.25, shareAtGameLimit: 0.125,
                            survival: [1, 0.5, 0.25, 0])
        }
        return StrategyOutcome(strategy: strategy, exact: evaluation, simulation: summary)
    }

    /// Builds a bonus cost sweep over `costs` where `never` earns 1000 per 1000 players and
    /// `after-loss`, with 0.1 bonuses per player, earns `1500 - 100 * cost`: break-even at 5.
    static func bonusCostSweep(costs: [Double]) throws -> ExperimentResult {
        let list = costs.map { formatConfigNumber($0) }.joined(separator: ", ")
        let config = try ExperimentConfig.parse(
            #"{"name": "sweep", "rules": {"bonusCost": [\#(list)]}, "strategies": ["never", "after-loss"]}"#)
        let points = config.points().map { point in
            let cost = point.rules.bonusCost
            let afterLoss = 1500 - 100 * cost
            return PointResult(point: point, outcomes: [
                outcome(StrategySpec(name: "never"), exact: 1000, replications: [990, 1010, 1000]),
                outcome(StrategySpec(name: "after-loss"), exact: afterLoss, bonusesPerPlayer: 0.1,
                        replications: [afterLoss - 10, afterLoss + 10, afterLoss]),
            ])
        }
        return ExperimentResult(config: config, points: points, toolVersion: "test", gslVersion: "2.7", threads: 1)
    }

    /// Builds a single-point result with one exact strategy, one simulated-only strategy with a comma in
    /// its label, and an optimal policy slice.
    static func singlePoint() throws -> ExperimentResult {
        let config = try ExperimentConfig.parse(#"""
            {"name": "small", "rules": {"maxGames": 3, "playersPerPopulation": 50},
             "strategies": ["never", {"name": "loss-ratio", "N": 10, "p": 0.5}],
             "simulation": {"replications": 3, "seed": 7}}
            """#)
        let point = config.points()[0]
        let slice = PolicySlice(gamesPlayed: 2, balances: [980, 990, 1000, 1010, 1020],
                                decisions: Array(repeating: [false, true, nil, false, false], count: 4))
        let result = PointResult(point: point, outcomes: [
            outcome(config.strategies[0], exact: 1250.5, replications: [1200, 1300, 1250]),
            outcome(config.strategies[1], exact: nil, bonusesPerPlayer: 0.5, replications: [1100, 1150, 1120]),
        ], policySlices: [slice])
        return ExperimentResult(config: config, points: [result], toolVersion: "test", gslVersion: "2.7", threads: 1)
    }
}
