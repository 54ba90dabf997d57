/// A bonus decision for every (games played, streak, balance) decision state, packed into bits.
///
/// Rows run over games played 1...maxGames and, within one count, over the streaks in
/// `Streak.afterGame` order. A row covers the grid indices `grid.lowestIndex(games:)` through
/// `grid.highestIndex(games:)`. Rows are packed one after the other into a stream of bits, least
/// significant bit of each 64-bit word first, with no padding between rows.
public struct DecisionTable: Sendable, Hashable {
    /// The grid of balances the rows cover.
    public let grid: BalanceGrid
    /// The packed bits.
    @usableFromInline var words: [UInt64]
    // The bit position of grid index 0 in each row (it may lie before the row), so a lookup is one add.
    @usableFromInline let rowOrigins: [Int]

    /// The largest number of decision states a table may have, 2^30 bits or 128 MiB. With stakes
    /// and bonuses of one grid step each, that is about `maxGames` 13 000.
    public static let maxStateCount = 1 << 30

    /// Returns whether the decision states of `rules` fit in a table.
    ///
    /// Complexity: O(maxGames).
    public static func fits(_ rules: GameRules) -> Bool {
        BalanceGrid(rules: rules).stateCount <= maxStateCount
    }

    /// Returns the largest `maxGames` at which the other fields of `rules` still fit in a table.
    ///
    /// Complexity: O(maxGamesLimit × log(maxGamesLimit)).
    public static func largestFittingMaxGames(_ rules: GameRules) -> Int {
        var candidate = rules
        var low = 0
        var high = GameRules.maxGamesLimit
        // The state count grows with maxGames, so a binary search finds the last count that fits.
        while low < high {
            candidate.maxGames = (low + high + 1) / 2
            if fits(candidate) { low = candidate.maxGames } else { high = candidate.maxGames - 1 }
        }
        return low
    }

    /// Creates a table that gives no bonus anywhere; the rules' states must fit (see `fits(_:)`).
    ///
    /// Complexity: O(maxGames) plus the size of the table.
    public init(rules: GameRules) {
        grid = BalanceGrid(rules: rules)
        var origins = [Int]()
        origins.reserveCapacity(grid.maxGames * 4)
        var position = 0
        for games in 1...grid.maxGames {
            for _ in 0..<4 {
                origins.append(position - grid.lowestIndex(games: games))
                position += grid.width(games: games)
            }
        }
        rowOrigins = origins
        words = Array(repeating: 0, count: (position + 63) / 64)
        bitCount = position
    }

    /// The number of decision states, one bit each.
    public let bitCount: Int

    /// Creates the table of a strategy whose decisions depend only on games, balance and streak.
    ///
    /// Complexity: O(number of states) calls of `shouldGiveBonus`.
    public init(strategy: some BonusStrategy, rules: GameRules) {
        self.init(rules: rules)
        for games in 1...grid.maxGames {
            for streak in Streak.afterGame {
                for index in grid.lowestIndex(games: games)...grid.highestIndex(games: games) {
                    let state = PlayerState(gamesPlayed: games, balance: grid.balance(atIndex: index), streak: streak)
                    if strategy.shouldGiveBonus(to: state) {
                        setBonus(true, games: games, streak: streak, index: index)
                    }
                }
            }
        }
    }

    /// Returns the bit position of a decision state, which must lie inside the table.
    @inlinable
    public func bitPosition(games: Int, streak: Streak, index: Int) -> Int {
        rowOrigins[(games - 1) &* 4 &+ streak.rowIndex] &+ index
    }

    /// Returns the position of grid index 0 in the row of (games, streak), for lookups in hot loops.
    @inlinable
    public func rowOrigin(games: Int, streakRow: Int) -> Int {
        rowOrigins[(games - 1) &* 4 &+ streakRow]
    }

    /// Returns the decision at a bit position from `bitPosition` or `rowOrigin`.
    @inlinable
    public func bonus(atBit position: Int) -> Bool {
        words[position &>> 6] & (1 &<< UInt64(position & 63)) != 0
    }

    /// Returns whether a (games played, balance) pair is a state of the table, for any streak.
    public func contains(games: Int, balance: Int) -> Bool {
        guard (1...grid.maxGames).contains(games), (balance - grid.residue) % grid.step == 0 else { return false }
        let index = grid.index(ofBalance: balance)
        return index >= grid.lowestIndex(games: games) && index <= grid.highestIndex(games: games)
    }

    /// Returns whether to give a bonus in a state. States outside the table get none.
    @inlinable
    public func shouldGiveBonus(games: Int, balance: Int, streak: Streak) -> Bool {
        guard (1...grid.maxGames).contains(games), streak != .none,
              (balance - grid.residue) % grid.step == 0 else { return false }
        let index = grid.index(ofBalance: balance)
        guard index >= grid.lowestIndex(games: games), index <= grid.highestIndex(games: games) else {
            return false
        }
        return bonus(atBit: bitPosition(games: games, streak: streak, index: index))
    }

    /// Sets the decision of one state inside the table.
    @inlinable
    public mutating func setBonus(_ giveBonus: Bool, games: Int, streak: Streak, index: Int) {
        let position = bitPosition(games: games, streak: streak, index: index)
        let mask: UInt64 = 1 &<< UInt64(position & 63)
        if giveBonus { words[position >> 6] |= mask } else { words[position >> 6] &= ~mask }
    }

    /// Calls `body` with the row origins, indexed by `(games - 1) * 4 + streak.rowIndex`, and the
    /// packed words, so a hot loop can look up `words[bit >> 6]` for `bit = origin + index` without
    /// bounds checks or reference counting.
    @inlinable
    public func withUnsafeLookup<Result>(
        _ body: (_ rowOrigins: UnsafeBufferPointer<Int>, _ words: UnsafeBufferPointer<UInt64>) throws -> Result
    ) rethrows -> Result {
        try rowOrigins.withUnsafeBufferPointer { origins in
            try words.withUnsafeBufferPointer { words in try body(origins, words) }
        }
    }

    /// The number of states in which a bonus is given.
    ///
    /// Complexity: O(size of the table).
    public var bonusStateCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The packed bits, for export.
    public var packedWords: [UInt64] { words }

    /// Creates a table from exported packed bits, or returns nil when their count does not fit the rules.
    public init?(rules: GameRules, packedWords: [UInt64]) {
        self.init(rules: rules)
        guard packedWords.count == words.count else { return nil }
        // Bits past the last row must be clear, or the data was not written for these rules.
        let tailBits = bitCount % 64
        if tailBits != 0, let last = packedWords.last, last >> UInt64(tailBits) != 0 { return nil }
        words = packedWords
    }
}
