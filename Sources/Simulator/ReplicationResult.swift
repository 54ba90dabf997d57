import Strategies

/// The totals of one simulated population.
struct ReplicationResult: Sendable, Equatable {
    /// The population's revenue, summed over its players in order.
    var revenue = 0.0
    var games = 0
    var bonuses = 0
    var broke = 0
    var atGameLimit = 0
}

/// Per-player counts that replications add into: how many games players played and what revenue
/// they brought.
///
/// Each worker keeps one value and the run adds them up at the end. The counts are integers, so
/// their sums do not depend on which worker simulated which replication.
struct PlayerCounts: Sendable, Equatable {
    /// `playersByGames[n]` is the number of players who played exactly `n` games.
    var playersByGames: [Int]
    /// Per-player revenue counts in the bins of `RevenueBins`.
    var revenueCounts: [Int]

    init(rules: GameRules) {
        playersByGames = [Int](repeating: 0, count: rules.maxGames + 1)
        revenueCounts = [Int](repeating: 0, count: RevenueBins(rules: rules).count)
    }

    mutating func add(_ other: PlayerCounts) {
        for n in playersByGames.indices { playersByGames[n] += other.playersByGames[n] }
        for bin in revenueCounts.indices { revenueCounts[bin] += other.revenueCounts[bin] }
    }
}

/// The bins of the per-player revenue histogram, fixed by the rules before any game is played so
/// every replication counts into the same bins.
///
/// One player earns at most `maxGames * stake` (every game lost) and at least
/// `-maxGames * (stake + bonusCost)` (every game won and a bonus after each), so bins of one stake
/// over that range hold every player.
struct RevenueBins: Sendable {
    let lowerBound: Double
    let binWidth: Double
    let count: Int
    // The per-player epilogue multiplies instead of dividing. A value within rounding of a bin edge
    // may land in the neighbouring bin, but in the same bin in every loop.
    private let binsPerUnit: Double

    init(rules: GameRules) {
        let games = Double(rules.maxGames)
        lowerBound = -games * (Double(rules.stake) + rules.bonusCost)
        binWidth = Double(rules.stake)
        count = Int(((games * Double(rules.stake) - lowerBound) / binWidth).rounded(.down)) + 1
        binsPerUnit = 1 / binWidth
    }

    @inline(__always)
    func bin(of revenue: Double) -> Int {
        min(count - 1, max(0, Int((revenue - lowerBound) * binsPerUnit)))
    }
}
