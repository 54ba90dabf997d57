/// The estimates of one Monte Carlo run of a strategy.
///
/// Each replication simulates one population. The revenue estimates are the mean and spread of the
/// replications' revenues per 1000 players, with the standard error of that mean.
public struct MonteCarloSummary: Sendable, Hashable, Codable {
    /// The strategy name with its parameters, such as `loss-ratio(N=10, p=0.7)`.
    public var strategy: String
    /// The settings of the run, seed and generator included.
    public var settings: MonteCarloSettings
    /// The mean revenue per 1000 players over the replications.
    public var meanRevenuePer1000Players: Double
    /// The standard deviation of the replications' revenues per 1000 players.
    public var standardDeviation: Double
    /// The standard error of the mean, `standardDeviation / sqrt(replications)`.
    public var standardError: Double
    /// The 99% confidence interval of the mean revenue per 1000 players, from Student's t with
    /// `replications - 1` degrees of freedom (`gsl_cdf_tdist_Pinv`). It is a single point for one
    /// replication.
    public var confidenceInterval99: ClosedRange<Double>
    /// The mean number of games per player.
    public var gamesPerPlayer: Double
    /// The mean number of bonuses per player.
    public var bonusesPerPlayer: Double
    /// The share of players who stopped before the game limit because they could not afford a stake.
    public var shareBroke: Double
    /// The share of players who played `maxGames` games.
    public var shareAtGameLimit: Double
    /// The revenue per 1000 players of each replication, in replication order.
    public var replicationRevenuesPer1000Players: [Double]
    /// `survival[n]` is the share of players who played more than `n` games, for n in 0...maxGames.
    public var survival: [Double]
    /// The distribution of revenue per player over all simulated players.
    public var revenueHistogram: RevenueHistogram

    /// Creates a summary from its values, for fixtures and for results read back from files.
    public init(strategy: String, settings: MonteCarloSettings, meanRevenuePer1000Players: Double,
                standardDeviation: Double, standardError: Double, confidenceInterval99: ClosedRange<Double>,
                gamesPerPlayer: Double, bonusesPerPlayer: Double, shareBroke: Double, shareAtGameLimit: Double,
                replicationRevenuesPer1000Players: [Double], survival: [Double], revenueHistogram: RevenueHistogram) {
        self.strategy = strategy
        self.settings = settings
        self.meanRevenuePer1000Players = meanRevenuePer1000Players
        self.standardDeviation = standardDeviation
        self.standardError = standardError
        self.confidenceInterval99 = confidenceInterval99
        self.gamesPerPlayer = gamesPerPlayer
        self.bonusesPerPlayer = bonusesPerPlayer
        self.shareBroke = shareBroke
        self.shareAtGameLimit = shareAtGameLimit
        self.replicationRevenuesPer1000Players = replicationRevenuesPer1000Players
        self.survival = survival
        self.revenueHistogram = revenueHistogram
    }
}

/// A histogram of revenue per player with bins of equal width.
public struct RevenueHistogram: Sendable, Hashable, Codable {
    /// The lower edge of the first bin.
    public var lowerBound: Double
    /// The width of every bin.
    public var binWidth: Double
    /// The number of players per bin; bin `i` covers `[lowerBound + i*binWidth, lowerBound + (i+1)*binWidth)`.
    public var counts: [Int]

    /// Creates a histogram.
    public init(lowerBound: Double, binWidth: Double, counts: [Int]) {
        self.lowerBound = lowerBound
        self.binWidth = binWidth
        self.counts = counts
    }
}
