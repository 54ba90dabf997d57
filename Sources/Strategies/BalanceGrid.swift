/// The balances a player can have at each decision point, as index ranges on a regular grid.
///
/// Every balance is the starting balance plus whole stakes and bonuses, so it lies on the grid
/// `residue + index * step` with `step = gcd(stake, bonusAmount)`. After `g` games (decision
/// point `g`, before the bonus decision), the balance lies in
/// `[max(0, start - g*stake), start + g*stake + (g-1)*bonusAmount]`, whatever the strategy.
public struct BalanceGrid: Sendable, Hashable {
    /// The balance difference between neighbouring indices.
    public let step: Int
    /// The balance at index 0, the starting balance modulo `step`.
    public let residue: Int
    /// The number of indices a stake moves.
    public let stakeSteps: Int
    /// The number of indices a bonus moves.
    public let bonusSteps: Int
    /// The maximum number of games.
    public let maxGames: Int
    @usableFromInline let startIndex: Int
    /// The smallest index at which a player can afford a stake.
    public let firstPlayableIndex: Int

    /// Creates the grid for valid rules.
    public init(rules: GameRules) {
        var a = rules.stake
        var b = rules.bonusAmount
        while b != 0 { (a, b) = (b, a % b) }
        step = a
        residue = rules.startingBalance % step
        stakeSteps = rules.stake / step
        bonusSteps = rules.bonusAmount / step
        maxGames = rules.maxGames
        startIndex = (rules.startingBalance - residue) / step
        firstPlayableIndex = (rules.stake - residue + step - 1) / step
    }

    /// Returns the grid index of a balance on the grid.
    @inlinable
    public func index(ofBalance balance: Int) -> Int { (balance - residue) / step }

    /// Returns the balance at a grid index.
    @inlinable
    public func balance(atIndex index: Int) -> Int { residue + index * step }

    /// Returns the lowest reachable index at decision point `games` (1...maxGames).
    @inlinable
    public func lowestIndex(games: Int) -> Int { max(0, startIndex - games * stakeSteps) }

    /// Returns the highest reachable index at decision point `games` (1...maxGames).
    @inlinable
    public func highestIndex(games: Int) -> Int {
        startIndex + games * stakeSteps + (games - 1) * bonusSteps
    }

    /// Returns the number of indices at decision point `games`.
    @inlinable
    public func width(games: Int) -> Int { highestIndex(games: games) - lowestIndex(games: games) + 1 }

    /// The total number of (games, streak, balance) decision states, or `Int.max` when the count
    /// overflows.
    ///
    /// Complexity: O(maxGames).
    public var stateCount: Int {
        var total = 0
        for games in 1...maxGames {
            let (sum, overflow) = total.addingReportingOverflow(width(games: games))
            guard !overflow else { return .max }
            total = sum
        }
        let (states, overflow) = total.multipliedReportingOverflow(by: Streak.afterGame.count)
        return overflow ? .max : states
    }
}
