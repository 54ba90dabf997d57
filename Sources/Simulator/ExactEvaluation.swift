/// The exact expectations of a Markovian strategy under some rules, per player.
public struct ExactEvaluation: Sendable, Hashable, Codable {
    /// The strategy name with its parameters, such as `loss-streak(k=2)`.
    public var strategy: String
    /// The expected revenue per player.
    public var revenuePerPlayer: Double
    /// The expected number of games per player.
    public var gamesPerPlayer: Double
    /// The expected number of bonuses per player.
    public var bonusesPerPlayer: Double
    /// The probability that a player stops before the game limit because they cannot afford a stake.
    public var shareBroke: Double
    /// The probability that a player plays `maxGames` games.
    public var shareAtGameLimit: Double
    /// `survival[n]` is the probability that a player plays more than `n` games, for n in 0...maxGames.
    public var survival: [Double]

    /// Creates an evaluation from its values, for fixtures and for results read back from files.
    public init(strategy: String, revenuePerPlayer: Double, gamesPerPlayer: Double, bonusesPerPlayer: Double,
                shareBroke: Double, shareAtGameLimit: Double, survival: [Double]) {
        self.strategy = strategy
        self.revenuePerPlayer = revenuePerPlayer
        self.gamesPerPlayer = gamesPerPlayer
        self.bonusesPerPlayer = bonusesPerPlayer
        self.shareBroke = shareBroke
        self.shareAtGameLimit = shareAtGameLimit
        self.survival = survival
    }

    /// The expected revenue of 1000 players.
    public var revenuePer1000Players: Double { revenuePerPlayer * 1000 }
}
