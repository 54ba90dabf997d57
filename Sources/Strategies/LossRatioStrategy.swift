/// Gives a bonus when a player has lost at least a share `p` of their last `N` games, by
/// `LossRatioRule`.
///
/// The decision depends on the game history, so the strategy is estimated by simulation only.
/// Bonuses are not games: they do not enter the window of last games.
public struct LossRatioStrategy: BonusStrategy, Hashable {
    /// The largest window the strategy supports, the capacity of `RecentResults`.
    public static let maxWindow = RecentResults.capacity

    /// The rule that flags a player.
    public let rule: LossRatioRule

    /// Creates the strategy for a rule whose window is at most `maxWindow` games.
    public init(rule: LossRatioRule = .standard) {
        precondition(rule.lastGames <= Self.maxWindow, "the loss-ratio window holds at most 64 games")
        self.rule = rule
    }

    public var name: String { "loss-ratio" }
    public var parameterDescription: String { "N=\(rule.lastGames), p=\(rule.threshold)" }
    public var isMarkovian: Bool { false }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool {
        let games = min(state.recentResults.count, rule.lastGames)
        return rule.isFlagged(losses: state.recentResults.losses(inLast: games), games: games)
    }
}
