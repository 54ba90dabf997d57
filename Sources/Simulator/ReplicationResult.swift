import Strategies

/// The totals of one simulated population.
struct ReplicationResult: Sendable, Equatable {
    var wins = 0
    var games = 0
    var bonuses = 0
    var broke = 0
    var atGameLimit = 0

    /// Returns the population's revenue, computed from integer totals so that it is exact up to
    /// one rounding per term.
    func revenue(rules: GameRules) -> Double {
        Double(wins) * rules.revenueFromWonGame + Double(games - wins) * rules.revenueFromLostGame
            - Double(bonuses) * rules.bonusCost
    }
}

/// Per-player counts that replications add into: how many games players played and what revenue
/// they brought.
///
/// Each worker keeps one value and the run adds them up at the end. The counts are integers, so
/// their sums do not depend on which worker simulated which replication.
struct PlayerCounts: Sendable {
    /// `playersByGames[n]` is the number of players who played exactly `n` games.
    var playersByGames: [Int]
    /// Per-player revenue counts in the bins of `bins`.
    var revenueCounts: [Int]
    /// The revenue bins, computed once per worker rather than per replication.
    let bins: RevenueBins

    init(rules: GameRules) {
        bins = RevenueBins(rules: rules)
        playersByGames = [Int](repeating: 0, count: rules.maxGames + 1)
        revenueCounts = [Int](repeating: 0, count: bins.count)
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
/// `-maxGames * (stake + bonusCost)` (every game won and a bonus after each). Bins are one stake
/// wide over that range, or a power of two stakes wide when that would exceed `maxCount` bins.
struct RevenueBins: Sendable {
    /// The largest number of bins, so a high bonus cost cannot make the histogram huge.
    static let maxCount = 1 << 16

    let lowerBound: Double
    let binWidth: Double
    let count: Int
    /// Whether a won game earns the operator `-stake` (net revenue) instead of `+stake`.
    let countsWinsAgainst: Bool
    /// The offset in stakes of a player's bonus costs from `lowerBound`, by number of bonuses.
    let bonusOffsets: [Int]
    /// The base-2 logarithm of the bin width in stakes.
    let shift: Int

    init(rules: GameRules) {
        let maxGames = rules.maxGames
        let stake = Double(rules.stake)
        lowerBound = -Double(maxGames) * (stake + rules.bonusCost)
        countsWinsAgainst = rules.revenueModel == .net
        bonusOffsets = (0...maxGames).map { bonuses in
            maxGames + Int((rules.bonusCost * Double(maxGames - bonuses) / stake).rounded(.down))
        }

        let stakeCount = 2 * maxGames + Int((Double(maxGames) * rules.bonusCost / stake).rounded(.down)) + 1
        var shift = 0
        while (stakeCount - 1) >> shift + 1 > Self.maxCount { shift += 1 }
        self.shift = shift
        count = (stakeCount - 1) >> shift + 1
        binWidth = stake * Double(1 << shift)
    }

    /// Returns the bin of a player with `games` games, `wins` of them won, and `bonuses` bonuses.
    ///
    /// A player's revenue is `stake * k - bonusCost * bonuses` with `k = games - 2 * wins` under net
    /// revenue and `k = games` under turnover. Its offset from `lowerBound` in whole stakes is
    /// therefore `k` plus an offset that depends only on the bonuses, and the bin is that offset
    /// divided by the bin width in stakes. Integer arithmetic keeps the per-player epilogue of
    /// the simulation loops short.
    @inline(__always)
    func bin(games: Int, wins: Int, bonuses: Int) -> Int {
        ((countsWinsAgainst ? games &- 2 &* wins : games) &+ bonusOffsets[bonuses]) &>> shift
    }
}
