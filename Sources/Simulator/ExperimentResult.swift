import CGSL

/// The evaluation of one strategy at one sweep point: the exact value when the strategy allows
/// one, and the Monte Carlo estimates.
public struct StrategyOutcome: Sendable {
    /// The strategy as the config names it.
    public var strategy: StrategySpec
    /// The exact expectations, or nil when the strategy depends on the game history and was
    /// evaluated by simulation only.
    public var exact: ExactEvaluation?
    /// The Monte Carlo estimates.
    public var simulation: MonteCarloSummary
    /// Why a Markovian strategy was simulated only, such as too many decision states for an exact
    /// evaluation, or nil when it was evaluated exactly or depends on the game history.
    public var exactSkipReason: String?

    /// Creates an outcome.
    public init(strategy: StrategySpec, exact: ExactEvaluation?, simulation: MonteCarloSummary,
                exactSkipReason: String? = nil) {
        self.strategy = strategy
        self.exact = exact
        self.simulation = simulation
        self.exactSkipReason = exactSkipReason
    }

    /// Whether the strategy was evaluated exactly as well as by simulation.
    public var isExact: Bool { exact != nil }

    /// The exact expected revenue per 1000 players, when known.
    public var exactRevenuePer1000Players: Double? { exact?.revenuePer1000Players }

    /// The value used to rank strategies: the exact revenue when known, else the simulated mean.
    public var rankingRevenue: Double { exact?.revenuePer1000Players ?? simulation.meanRevenuePer1000Players }
}

/// The states in which the optimal policy gives a bonus, at one number of games played.
public struct PolicySlice: Sendable, Hashable {
    /// The number of games played at the decision.
    public var gamesPlayed: Int
    /// The balances of the columns, ascending.
    public var balances: [Int]
    /// One row per streak in `Streak.afterGame` order; true where a bonus is given, nil where
    /// the state cannot be reached.
    public var decisions: [[Bool?]]

    /// Creates a slice.
    public init(gamesPlayed: Int, balances: [Int], decisions: [[Bool?]]) {
        self.gamesPlayed = gamesPlayed
        self.balances = balances
        self.decisions = decisions
    }
}

/// Every strategy's outcome at one sweep point.
public struct PointResult: Sendable {
    /// The sweep point.
    public var point: ExperimentPoint
    /// The outcomes in config order.
    public var outcomes: [StrategyOutcome]
    /// The optimal policy's decisions at a few numbers of games played, empty when `optimal`
    /// is not among the strategies.
    public var policySlices: [PolicySlice]
    /// The number of decision states in which the optimal policy gives a bonus, over the whole
    /// table, or nil when `optimal` is not among the strategies.
    public var policyBonusStateCount: Int?

    /// Creates a point result.
    public init(point: ExperimentPoint, outcomes: [StrategyOutcome], policySlices: [PolicySlice] = [],
                policyBonusStateCount: Int? = nil) {
        self.point = point
        self.outcomes = outcomes
        self.policySlices = policySlices
        self.policyBonusStateCount = policyBonusStateCount
    }

    /// The outcome with the highest revenue; ties within a relative 1e-9 go to the strategy
    /// listed first, so an `optimal` that gives no bonus does not displace `never`.
    ///
    /// Two exactly evaluated strategies compare by exact value; otherwise they compare by
    /// simulated mean, which is fair because strategies at one point share their random numbers.
    public var best: StrategyOutcome? {
        var best: StrategyOutcome?
        for outcome in outcomes {
            guard let current = best else {
                best = outcome
                continue
            }
            if outcome.revenueLead(over: current) > outcome.tieTolerance(with: current) { best = outcome }
        }
        return best
    }
}

extension PointResult {
    /// Returns the other strategies whose exact revenue equals that of `outcome` within the tie
    /// tolerance; empty when `outcome` has no exact value.
    public func exactTies(with outcome: StrategyOutcome) -> [StrategyOutcome] {
        guard outcome.isExact else { return [] }
        return outcomes.filter { other in
            other.strategy != outcome.strategy && other.isExact
                && abs(other.revenueLead(over: outcome)) <= other.tieTolerance(with: outcome)
        }
    }
}

extension StrategyOutcome {
    /// Returns how much more revenue per 1000 players this strategy earns than `other`: by exact
    /// values when both have one, else by simulated means on common random numbers.
    public func revenueLead(over other: StrategyOutcome) -> Double {
        if let exact, let otherExact = other.exact {
            return exact.revenuePer1000Players - otherExact.revenuePer1000Players
        }
        return simulation.meanRevenuePer1000Players - other.simulation.meanRevenuePer1000Players
    }

    /// The difference below which two revenues count as equal: a relative 1e-9, for the
    /// rounding of exact evaluations.
    public func tieTolerance(with other: StrategyOutcome) -> Double {
        1e-9 * max(1, abs(rankingRevenue), abs(other.rankingRevenue))
    }

    /// Returns the mean difference of simulated revenue per 1000 players, this strategy minus
    /// `other`, over paired replications (the same seeds), with the half width of its 99%
    /// confidence interval from Student's t; nil when the replication counts differ or are
    /// below 2.
    ///
    /// Pairing removes the variation both strategies share, so the interval is far narrower
    /// than the two separate intervals suggest.
    ///
    /// - Complexity: O(replications).
    public func simulatedDifference(from other: StrategyOutcome) -> (mean: Double, halfWidth: Double)? {
        let mine = simulation.replicationRevenuesPer1000Players
        let theirs = other.simulation.replicationRevenuesPer1000Players
        guard mine.count == theirs.count, mine.count >= 2 else { return nil }
        let differences = zip(mine, theirs).map { $0 - $1 }
        let count = Double(differences.count)
        let mean = differences.reduce(0, +) / count
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let halfWidth = gsl_cdf_tdist_Pinv(0.995, count - 1) * (variance / count).squareRoot()
        return (mean, halfWidth)
    }

    /// The expected number of bonuses per player: exact when known, else simulated.
    public var bonusesPerPlayer: Double { exact?.bonusesPerPlayer ?? simulation.bonusesPerPlayer }
}

/// The result of a whole experiment: every point with every strategy, and what ran it.
public struct ExperimentResult: Sendable {
    /// The config that was run, after command-line overrides.
    public var config: ExperimentConfig
    /// The results in the order of `config.points()`.
    public var points: [PointResult]
    /// The version of the tool that produced the result.
    public var toolVersion: String
    /// The GSL version the simulation linked against.
    public var gslVersion: String
    /// The number of worker threads used.
    public var threads: Int

    /// Creates a result.
    public init(config: ExperimentConfig, points: [PointResult], toolVersion: String, gslVersion: String, threads: Int) {
        self.config = config
        self.points = points
        self.toolVersion = toolVersion
        self.gslVersion = gslVersion
        self.threads = threads
    }
}
