import CGSL
import Strategies

/// The inner loop that simulates one population, chosen once per run so the loop itself calls no
/// existential.
///
/// Both loops draw the same uniforms in the same order: one for each game, then one for the
/// continue decision unless the player stops at the game limit or broke. A Markovian strategy
/// therefore gives the same results through either loop.
enum PopulationKernel: Sendable {
    case table(DecisionTable, GameRules)
    case lossRatio(LossRatioStrategy, GameRules)
    case lossStreak(LossStreakStrategy, GameRules)
    case history(any BonusStrategy, GameRules)

    /// Chooses the loop for a strategy. Tests set `usesHistory` to force the history loop.
    init(strategy: any BonusStrategy, rules: GameRules, usesHistory: Bool = false) {
        if !usesHistory, let table = strategy.decisionTable(rules: rules) {
            self = .table(table, rules)
        } else if let lossRatio = strategy as? LossRatioStrategy {
            self = .lossRatio(lossRatio, rules)
        } else if let lossStreak = strategy as? LossStreakStrategy {
            self = .lossStreak(lossStreak, rules)
        } else {
            self = .history(strategy, rules)
        }
    }

    /// Simulates one population with draws from `generator`, adding its players to `counts`.
    func simulatePopulation(generator: UnsafeMutablePointer<gsl_rng>, counts: inout PlayerCounts) -> ReplicationResult {
        switch self {
        case .table(let table, let rules):
            Self.simulate(table: table, rules: rules, generator: generator, counts: &counts)
        case .lossRatio(let strategy, let rules):
            Self.simulate(strategy: strategy, rules: rules, generator: generator, counts: &counts)
        case .lossStreak(let strategy, let rules):
            Self.simulate(strategy: strategy, rules: rules, generator: generator, counts: &counts)
        case .history(let strategy, let rules):
            Self.simulate(strategy: strategy, rules: rules, generator: generator, counts: &counts)
        }
    }

