/// Gives a bonus once a player has lost `k` games in a row since their last win or bonus.
///
/// For `k` of 1 or 2 the streak alone decides, so the strategy is Markovian. A longer run needs
/// the run length from the history, so the strategy is then estimated by simulation only.
public struct LossStreakStrategy: BonusStrategy, Hashable {
    /// The number of losses in a row that triggers a bonus, at least 1.
    public let length: Int

    /// Creates the strategy for a `length` of at least 1.
    public init(length: Int) {
        precondition(length >= 1, "a loss streak has at least one loss")
        self.length = length
    }

    public var name: String { "loss-streak" }
    public var parameterDescription: String { "k=\(length)" }
    public var isMarkovian: Bool { length <= 2 }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool {
        switch length {
        case 1: state.streak.isLosing
        case 2: state.streak == .losses
        default: state.lossRunLength >= length
        }
    }
}
