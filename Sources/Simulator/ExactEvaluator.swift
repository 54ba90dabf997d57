import Strategies

/// Computes the exact expectations of Markovian strategies by pushing the distribution of players
/// over (balance, streak) forward one decision point at a time.
public enum ExactEvaluator {
    /// Evaluates a strategy whose decisions depend only on games played, balance and streak.
    ///
    /// - Parameters:
    ///   - strategy: a strategy with `isMarkovian` true.
    ///   - rules: valid rules.
    /// - Throws: `StrategyError` when the strategy depends on the game history or the rules have
    ///   more than `DecisionTable.maxStateCount` decision states.
    /// - Complexity: O(number of decision states), see `BalanceGrid.stateCount`.
    public static func evaluate(_ strategy: any BonusStrategy, rules: GameRules) throws -> ExactEvaluation {
        guard DecisionTable.fits(rules) else {
            throw StrategyError.tooManyStates(BalanceGrid(rules: rules).stateCount, for: "exact evaluation")
        }
        guard let table = strategy.decisionTable(rules: rules) else {
            throw StrategyError.notExactlyEvaluable(strategy.label)
        }
        return evaluate(table: table, rules: rules, label: strategy.label)
    }

    /// Evaluates the strategy given by a decision table built for `rules`.
    ///
    /// - Complexity: O(number of decision states).
    public static func evaluate(table: DecisionTable, rules: GameRules, label: String) -> ExactEvaluation {
        precondition(table.grid == BalanceGrid(rules: rules), "the decision table was built for other rules")
        let grid = table.grid
        let stride = grid.width(games: grid.maxGames)
        var current = [Double](repeating: 0, count: 4 * stride)
        var next = [Double](repeating: 0, count: 4 * stride)
        var totals = Totals(survival: [Double](repeating: 0, count: rules.maxGames + 1))

        // The first game is always played.
        let p = rules.winProbability
        let start = grid.index(ofBalance: rules.startingBalance)
        let lowest = grid.lowestIndex(games: 1)
        current[Streak.win.rowIndex * stride + start + grid.stakeSteps - lowest] = p
        current[Streak.loss.rowIndex * stride + start - grid.stakeSteps - lowest] = 1 - p
        totals.games = 1
        totals.revenue = rules.expectedGameRevenue
        totals.survival[0] = 1

        for games in 1...rules.maxGames {
            advance(games: games, rules: rules, table: table, stride: stride, current: current,
                    next: &next, totals: &totals)
            swap(&current, &next)
        }

        let revenue = totals.revenue - totals.bonuses * rules.bonusCost
        return ExactEvaluation(strategy: label, revenuePerPlayer: revenue, gamesPerPlayer: totals.games,
                               bonusesPerPlayer: totals.bonuses, shareBroke: totals.broke,
                               shareAtGameLimit: totals.atLimit, survival: totals.survival)
    }

    private struct Totals {
        var revenue = 0.0
        var games = 0.0
        var bonuses = 0.0
        var broke = 0.0
        var atLimit = 0.0
        var survival: [Double]
    }

    // Applies the bonus and continue decisions at decision point `games` to the distribution in
    // `current` and writes the distribution at the next decision point into `next`. Rows are
    // streaks in `Streak.afterGame` order; element `i - lowestIndex(games)` is grid index `i`.
    private static func advance(games: Int, rules: GameRules, table: DecisionTable, stride: Int,
                                current: [Double], next: inout [Double], totals: inout Totals) {
        let grid = table.grid
        let lowest = grid.lowestIndex(games: games)
        let highest = grid.highestIndex(games: games)
        let isLast = games == rules.maxGames
        let nextLowest = isLast ? 0 : grid.lowestIndex(games: games + 1)
        let p = rules.winProbability
        var continuing = 0.0

        current.withUnsafeBufferPointer { mass in
            next.withUnsafeMutableBufferPointer { nextMass in
                nextMass.update(repeating: 0)
                for streak in Streak.afterGame {
                    let row = streak.rowIndex * stride - lowest
                    let origin = table.rowOrigin(games: games, streakRow: streak.rowIndex)
                    for i in lowest...highest {
                        let m = mass[row + i]
                        guard m > 0 else { continue }

                        var index = i
                        var after = streak
                        if table.bonus(atBit: origin + i) {
                            totals.bonuses += m
                            index += grid.bonusSteps
                            after = after.afterWin
                        }
                        if isLast {
                            totals.atLimit += m
                            continue
                        }
                        if index < grid.firstPlayableIndex {
                            totals.broke += m
                            continue
                        }

                        let playing = m * rules.continueProbability(after: after)
                        continuing += playing
                        let winRow = after.afterWin.rowIndex * stride - nextLowest
                        let lossRow = after.afterLoss.rowIndex * stride - nextLowest
                        nextMass[winRow + index + grid.stakeSteps] += playing * p
                        nextMass[lossRow + index - grid.stakeSteps] += playing * (1 - p)
                    }
                }
            }
        }

        totals.games += continuing
        totals.revenue += continuing * rules.expectedGameRevenue
        totals.survival[games] = continuing
    }
}