    // The loop for Markovian strategies: the balance is kept as a grid index and the bonus
    // decision is one bit of the table.
    private static func simulate(table: DecisionTable, rules: GameRules,
                                 generator: UnsafeMutablePointer<gsl_rng>, counts: inout PlayerCounts) -> ReplicationResult {
        let grid = table.grid
        let bins = counts.bins
        var result = ReplicationResult()
        let start = grid.index(ofBalance: rules.startingBalance)
        let stakeSteps = grid.stakeSteps
        let twoStakeSteps = 2 * stakeSteps
        let bonusSteps = grid.bonusSteps
        let playable = grid.firstPlayableIndex
        let maxGames = rules.maxGames
        let p = rules.winProbability
        let countsWinsAgainst = bins.countsWinsAgainst
        let shift = bins.shift
        let keepPlaying = (1.0, rules.continueAfterWin, rules.continueAfterWinStreak, rules.continueAfterLoss,
                           rules.continueAfterLossStreak)

        // Streak transitions by raw streak value s. Entry 2s + 1 is the streak after a win and 2s the
        // streak after a loss. From entry 16 on, 2s + 1 is the streak after a bonus and 2s the same
        // streak. Indexing by the outcome keeps the unpredictable game results off branches.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { transitions in
        transitions.initialize(repeating: 0)
        for streak in Streak.allCases {
            let s = Int(streak.rawValue)
            transitions[2 * s] = streak.afterLoss.rawValue
            transitions[2 * s + 1] = streak.afterWin.rawValue
            transitions[16 + 2 * s] = streak.rawValue
            transitions[16 + 2 * s + 1] = streak.afterWin.rawValue
        }
        withUnsafeBytes(of: keepPlaying) { keepPlayingBytes in
        let keepPlaying = keepPlayingBytes.assumingMemoryBound(to: Double.self)
        table.withUnsafeLookup { origins, words in
        counts.playersByGames.withUnsafeMutableBufferPointer { playersByGames in
        counts.revenueCounts.withUnsafeMutableBufferPointer { revenueCounts in
        bins.bonusOffsets.withUnsafeBufferPointer { bonusOffsets in
            var totalWins = 0
            var totalGames = 0
            var totalBonuses = 0
            var broke = 0
            var atLimit = 0
            for _ in 0..<rules.playersPerPopulation {
                var index = start
                var streak = 0
                var games = 0
                var wins = 0
                var bonuses = 0
                while true {
                    let won = gsl_rng_uniform(generator) < p ? 1 : 0
                    games &+= 1
                    wins &+= won
                    index &+= won &* twoStakeSteps &- stakeSteps
                    streak = Int(transitions[streak &* 2 &+ won])

                    let bit = origins[(games &- 1) &* 4 &+ streak &- 1] &+ index
                    let bonus = Int(truncatingIfNeeded: words[bit &>> 6] &>> UInt64(bit & 63) & 1)
                    bonuses &+= bonus
                    index &+= bonus &* bonusSteps
                    streak = Int(transitions[16 &+ streak &* 2 &+ bonus])

                    if games == maxGames {
                        atLimit &+= 1
                        break
                    }
                    if index < playable {
                        broke &+= 1
                        break
                    }
                    if gsl_rng_uniform(generator) >= keepPlaying[streak] { break }
                }

                totalWins &+= wins
                totalGames &+= games
                totalBonuses &+= bonuses
                playersByGames[games] &+= 1
                revenueCounts[((countsWinsAgainst ? games &- 2 &* wins : games) &+ bonusOffsets[bonuses]) &>> shift] &+= 1
            }
            result.wins = totalWins
            result.games = totalGames
            result.bonuses = totalBonuses
            result.broke = broke
            result.atGameLimit = atLimit
        }
        }
        }
        }
        }
        }
        return result
    }

    // The loop for strategies that need the history, specialized for each concrete type it is
    // called with.
    private static func simulate<S: BonusStrategy>(strategy: S, rules: GameRules,
                                                   generator: UnsafeMutablePointer<gsl_rng>,
                                                   counts: inout PlayerCounts) -> ReplicationResult {
        let bins = counts.bins
        var result = ReplicationResult()
        let p = rules.winProbability
        let keepPlaying = (1.0, rules.continueAfterWin, rules.continueAfterWinStreak, rules.continueAfterLoss,
                           rules.continueAfterLossStreak)

        withUnsafeBytes(of: keepPlaying) { keepPlayingBytes in
        let keepPlaying = keepPlayingBytes.assumingMemoryBound(to: Double.self)
        counts.playersByGames.withUnsafeMutableBufferPointer { playersByGames in
        counts.revenueCounts.withUnsafeMutableBufferPointer { revenueCounts in
            for _ in 0..<rules.playersPerPopulation {
                var state = PlayerState(startingBalance: rules.startingBalance)
                var wins = 0
                var bonuses = 0
                while true {
                    let won = gsl_rng_uniform(generator) < p
                    state.recordGame(won: won, stake: rules.stake)
                    wins &+= won ? 1 : 0
                    if strategy.shouldGiveBonus(to: state) {
                        state.recordBonus(amount: rules.bonusAmount)
                        bonuses &+= 1
                    }

                    if state.gamesPlayed == rules.maxGames {
                        result.atGameLimit &+= 1
                        break
                    }
                    if state.balance < rules.stake {
                        result.broke &+= 1
                        break
                    }
                    if gsl_rng_uniform(generator) >= keepPlaying[Int(state.streak.rawValue)] { break }
                }

                let games = state.gamesPlayed
                result.wins &+= wins
                result.games &+= games
                result.bonuses &+= bonuses
                playersByGames[games] &+= 1
                revenueCounts[bins.bin(games: games, wins: wins, bonuses: bonuses)] &+= 1
            }
        }
        }
        }
        return result
    }
}
