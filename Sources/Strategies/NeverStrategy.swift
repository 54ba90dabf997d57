/// The baseline strategy: never gives a bonus.
public struct NeverStrategy: BonusStrategy, Hashable {
    /// Creates the strategy.
    public init() {}

    public var name: String { "never" }
    public var parameterDescription: String { "" }
    public var isMarkovian: Bool { true }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool { false }
}
