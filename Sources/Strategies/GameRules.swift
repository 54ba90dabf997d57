/// The rules of the game and of the population it is played by, in money units.
///
/// One round: the game is played and its result updates the streak, the strategy decides whether to
/// give a bonus, and the player then decides whether to continue with a probability set by the
/// streak. The first game is always played, and a player with less than one stake cannot continue.
public struct GameRules: Sendable, Hashable {
    /// The balance each player starts with.
    public var startingBalance: Int
    /// The amount staked on each game. A win pays it to the player and a loss costs it.
    public var stake: Int
    /// The probability that the player wins one game.
    public var winProbability: Double
    /// The probability of continuing after exactly one win (or bonus).
    public var continueAfterWin: Double
    /// The probability of continuing after two or more wins (or bonuses) in a row.
    public var continueAfterWinStreak: Double
    /// The probability of continuing after exactly one loss.
    public var continueAfterLoss: Double
    /// The probability of continuing after two or more losses in a row.
    public var continueAfterLossStreak: Double
    /// The maximum number of games one player plays.
    public var maxGames: Int
    /// The number of players in one simulated population (one replication).
    public var playersPerPopulation: Int
    /// The amount a bonus adds to the player's balance.
    public var bonusAmount: Int
    /// The operator's cost of one bonus, subtracted from revenue.
    public var bonusCost: Double
    /// The way revenue is counted.
    public var revenueModel: RevenueModel

    /// The ways the operator can count revenue.
    public enum RevenueModel: String, Sendable, Hashable, Codable, CaseIterable {
        /// The amount players lose minus the amount they win, minus bonus costs.
        case net
        /// The total staked, minus bonus costs.
        case turnover
    }

    /// The default rules: 1000 units, stakes of 10, a 48% chance to win, 1000 games at most,
    /// populations of 1000 players, bonuses of 10 that cost 10, and net revenue.
    public static let standard = GameRules()

    /// Creates rules with standard values for omitted arguments and `bonusAmount` as the default `bonusCost`.
    public init(startingBalance: Int = 1000, stake: Int = 10, winProbability: Double = 0.48,
                continueAfterWin: Double = 0.80, continueAfterWinStreak: Double = 0.90,
                continueAfterLoss: Double = 0.60, continueAfterLossStreak: Double = 0.40,
                maxGames: Int = 1000, playersPerPopulation: Int = 1000, bonusAmount: Int = 10,
                bonusCost: Double? = nil, revenueModel: RevenueModel = .net) {
        self.startingBalance = startingBalance
        self.stake = stake
        self.winProbability = winProbability
        self.continueAfterWin = continueAfterWin
        self.continueAfterWinStreak = continueAfterWinStreak
        self.continueAfterLoss = continueAfterLoss
        self.continueAfterLossStreak = continueAfterLossStreak
        self.maxGames = maxGames
        self.playersPerPopulation = playersPerPopulation
        self.bonusAmount = bonusAmount
        self.bonusCost = bonusCost ?? Double(bonusAmount)
        self.revenueModel = revenueModel
    }

    /// Returns the probability that a player with `streak` after the bonus decision continues;
    /// 1 before the first game, which is always played.
    @inlinable
    public func continueProbability(after streak: Streak) -> Double {
        switch streak {
        case .none: 1
        case .win: continueAfterWin
        case .wins: continueAfterWinStreak
        case .loss: continueAfterLoss
        case .losses: continueAfterLossStreak
        }
    }

    /// The operator's revenue from one game the player wins, before bonus costs.
    @inlinable
    public var revenueFromWonGame: Double {
        revenueModel == .net ? -Double(stake) : Double(stake)
    }

    /// The operator's revenue from one game the player loses, before bonus costs.
    @inlinable
    public var revenueFromLostGame: Double { Double(stake) }

    /// The expected revenue from one game, before bonus costs.
    @inlinable
    public var expectedGameRevenue: Double {
        winProbability * revenueFromWonGame + (1 - winProbability) * revenueFromLostGame
    }
}
