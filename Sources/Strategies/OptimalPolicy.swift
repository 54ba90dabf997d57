/// The revenue-maximizing bonus decision in every (games played, streak, balance) state, with the
/// expected revenue it earns.
public struct OptimalPolicy: Sendable, Hashable {
    /// The rules the policy was solved for.
    public let rules: GameRules
    /// The decision in every state.
    public let table: DecisionTable
    /// The expected revenue per player under the policy, from the backward induction.
    public let expectedRevenuePerPlayer: Double

    /// Creates a policy from its parts, for loading from a file.
    public init(rules: GameRules, table: DecisionTable, expectedRevenuePerPlayer: Double) {
        self.rules = rules
        self.table = table
        self.expectedRevenuePerPlayer = expectedRevenuePerPlayer
    }

    /// Returns whether the policy gives a bonus to a player with `balance` after `games` games
    /// and the given streak; states the rules cannot reach, and `.none`, get no bonus.
    @inlinable
    public func shouldGiveBonus(games: Int, balance: Int, streak: Streak) -> Bool {
        table.shouldGiveBonus(games: games, balance: balance, streak: streak)
    }
}
