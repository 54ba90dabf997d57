/// The state of one player that a bonus strategy decides on, after a game and before the bonus
/// decision.
///
/// `gamesPlayed`, `balance` and `streak` form the Markov state that exact evaluation and the optimal
/// policy range over. The other fields keep the history that strategies such as `loss-ratio` need.
public struct PlayerState: Sendable, Hashable {
    /// The number of games played so far, including the one that just ended.
    public var gamesPlayed: Int
    /// The balance in money units, after the result of the last game.
    public var balance: Int
    /// The streak after the last game, in which an earlier bonus counted as a win.
    public var streak: Streak
    /// The number of games lost in a row since the last win or bonus.
    public var lossRunLength: Int
    /// The results of the last 64 games at most.
    public var recentResults: RecentResults

    /// Creates the state of a player before their first game.
    public init(startingBalance: Int) {
        gamesPlayed = 0
        balance = startingBalance
        streak = .none
        lossRunLength = 0
        recentResults = RecentResults()
    }

    /// Creates a state with explicit fields, for tests and for replaying recorded games.
    ///
    /// A nil `lossRunLength` becomes the shortest run the streak implies: 1 for `loss`, 2 for
    /// `losses` and 0 otherwise.
    public init(gamesPlayed: Int, balance: Int, streak: Streak, lossRunLength: Int? = nil,
                recentResults: RecentResults = RecentResults()) {
        self.gamesPlayed = gamesPlayed
        self.balance = balance
        self.streak = streak
        self.lossRunLength = lossRunLength ?? Self.shortestLossRun(for: streak)
        self.recentResults = recentResults
    }

    private static func shortestLossRun(for streak: Streak) -> Int {
        switch streak {
        case .loss: 1
        case .losses: 2
        case .none, .win, .wins: 0
        }
    }

    /// Records the result of one game of `stake` units.
    @inlinable
    public mutating func recordGame(won: Bool, stake: Int) {
        gamesPlayed += 1
        if won {
            balance += stake
            streak = streak.afterWin
            lossRunLength = 0
        } else {
            balance -= stake
            streak = streak.afterLoss
            lossRunLength += 1
        }
        recentResults.record(isLoss: !won)
    }

    /// Records a bonus of `amount` units, which the player counts as a win.
    @inlinable
    public mutating func recordBonus(amount: Int) {
        balance += amount
        streak = streak.afterWin
        lossRunLength = 0
    }
}

/// The results of a player's last games, up to 64, kept as a bit ring without allocation.
///
/// Bit 0 is the most recent game and a set bit is a loss. A bonus is not a game and is not recorded.
public struct RecentResults: Sendable, Hashable {
    /// The maximum number of games the window keeps.
    public static let capacity = 64

    /// The loss bits, newest game in bit 0.
    public var lossBits: UInt64 = 0
    /// The number of games recorded, capped at `capacity`.
    public var count = 0

    /// Creates an empty window.
    public init() {}

    /// Records the newest game.
    @inlinable
    public mutating func record(isLoss: Bool) {
        lossBits = (lossBits << 1) | (isLoss ? 1 : 0)
        if count < Self.capacity { count += 1 }
    }

    /// Returns the number of losses among the last `games` games recorded (fewer when the window
    /// contains fewer). `games` must lie in 0...64.
    @inlinable
    public func losses(inLast games: Int) -> Int {
        precondition((0...Self.capacity).contains(games), "a window of recent games holds at most 64 games")
        guard games > 0 else { return 0 }
        let mask: UInt64 = games == 64 ? ~0 : (1 << UInt64(games)) - 1
        return (lossBits & mask).nonzeroBitCount
    }
}
