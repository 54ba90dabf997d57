/// One row of the game-action schema.
public struct GameAction: Sendable, Hashable {
    /// The player, `user_id`.
    public var userID: Int64
    /// The time of the game, `action_time`, in nanoseconds since the Unix epoch, UTC.
    public var actionTime: Int64
    /// The game played, `game_type`.
    public var gameType: String
    /// The outcome, `result`: negative for a loss.
    public var result: Int64

    /// Creates an action.
    public init(userID: Int64, actionTime: Int64, gameType: String, result: Int64) {
        self.userID = userID
        self.actionTime = actionTime
        self.gameType = gameType
        self.result = result
    }
}
