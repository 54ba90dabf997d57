/// A deterministic stream of random game actions, computed row by row so that any part file or
/// stripe can be generated alone, in any order, with the same values.
///
/// User ids run from 1 to `users`, and every player plays `games` games. Game `g` of a player
/// goes to part file `g % files`, so each player's history is spread over all part files and the
/// files are not sorted by time against each other. Within a file, rows come round by round, each
/// round holding one game of every player in user order. Game `g` happens at a random millisecond
/// of hour `g` after `startTime`, so a player's times strictly increase. Results are uniform in
/// -10...10 and game types uniform over `gameTypes`.
public struct ActionGenerator: Sendable {
    /// The game names that generated rows use.
    public static let gameTypes = ["poker", "blackjack", "roulette", "slots", "baccarat", "craps", "keno", "bingo"]
    /// The time of hour 0: 2026-01-01 00:00:00 UTC.
    public static let startTime: Int64 = 1_767_225_600 * ActionTime.nanosecondsPerSecond

    /// The number of players.
    public let users: Int
    /// The number of games per player.
    public let games: Int
    /// The number of part files.
    public let files: Int
    /// The seed that fixes every value.
    public let seed: UInt64

    /// Creates a generator; `users`, `games` and `files` must be at least 1.
    public init(users: Int, games: Int, files: Int, seed: UInt64) {
        precondition(users >= 1 && games >= 1 && files >= 1, "a generated store has at least one user, game and file")
        self.users = users
        self.games = games
        self.files = files
        self.seed = seed
    }

    /// The total number of rows.
    public var rowCount: Int { users * games }

    /// Returns the number of rows in part file `file`.
    public func rowCount(file: Int) -> Int {
        users * roundCount(file: file)
    }

    // The number of games per player in part file `file`: those with `g % files == file`.
    func roundCount(file: Int) -> Int {
        games / files + (file < games % files ? 1 : 0)
    }

    /// Returns rows `rows` of part file `file` with all four columns.
    ///
    /// - Complexity: O(rows.count).
    public func batch(file: Int, rows: Range<Int>) -> ActionBatch {
        var userIDs = [Int64](), times = [Int64]()
        var gameTypes = [String](), results = [Int64]()
        userIDs.reserveCapacity(rows.count)
        times.reserveCapacity(rows.count)
        gameTypes.reserveCapacity(rows.count)
        results.reserveCapacity(rows.count)

        let millisecondsPerHour: UInt64 = 3_600_000
        for row in rows {
            let user = row % users + 1
            let game = (row / users) * files + file
            let bits = Self.mix(seed ^ Self.mix(UInt64(user) << 32 | UInt64(game)))

            userIDs.append(Int64(user))
            let millisecond = Int64((bits >> 8) % millisecondsPerHour)
            times.append(Self.startTime + (Int64(game) * Int64(millisecondsPerHour) + millisecond) * 1_000_000)
            results.append(Int64((bits >> 40) % 21) - 10)
            gameTypes.append(Self.gameTypes[Int(bits & 0xFF) % Self.gameTypes.count])
        }
        return ActionBatch(count: rows.count, firstPosition: ActionPosition.make(fileIndex: file, row: Int64(rows.lowerBound)),
                           userIDs: userIDs, actionTimes: times, gameTypes: gameTypes, results: results)
    }

    // The SplitMix64 finalizer: a bijective mix with good avalanche, so nearby inputs give unrelated bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
