/// Gives a bonus after every lost game.
public struct AfterLossStrategy: BonusStrategy, Hashable {
    /// Creates the strategy.
    public init() {}

    public var name: String { "after-loss" }
    public var parameterDescription: String { "" }
    public var isMarkovian: Bool { true }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool { state.streak.isLosing }
}
