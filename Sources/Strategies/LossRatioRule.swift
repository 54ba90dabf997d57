/// The loss-ratio rule: a player is flagged when at least a share `threshold` of their last
/// `lastGames` games were losses.
///
/// One value of this type drives the `loss-ratio` bonus strategy, the batch detectors over ORC data
/// stores and the stream detectors, so every engine flags the same players. A game counts as lost
/// when its result is negative; a result of 0 is not a loss.
public struct LossRatioRule: Sendable, Hashable, Codable {
    /// The number of most recent games the rule looks at (N).
    public var lastGames: Int
    /// The share of those games that must be losses, in [0, 1] (p).
    public var threshold: Double
    /// Whether a player with fewer than `lastGames` games is judged over the games they have.
    public var allowsShortHistory: Bool

    /// The default rule: at least 70% of the last 10 games lost, full histories only.
    public static let standard = LossRatioRule(lastGames: 10, threshold: 0.7, allowsShortHistory: false)

    /// Creates a rule, trapping on values no caller may pass; validate user input first with
    /// `validationError(lastGames:threshold:)`.
    public init(lastGames: Int, threshold: Double, allowsShortHistory: Bool = false) {
        precondition(Self.validationError(lastGames: lastGames, threshold: threshold) == nil,
                     "invalid loss-ratio rule: N=\(lastGames), p=\(threshold)")
        self.lastGames = lastGames
        self.threshold = threshold
        self.allowsShortHistory = allowsShortHistory
    }

    /// Returns a message naming the bad value and the allowed range, or nil when both are valid.
    public static func validationError(lastGames: Int, threshold: Double) -> String? {
        if lastGames < 1 {
            return "the number of last games N is \(lastGames); it must be at least 1"
        }
        if !(0...1).contains(threshold) {
            return "the loss threshold p is \(threshold); it must lie in [0, 1]"
        }
        return nil
    }

    /// Returns whether a game result counts as a loss for this rule.
    @inlinable
    public static func isLoss(_ result: Int) -> Bool { result < 0 }

    /// Returns the smallest loss count that flags a player over `games` games.
    ///
    /// The small tolerance keeps `0.7 * 10` at 7 despite binary rounding of 0.7.
    @inlinable
    public func minimumLosses(over games: Int) -> Int {
        let exact = threshold * Double(games)
        return max(0, Int((exact - 1e-9).rounded(.up)))
    }

    /// Returns whether a player with `losses` losses among their last `games` games is flagged.
    ///
    /// `games` is the length of the player's window: `lastGames` for a full history, fewer for a
    /// player who has not played that many games yet.
    @inlinable
    public func isFlagged(losses: Int, games: Int) -> Bool {
        guard games > 0 else { return false }
        if games < lastGames && !allowsShortHistory { return false }
        return losses >= minimumLosses(over: min(games, lastGames))
    }
}

/// The outcomes of a player's most recent games, kept in a fixed-size ring with a running loss count.
///
/// Used by the loss-ratio strategy, the stateful stream detector and the columnar batch engine, so
/// per-player state stays O(N) whatever the length of the history.
public struct RecentLosses: Sendable, Hashable {
    @usableFromInline var ring: [Bool]
    @usableFromInline var next = 0
    /// The number of games recorded so far, capped at the window size.
    public private(set) var count = 0
    /// The number of losses among the recorded games.
    public private(set) var losses = 0

    /// Creates an empty window over the last `capacity` games.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a window of recent games needs room for at least one game")
        ring = Array(repeating: false, count: capacity)
    }

    /// The window size N.
    public var capacity: Int { ring.count }

    /// Records the newest game, evicting the oldest one when the window is full.
    public mutating func record(isLoss: Bool) {
        if count == ring.count {
            if ring[next] { losses -= 1 }
        } else {
            count += 1
        }
        ring[next] = isLoss
        if isLoss { losses += 1 }
        next = next + 1 == ring.count ? 0 : next + 1
    }
}
