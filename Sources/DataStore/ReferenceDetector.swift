import Strategies

/// The brute-force detector that the engines are tested against. It collects every row, sorts
/// each player's games by (time, position), takes the last N and applies the rule.
public enum ReferenceDetector {
    /// Applies the rule by sorting each player's full history; for tests on small stores.
    ///
    /// - Complexity: O(rows × log rows) time, O(rows) memory.
    public static func detect<Source: ActionSource>(_ source: Source, rule: LossRatioRule) throws -> DetectionResult {
        var games: [Int64: [(time: Int64, position: Int64, result: Int64)]] = [:]
        var rowsRead = 0
        for unit in source.units {
            try source.scan(unit, columns: .detection) { batch in
                for row in 0..<batch.count {
                    if let isComplete = batch.isComplete, !isComplete[row] { continue }
                    games[batch.userIDs[row], default: []].append(
                        (batch.actionTimes[row], batch.firstPosition + Int64(row), batch.results[row]))
                    rowsRead += 1
                }
            }
        }

        var flagged: [FlaggedUser] = []
        for (userID, history) in games {
            let sorted = history.sorted { ($0.time, $0.position) < ($1.time, $1.position) }
            let window = sorted.suffix(rule.lastGames)
            let losses = window.filter { LossRatioRule.isLoss(Int($0.result)) }.count
            if rule.isFlagged(losses: losses, games: window.count) {
                flagged.append(FlaggedUser(userID: userID, losses: losses, games: window.count,
                                           lastActionTime: window.last!.time))
            }
        }
        flagged.sort { $0.userID < $1.userID }
        return DetectionResult(rowsRead: rowsRead, usersSeen: games.count, flagged: flagged)
    }
}
