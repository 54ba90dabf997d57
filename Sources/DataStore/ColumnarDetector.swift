import Strategies

/// The columnar detection engine: reads only the user, time and result columns, runs tight loops
/// over each batch and keeps a fixed-size window of latest games per player, as a DataFrame plan
/// with a projection and a top-N-per-group aggregate does.
public enum ColumnarDetector {
    /// Applies the rule to every player of the store, in parallel over its stripes.
    ///
    /// - Parameters:
    ///   - source: The data store.
    ///   - rule: The loss-ratio rule.
    ///   - workers: The number of scan workers.
    /// - Returns: The players seen and the flagged ones, sorted by user id.
    /// - Throws: `DataStoreError` when the store cannot be read.
    /// - Complexity: O(rows + players × N × workers) time, O(players × N × workers) memory.
    public static func detect<Source: ActionSource>(
        _ source: Source,
        rule: LossRatioRule,
        workers: Int = defaultWorkerCount
    ) async throws -> DetectionResult {
        let capacity = rule.lastGames
        let tables = try await scanInParallel(
            source, columns: .detection, workers: workers,
            makeState: { RecentGamesTable(capacity: capacity) },
            fold: { table, batch in table.record(batch) })

        var merged = RecentGamesTable(capacity: capacity)
        for table in tables.sorted(by: { $0.userCount > $1.userCount }) {
            if merged.userCount == 0 && merged.rowsRead == 0 {
                merged = table
            } else {
                merged.merge(table)
            }
        }
        return merged.evaluate(rule)
    }
}

/// A scan that reads the three detection columns and touches every value, the floor under the
/// time of any engine that needs those columns.
public enum ColumnReadBaseline {
    /// Reads the user, time and result columns of every stripe and returns the row count and a
    /// checksum of the values, so the compiler cannot skip the reads.
    ///
    /// - Complexity: O(rows).
    public static func scan<Source: ActionSource>(
        _ source: Source,
        workers: Int = defaultWorkerCount
    ) async throws -> (rows: Int, checksum: Int64) {
        let sums = try await scanInParallel(
            source, columns: .detection, workers: workers,
            makeState: { (rows: 0, checksum: Int64(0)) },
            fold: { state, batch in
                var checksum = state.checksum
                batch.userIDs.withUnsafeBufferPointer { ids in
                    batch.actionTimes.withUnsafeBufferPointer { times in
                        batch.results.withUnsafeBufferPointer { results in
                            for row in 0..<batch.count {
                                checksum &+= ids[row] ^ times[row] &+ results[row]
                            }
                        }
                    }
                }
                state = (state.rows + batch.count, checksum)
            })
        return sums.reduce((0, 0)) { ($0.0 + $1.rows, $0.1 &+ $1.checksum) }
    }
}
