/// Gives a bonus when it raises the expected revenue of the next game by more than it costs.
///
/// With the bonus, the player continues with the probability of their streak after one more win,
/// and a player short of a stake may afford the next game. The one-step gain is
/// `(P(continue | bonus) - P(continue | no bonus)) * expectedGameRevenue`, and the strategy gives
/// a bonus when the gain exceeds `bonusCost`. No bonus is given after the last allowed game.
public struct GreedyStrategy: BonusStrategy, Hashable {
    /// The rules the gains are computed for.
    public let rules: GameRules

    /// Creates the strategy for `rules`.
    public init(rules: GameRules) {
        self.rules = rules
    }

    public var name: String { "greedy" }
    public var parameterDescription: String { "" }
    public var isMarkovian: Bool { true }

    @inlinable
    public func shouldGiveBonus(to state: PlayerState) -> Bool {
        guard state.gamesPlayed < rules.maxGames else { return false }

        let withoutBonus = state.balance >= rules.stake ? rules.continueProbability(after: state.streak) : 0
        let withBonus = state.balance + rules.bonusAmount >= rules.stake
            ? rules.continueProbability(after: state.streak.afterWin) : 0
        return (withBonus - withoutBonus) * rules.expectedGameRevenue > rules.bonusCost
    }
}
