import Strategies

/// The totals of one simulated population.
struct ReplicationResult: Sendable {
    /// The population's revenue.
    var revenue = 0.0
    var games = 0
    var bonuses = 0
    var broke = 0
    var atGameLimit = 0
    /// `playersByGames[n]` is the number of players who played exactly `n` games.
    var playersByGames: [Int]
    /// Per-player revenue counts in the bins of `RevenueBins`.
    var revenueCounts: [Int]

    init(maxGames: Int, revenueBinCount: Int) {
        playersByGames = [Int](repeating: 0, count: maxGames + 1)
        revenueCounts = [Int](repeating: 0, count: revenueBinCount)
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

    init(rules: GameRules) {
        let games = Double(rules.maxGames)
        lowerBound = -games * (Double(rules.stake) + rules.bonusCost)
        binWidth = Double(rules.stake)
        count = Int(((games * Double(rules.stake) - lowerBound) / binWidth).rounded(.down)) + 1
    }

    @inline(__always)
    func bin(of revenue: Double) -> Int {
        min(count - 1, max(0, Int((revenue - lowerBound) / binWidth)))
    }
}
