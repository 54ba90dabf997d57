import Foundation
import ORC

/// Writing data stores: random stores from `ActionGenerator` and stores imported from CSV.
///
/// Every part file has the schema `ActionSchema.written` and is named `part-NNNNN.orc`. Rows are
/// written in batches of `stripeRows`, and each batch becomes one stripe, so memory stays at
/// about one stripe per part file being written.
public enum StoreWriting {
    /// The default number of rows per stripe.
    public static let defaultStripeRows = 1 << 20

    /// Writes the generator's rows to `directory`, one part file per generator file, in parallel.
    ///
    /// - Parameters:
    ///   - generator: The rows to write.
    ///   - directory: The store directory; created if missing, and it must not hold part files.
    ///   - stripeRows: The rows per stripe.
    /// - Returns: The paths of the part files, in store order.
    /// - Throws: `DataStoreError` when the directory or a file cannot be written.
    /// - Complexity: O(rows) work over up to one task per core.
    public static func generate(_ generator: ActionGenerator, directory: String, stripeRows: Int) async throws -> [String] {
        try prepareDirectory(directory)
        let paths = (0..<generator.files).map { partFilePath(directory, index: $0) }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for file in 0..<generator.files {
                group.addTask {
                    let writer = try makeWriter(paths[file])
                    let rowCount = generator.rowCount(file: file)
                    for start in stride(from: 0, to: rowCount, by: stripeRows) {
                        try Task.checkCancellation()
                        let batch = generator.batch(file: file, rows: start..<min(rowCount, start + stripeRows))
                        try write(batch, with: writer)
                    }
                    try close(writer)
                }
            }
            try await group.waitForAll()
        }
        return paths
    }

    /// Reads a CSV file of game actions and writes it to `directory` as one part file.
    ///
    /// - Returns: The number of rows written.
    /// - Throws: `DataStoreError` naming the line, column and value of the first bad row, or the
    ///   file that cannot be read or written. No part file is left behind then.
    public static func importCSV(_ csvPath: String, directory: String, stripeRows: Int) throws -> Int {
        var reader = try CSVActionReader(path: csvPath)
        try prepareDirectory(directory)
        let writer = try makeWriter(partFilePath(directory, index: 0))

        var rows = 0
        while let batch = try reader.nextBatch(maxRows: stripeRows) {
            try write(batch, with: writer)
            rows += batch.count
        }
        try close(writer)
        return rows
    }

    /// Returns the path of part file `index` in a store directory.
    public static func partFilePath(_ directory: String, index: Int) -> String {
        let number = String(index)
        let padded = String(repeating: "0", count: max(0, 5 - number.count)) + number
        return (directory as NSString).appendingPathComponent("part-\(padded).orc")
    }

    static func prepareDirectory(_ directory: String) throws {
        try OutputPath.createFolder(directory, fix: "choose another --out")
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if let part = existing.sorted().first(where: { $0.hasPrefix("part-") && $0.hasSuffix(".orc") }) {
            throw DataStoreError.invalidInput("the store directory '\(directory)' already contains part files such as \(part); remove them or choose another directory")
        }
    }

    // Stripes are cut by row count in `write(_:with:)`, so the writer's byte limit only splits a
    // batch far larger than expected. The row index keeps the standard stride of 10,000 rows.
    static func makeWriter(_ path: String) throws -> OrcWriter {
        do {
            return try OrcWriter(path: path, schema: ActionSchema.written)
        } catch {
            throw DataStoreError.io("cannot create part file '\(path)': \(error)")
        }
    }

    // Writes one batch as one stripe.
    static func write(_ batch: ActionBatch, with writer: OrcWriter) throws {
        var seconds = [Int64](repeating: 0, count: batch.count)
        var nanoseconds = [Int32](repeating: 0, count: batch.count)
        for row in 0..<batch.count {
            let (second, nanosecond) = ActionTime.floorDivide(batch.actionTimes[row], ActionTime.nanosecondsPerSecond)
            seconds[row] = second
            nanoseconds[row] = Int32(nanosecond)
        }
        let rows = ColumnVector(count: batch.count, values: .struct([
            ColumnVector(count: batch.count, values: .integer(batch.userIDs)),
            ColumnVector(count: batch.count, values: .timestamp(TimestampColumn(seconds: seconds, nanoseconds: nanoseconds))),
            ColumnVector(count: batch.count, values: .bytes(BytesColumn(strings: Array(batch.gameTypes)))),
            ColumnVector(count: batch.count, values: .integer(batch.results)),
        ]))
        do {
            try writer.write(rows)
            try writer.finishStripe()
        } catch {
            throw DataStoreError.io("cannot write to part file '\(writer.path)': \(error)")
        }
    }

    static func close(_ writer: OrcWriter) throws {
        do {
            try writer.close()
        } catch {
            throw DataStoreError.io("cannot finish part file '\(writer.path)': \(error)")
        }
    }
}
