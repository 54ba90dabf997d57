/// A player flagged by the loss-ratio rule, with the window that flagged them.
public struct FlaggedUser: Sendable, Hashable {
    /// The player, `user_id`.
    public var userID: Int64
    /// The number of losses among the player's last games.
    public var losses: Int
    /// The number of games in the window: N, or fewer for a short history with `allowsShortHistory`.
    public var games: Int
    /// The time of the player's latest game, in nanoseconds since the Unix epoch, UTC.
    public var lastActionTime: Int64

    /// Creates a flagged player.
    public init(userID: Int64, losses: Int, games: Int, lastActionTime: Int64) {
        self.userID = userID
        self.losses = losses
        self.games = games
        self.lastActionTime = lastActionTime
    }
}

/// The result of a detection engine over a whole data store.
public struct DetectionResult: Sendable, Hashable {
    /// The number of rows that took part (rows with a null user, time or result do not).
    public var rowsRead: Int
    /// The number of distinct players seen.
    public var usersSeen: Int
    /// The flagged players, sorted by user id.
    public var flagged: [FlaggedUser]

    /// Creates a result.
    public init(rowsRead: Int, usersSeen: Int, flagged: [FlaggedUser]) {
        self.rowsRead = rowsRead
        self.usersSeen = usersSeen
        self.flagged = flagged
    }

    /// Returns a message naming the first difference from `other`, or nil when both are identical.
    public func firstDifference(from other: DetectionResult, names: (String, String)) -> String? {
        if rowsRead != other.rowsRead {
            return "\(names.0) read \(rowsRead) rows but \(names.1) read \(other.rowsRead)"
        }
        if usersSeen != other.usersSeen {
            return "\(names.0) saw \(usersSeen) users but \(names.1) saw \(other.usersSeen)"
        }
        for (mine, theirs) in zip(flagged, other.flagged) where mine != theirs {
            return "first differing flagged user: \(names.0) has \(mine), \(names.1) has \(theirs)"
        }
        if flagged.count != other.flagged.count {
            return "\(names.0) flagged \(flagged.count) users but \(names.1) flagged \(other.flagged.count)"
        }
        return nil
    }
}
