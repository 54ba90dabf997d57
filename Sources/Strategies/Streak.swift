/// The run of results a player has just had, as far as it changes their wish to keep playing.
///
/// A bonus counts as a win for the streak. Only `none` (before the first game) and runs of one or
/// of two and more results are distinguished, because the continuation probabilities differ only there.
public enum Streak: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No game played yet.
    case none = 0
    /// The last result was a win (or a bonus) after a loss or at the start.
    case win = 1
    /// Two or more wins (or bonuses) in a row.
    case wins = 2
    /// The last result was a loss after a win or at the start.
    case loss = 3
    /// Two or more losses in a row.
    case losses = 4

    /// The four streaks a player can have after a game, in the row order of decision tables.
    public static let afterGame: [Streak] = [.win, .wins, .loss, .losses]

    /// The streak after one more win or bonus.
    @inlinable
    public var afterWin: Streak {
        switch self {
        case .win, .wins: .wins
        case .none, .loss, .losses: .win
        }
    }

    /// The streak after one more loss.
    @inlinable
    public var afterLoss: Streak {
        switch self {
        case .loss, .losses: .losses
        case .none, .win, .wins: .loss
        }
    }

    /// Whether the last result was a loss.
    @inlinable
    public var isLosing: Bool { self == .loss || self == .losses }

    /// The position of a streak in `afterGame`. It traps for `none`, which has no position.
    @inlinable
    public var rowIndex: Int {
        precondition(self != .none, "a player has a streak after every game")
        return Int(rawValue) - 1
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .win: "win"
        case .wins: "wins"
        case .loss: "loss"
        case .losses: "losses"
        }
    }
}
