extension OptimalPolicy {
    /// Solves the policy by backward induction over games played.
    ///
    /// At decision point `g` the value of a state without a bonus is
    /// `C(g, b, s) = P(continue | s) * E[game revenue + V(g+1, ...)]` when the player can afford a
    /// stake and `g < maxGames`, else 0. With a bonus it is `C(g, b + bonusAmount, s after a win) -
    /// bonusCost`. The policy gives a bonus exactly where the second value is strictly larger, and
    /// `V(g, b, s)` is the larger of the two. Only the two layers `g` and `g + 1` are kept.
    ///
    /// - Parameter rules: valid rules (see `GameRules.validate()`) whose states fit in a
    ///   `DecisionTable` (see `DecisionTable.fits(_:)`).
    /// - Complexity: O(number of decision states) time, O(maxGames * (stake + bonus) / step) memory
    ///   besides the table.
    public static func solve(rules: GameRules) -> OptimalPolicy {
        var table = DecisionTable(rules: rules)
        let grid = table.grid
        let kb = grid.bonusSteps
        // Row stride large enough for the widest layer of continuation values, which reach kb further.
        let stride = grid.width(games: grid.maxGames) + kb
        var next = [Double](repeating: 0, count: 4 * stride)
        var current = [Double](repeating: 0, count: 4 * stride)
        var continuation = [Double](repeating: 0, count: 4 * stride)

        if grid.maxGames > 1 {
            for games in (1..<grid.maxGames).reversed() {
                solveLayer(games: games, rules: rules, grid: grid, stride: stride, next: next,
                           continuation: &continuation, values: &current, table: &table)
                swap(&next, &current)
            }
        }

        let lowest = grid.lowestIndex(games: 1)
        let start = grid.index(ofBalance: rules.startingBalance)
        let afterWin = next[Streak.win.rowIndex * stride + start + grid.stakeSteps - lowest]
        let afterLoss = next[Streak.loss.rowIndex * stride + start - grid.stakeSteps - lowest]
        let expected = rules.winProbability * (rules.revenueFromWonGame + afterWin)
            + (1 - rules.winProbability) * (rules.revenueFromLostGame + afterLoss)
        return OptimalPolicy(rules: rules, table: table, expectedRevenuePerPlayer: expected)
    }

    // Fills the values of decision point `games` from those of `games + 1` and records the bonuses.
    // Rows are streaks in `Streak.afterGame` order, and element `i - lowestIndex` is grid index `i`.
    private static func solveLayer(games: Int, rules: GameRules, grid: BalanceGrid, stride: Int,
                                   next: [Double], continuation: inout [Double], values: inout [Double],
                                   table: inout DecisionTable) {
        let lowest = grid.lowestIndex(games: games)
        let highest = grid.highestIndex(games: games)
        let nextLowest = grid.lowestIndex(games: games + 1)
        let ks = grid.stakeSteps
        let kb = grid.bonusSteps
        let p = rules.winProbability
        let winRevenue = rules.revenueFromWonGame
        let lossRevenue = rules.revenueFromLostGame
        let playable = max(lowest, grid.firstPlayableIndex)

        next.withUnsafeBufferPointer { next in
            continuation.withUnsafeMutableBufferPointer { c in
                for streak in Streak.afterGame {
                    let row = streak.rowIndex * stride
                    let winRow = streak.afterWin.rowIndex * stride - nextLowest
                    let lossRow = streak.afterLoss.rowIndex * stride - nextLowest
                    let keepPlaying = rules.continueProbability(after: streak)
                    for i in lowest..<min(playable, highest + kb + 1) {
                        c[row + i - lowest] = 0
                    }
                    guard playable <= highest + kb else { continue }
                    for i in playable...(highest + kb) {
                        let won = winRevenue + next[winRow + i + ks]
                        let lost = lossRevenue + next[lossRow + i - ks]
                        c[row + i - lowest] = keepPlaying * (p * won + (1 - p) * lost)
                    }
                }
            }
        }

        continuation.withUnsafeBufferPointer { c in
            values.withUnsafeMutableBufferPointer { v in
                for streak in Streak.afterGame {
                    let row = streak.rowIndex * stride - lowest
                    let bonusRow = streak.afterWin.rowIndex * stride - lowest + kb
                    for i in lowest...highest {
                        let without = c[row + i]
                        let with = c[bonusRow + i] - rules.bonusCost
                        if with > without {
                            v[row + i] = with
                            table.setBonus(true, games: games, streak: streak, index: i)
                        } else {
                            v[row + i] = without
                        }
                    }
                }
            }
        }
    }
}
