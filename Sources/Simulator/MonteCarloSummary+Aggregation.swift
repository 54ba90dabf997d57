import CGSL
import Strategies

extension MonteCarloSummary {
    /// Combines the replications, in replication order, into the summary.
    init(strategy: String, settings: MonteCarloSettings, rules: GameRules, results: [ReplicationResult],
         counts: PlayerCounts) {
        let players = Double(rules.playersPerPopulation)
        let revenues = results.map { $0.revenue(rules: rules) * 1000 / players }
        let count = Double(revenues.count)
        let mean = revenues.reduce(0, +) / count
        let variance = revenues.count > 1
            ? revenues.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1) : 0
        let standardDeviation = variance.squareRoot()
        let standardError = standardDeviation / count.squareRoot()
        let halfWidth = revenues.count > 1
            ? gsl_cdf_tdist_Pinv(0.995, count - 1) * standardError : 0

        let allPlayers = count * players
        // survival[n] = share of players with more than n games.
        var remaining = Int(allPlayers)
        let survival = counts.playersByGames.map { playersWithExactly in
            remaining -= playersWithExactly
            return Double(remaining) / allPlayers
        }

        self.init(
            strategy: strategy, settings: settings, meanRevenuePer1000Players: mean,
            standardDeviation: standardDeviation, standardError: standardError,
            confidenceInterval99: (mean - halfWidth)...(mean + halfWidth),
            gamesPerPlayer: Double(results.reduce(0) { $0 + $1.games }) / allPlayers,
            bonusesPerPlayer: Double(results.reduce(0) { $0 + $1.bonuses }) / allPlayers,
            shareBroke: Double(results.reduce(0) { $0 + $1.broke }) / allPlayers,
            shareAtGameLimit: Double(results.reduce(0) { $0 + $1.atGameLimit }) / allPlayers,
            replicationRevenuesPer1000Players: revenues, survival: survival,
            revenueHistogram: Self.trimmedHistogram(counts: counts.revenueCounts, bins: RevenueBins(rules: rules))
        )
    }

    // Drops the empty bins at both ends, which are most of the fixed range.
    private static func trimmedHistogram(counts: [Int], bins: RevenueBins) -> RevenueHistogram {
        guard let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else {
            return RevenueHistogram(lowerBound: bins.lowerBound, binWidth: bins.binWidth, counts: [])
        }
        return RevenueHistogram(lowerBound: bins.lowerBound + Double(first) * bins.binWidth,
                                binWidth: bins.binWidth, counts: Array(counts[first...last]))
    }
}
