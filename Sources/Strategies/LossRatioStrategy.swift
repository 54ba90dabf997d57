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
        fullWindowLosses = rule.minimumLosses(over: rule.lastGames)
        windowMask = rule.lastGames == 64 ? ~0 : (1 << UInt64(rule.lastGames)) - 1
    }

    // The loss count that flags a full window and the mask of its bits, computed once because the
    // simulation calls `shouldGiveBonus` after every game.
    @usableFromInline let fullWindowLosses: Int
    @usableFromInline let windowMask: UInt64

    public var name: String { "loss-ratio" }
    public var parameterDescription: String { "N=\(rule.lastGames), p=\(rule.threshold)" }
    public var isMarkovian: Bool { false }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool {
        let recent = state.recentResults
        guard recent.count >= rule.lastGames else {
            return rule.isFlagged(losses: recent.losses(inLast: recent.count), games: recent.count)
        }
        return (recent.lossBits & windowMask).nonzeroBitCount >= fullWindowLosses
    }
}
