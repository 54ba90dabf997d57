/// Gives a bonus exactly in the states where it raises the expected revenue, by an `OptimalPolicy`.
public struct OptimalStrategy: BonusStrategy, Hashable {
    /// The solved policy.
    public let policy: OptimalPolicy

    /// Creates the strategy from a solved or loaded policy.
    public init(policy: OptimalPolicy) {
        self.policy = policy
    }

    /// Solves the policy for `rules` and creates the strategy.
    ///
    /// Complexity: O(number of decision states), see `OptimalPolicy.solve(rules:)`.
    public init(rules: GameRules) {
        self.init(policy: OptimalPolicy.solve(rules: rules))
    }

    public var name: String { "optimal" }
    public var parameterDescription: String { "" }
    public var isMarkovian: Bool { true }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool {
        policy.table.shouldGiveBonus(games: state.gamesPlayed, balance: state.balance, streak: state.streak)
    }

    /// Returns the policy's own table when the rules match, without asking every state again.
    public func decisionTable(rules: GameRules) -> DecisionTable? {
        guard rules != policy.rules else { return policy.table }
        return DecisionTable.fits(rules) ? DecisionTable(strategy: self, rules: rules) : nil
    }
}
