/// A rule that decides, after each game, whether the operator gives the player a bonus.
///
/// Strategies are values created for one set of `GameRules` (see `StrategyRegistry`). The
/// simulator never calls a strategy through an existential in its inner loop: it compiles a
/// Markovian strategy into a `DecisionTable` once and specializes its loop over history-dependent
/// strategy types.
public protocol BonusStrategy: Sendable {
    /// The name used in configs and reports, such as `loss-ratio`.
    var name: String { get }
    /// The parameters in `key=value` form separated by commas, or an empty string.
    var parameterDescription: String { get }
    /// Whether decisions depend only on games played, balance and streak, so the strategy can be
    /// evaluated exactly and compiled into a `DecisionTable`.
    var isMarkovian: Bool { get }

    /// Returns whether to give a bonus to a player in `state`, after the game and before the
    /// player decides whether to continue.
    func shouldGiveBonus(to state: PlayerState) -> Bool

    /// Returns the strategy's decision table, or nil when it is not Markovian or its states do not
    /// fit in a table (see `DecisionTable.fits(_:)`).
    ///
    /// The default implementation calls `shouldGiveBonus(to:)` for every state.
    func decisionTable(rules: GameRules) -> DecisionTable?
}

extension BonusStrategy {
    /// Builds the table from `shouldGiveBonus(to:)` for Markovian strategies.
    ///
    /// Complexity: O(number of decision states).
    public func decisionTable(rules: GameRules) -> DecisionTable? {
        guard isMarkovian, DecisionTable.fits(rules) else { return nil }
        return DecisionTable(strategy: self, rules: rules)
    }

    /// The name followed by the parameters in parentheses when there are any, such as
    /// `loss-ratio(N=10, p=0.7)`.
    public var label: String {
        parameterDescription.isEmpty ? name : "\(name)(\(parameterDescription))"
    }
}
