import Strategies

/// The record-at-a-time detection engine, shaped like a Spark RDD job.
///
/// Every row becomes a `GameAction` value and is mapped to a (user, action) pair. Each worker
/// combines the pairs per user into a list of the latest N actions, as `aggregateByKey` with a
/// bounded list does. The lists of the workers are then merged, counted and filtered.
public enum RowDetector {
    /// A row with its place in the store, the value of one (user, action) pair.
    struct PositionedAction: Sendable {
        var action: GameAction
        var position: Int64

        func isAfter(_ other: PositionedAction) -> Bool {
            action.actionTime > other.action.actionTime
                || (action.actionTime == other.action.actionTime && position > other.position)
        }
    }

    /// The latest actions of one player, oldest first, at most N of them.
    struct LatestActions: Sendable {
        var actions: [PositionedAction] = []

        mutating func add(_ item: PositionedAction, keeping limit: Int) {
            if actions.count == limit {
                guard item.isAfter(actions[0]) else { return }
                actions.removeFirst()
            }
            var index = actions.count
            while index > 0 && actions[index - 1].isAfter(item) {
                index -= 1
            }
            actions.insert(item, at: index)
        }
    }

    /// The combined pairs of one worker, keyed by user id.
    struct Partition: Sendable {
        var latest: [Int64: LatestActions] = [:]
        var rowsRead = 0
    }

    /// Applies the rule to every player of the store, record by record, in parallel over its stripes.
    ///
    /// - Parameters:
    ///   - source: The data store.
    ///   - rule: The loss-ratio rule.
    ///   - workers: The number of scan workers.
    /// - Returns: The players seen and the flagged ones, sorted by user id.
    /// - Throws: `DataStoreError` when the store cannot be read.
    /// - Complexity: O(rows × N) time, O(players × N × workers) memory.
    public static func detect<Source: ActionSource>(
        _ source: Source,
        rule: LossRatioRule,
        workers: Int = defaultWorkerCount
    ) async throws -> DetectionResult {
        let limit = rule.lastGames
        let partitions = try await scanInParallel(
            source, columns: .all, workers: workers,
            makeState: { Partition() },
            fold: { partition, batch in combine(batch, into: &partition, keeping: limit) })

        // The shuffle: the other partitions merge into the largest one, which saves a copy.
        var ordered = partitions.sorted { $0.latest.count > $1.latest.count }
        guard var merged = ordered.first else { return evaluate(Partition(), rule: rule) }
        ordered.removeFirst()
        for partition in ordered {
            for (userID, other) in partition.latest {
                for item in other.actions {
                    merged.latest[userID, default: LatestActions()].add(item, keeping: limit)
                }
            }
            merged.rowsRead += partition.rowsRead
        }
        return evaluate(merged, rule: rule)
    }

    // The map and map-side combine: one `GameAction` per row, one pair per action.
    static func combine(_ batch: ActionBatch, into partition: inout Partition, keeping limit: Int) {
        for row in 0..<batch.count {
            if let isComplete = batch.isComplete, !isComplete[row] { continue }
            let action = GameAction(userID: batch.userIDs[row], actionTime: batch.actionTimes[row],
                                    gameType: batch.gameTypes[row], result: batch.results[row])
            let pair = (action.userID, PositionedAction(action: action, position: batch.firstPosition + Int64(row)))
            partition.latest[pair.0, default: LatestActions()].add(pair.1, keeping: limit)
            partition.rowsRead += 1
        }
    }

    static func evaluate(_ partition: Partition, rule: LossRatioRule) -> DetectionResult {
        var flagged: [FlaggedUser] = []
        for (userID, latest) in partition.latest {
            let losses = latest.actions.filter { LossRatioRule.isLoss(Int($0.action.result)) }.count
            guard rule.isFlagged(losses: losses, games: latest.actions.count),
                  let newest = latest.actions.last else { continue }
            flagged.append(FlaggedUser(userID: userID, losses: losses, games: latest.actions.count,
                                       lastActionTime: newest.action.actionTime))
        }
        flagged.sort { $0.userID < $1.userID }
        return DetectionResult(rowsRead: partition.rowsRead, usersSeen: partition.latest.count, flagged: flagged)
    }
}
