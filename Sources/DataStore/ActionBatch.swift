/// The columns of the game-action schema that a scan can read.
public struct ActionColumns: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The `user_id` column.
    public static let userID = ActionColumns(rawValue: 1 << 0)
    /// The `action_time` column.
    public static let actionTime = ActionColumns(rawValue: 1 << 1)
    /// The `game_type` column.
    public static let gameType = ActionColumns(rawValue: 1 << 2)
    /// The `result` column.
    public static let result = ActionColumns(rawValue: 1 << 3)

    /// The three columns the loss-ratio rule needs: the projection of the columnar engine.
    public static let detection: ActionColumns = [.userID, .actionTime, .result]
    /// All four columns, as a record-at-a-time job reads them.
    public static let all: ActionColumns = [.userID, .actionTime, .gameType, .result]
}

/// The place of a row in a data store, ordered first by part file, then by row within the file.
///
/// The loss-ratio rule breaks ties between equal action times by this order, so the position of a
/// row is `fileIndex << 40 | rowInFile`, which fits part files of up to 2^40 rows.
public enum ActionPosition {
    /// The number of bits that hold the row number within a part file.
    public static let rowBits = 40

    /// Returns the position of row `row` of part file `fileIndex`.
    @inlinable
    public static func make(fileIndex: Int, row: Int64) -> Int64 {
        Int64(fileIndex) << Int64(rowBits) | row
    }
}

/// A batch of game actions in columnar form, as one stripe or part of a stripe yields it.
///
/// Columns that the scan did not request are empty. Action times are nanoseconds since
/// 1970-01-01 00:00:00 UTC. Row `i` sits at position `firstPosition + i`.
public struct ActionBatch: Sendable {
    /// The number of rows in the batch.
    public var count: Int
    /// The position of the first row; see `ActionPosition`.
    public var firstPosition: Int64
    /// The `user_id` values.
    public var userIDs: [Int64]
    /// The `action_time` values in nanoseconds since the Unix epoch, UTC.
    public var actionTimes: [Int64]
    /// The `game_type` values.
    public var gameTypes: [String]
    /// The `result` values.
    public var results: [Int64]
    /// Whether each row has all requested detection columns present, or nil when no value is null.
    ///
    /// Rows with a null user, time or result take no part in detection.
    public var isComplete: [Bool]?

    /// Creates a batch from its columns.
    public init(
        count: Int,
        firstPosition: Int64,
        userIDs: [Int64] = [],
        actionTimes: [Int64] = [],
        gameTypes: [String] = [],
        results: [Int64] = [],
        isComplete: [Bool]? = nil
    ) {
        self.count = count
        self.firstPosition = firstPosition
        self.userIDs = userIDs
        self.actionTimes = actionTimes
        self.gameTypes = gameTypes
        self.results = results
        self.isComplete = isComplete
    }
}
