import Foundation
import ORC

/// A data store of ORC files: a directory of part files with the game-action schema, or one file.
///
/// Part files are the regular files in the directory, sorted by name, except those whose names
/// start with `_` or `.` (such as Spark's `_SUCCESS`) and empty files. Subdirectories are not read.
/// Opening checks every file's schema; scanning reads one stripe per unit with only the requested
/// columns.
public struct OrcActionStore: ActionSource {
    /// One opened part file with the schema field names of the action columns.
    struct PartFile: Sendable {
        var reader: OrcReader
        var fieldNames: [String]
    }

    /// The path the store was opened with.
    public let path: String
    let files: [PartFile]
    public let units: [ScanUnit]

    /// Opens a store and checks the schema of every part file.
    ///
    /// - Parameter path: A directory of ORC part files or one ORC file.
    /// - Throws: `DataStoreError` when the path contains no ORC file, a file is not ORC, or a column
    ///   is missing or has an incompatible type.
    public init(path: String) throws {
        self.path = path
        var files: [PartFile] = []
        for filePath in try Self.partFilePaths(path) {
            let reader: OrcReader
            do {
                reader = try OrcReader(path: filePath)
            } catch {
                throw DataStoreError.io("cannot read part file '\(filePath)' of the data store: \(error)")
            }
            files.append(PartFile(reader: reader, fieldNames: try ActionSchema.fieldNames(in: reader.schema, file: filePath)))
        }
        self.files = files

        var units: [ScanUnit] = []
        for (fileIndex, file) in files.enumerated() {
            var firstRow: Int64 = 0
            for (stripeIndex, stripe) in file.reader.stripes.enumerated() {
                // The reader rejects such stripes when they are read; checking here keeps the
                // conversion from trapping on a damaged footer first.
                guard let rows = Int(exactly: stripe.numberOfRows ?? 0), rows <= Int(Int32.max) else {
                    throw DataStoreError.invalidInput("part file '\(file.reader.path)' is damaged: stripe \(stripeIndex) "
                        + "declares \(stripe.numberOfRows ?? 0) rows, more than an ORC stripe can hold; rewrite or remove the file")
                }
                units.append(ScanUnit(fileIndex: fileIndex, stripeIndex: stripeIndex, firstRow: firstRow, rowCount: rows))
                firstRow += Int64(rows)
            }
        }
        self.units = units
    }

    /// The paths of the part files, in store order.
    public var partFiles: [String] { files.map(\.reader.path) }

    static func partFilePaths(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataStoreError.io("data store '\(path)' does not exist; pass a directory of ORC part files or one ORC file")
        }
        guard isDirectory.boolValue else { return [path] }

        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw DataStoreError.io("cannot list data store directory '\(path)': \(fileSystemReason(error))")
        }
        var paths: [String] = []
        for name in names.sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let filePath = (path as NSString).appendingPathComponent(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: filePath)
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                  (attributes?[.size] as? NSNumber)?.intValue ?? 0 > 0 else { continue }
            paths.append(filePath)
        }
        guard !paths.isEmpty else {
            throw DataStoreError.io("data store directory '\(path)' contains no part files; write one with 'retention datastore generate' or 'import'")
        }
        return paths
    }

    public func scan(
        _ unit: ScanUnit,
        columns: ActionColumns,
        _ body: (ActionBatch) throws -> Void
    ) throws {
        let file = files[unit.fileIndex]
        let selected = ActionSchema.columns.indices.filter { columns.contains(ActionSchema.columns[$0].member) }
        let stripe: ColumnBatch
        do {
            stripe = try file.reader.readStripe(unit.stripeIndex, fields: selected.map { file.fieldNames[$0] })
        } catch {
            throw DataStoreError.io("cannot read stripe \(unit.stripeIndex) of '\(file.reader.path)': \(error)")
        }

        var batch = ActionBatch(count: stripe.rowCount,
                                firstPosition: ActionPosition.make(fileIndex: unit.fileIndex, row: unit.firstRow))
        var present = stripe.root.present
        for index in selected {
            let column = ActionSchema.columns[index]
            guard let vector = stripe.column(named: file.fieldNames[index]) else {
                preconditionFailure("the reader left out the selected column \(file.fieldNames[index])")
            }
            try batch.fill(column.member, from: vector, file: file.reader.path, stripe: unit.stripeIndex)
            if column.member != .gameType, let columnPresent = vector.present {
                present = present.map { zip($0, columnPresent).map { $0 && $1 } } ?? columnPresent
            }
        }
        batch.isComplete = present
        try body(batch)
    }
}

extension ActionBatch {
    // Moves one decoded ORC column into the batch, converting timestamps to nanoseconds.
    mutating func fill(_ column: ActionColumns, from vector: ColumnVector, file: String, stripe: Int) throws {
        switch (column, vector.values) {
        case (.userID, .integer(let values)):
            userIDs = values
        case (.result, .integer(let values)):
            results = values
        case (.actionTime, .timestamp(let timestamps)):
            actionTimes = try Self.nanoseconds(timestamps, file: file, stripe: stripe)
        case (.gameType, .bytes(let strings)):
            gameTypes = (0..<strings.count).map { strings.string(at: $0) }
        default:
            preconditionFailure("the schema check admitted a column the batch cannot hold: \(column)")
        }
    }

    // Combines seconds and nanoseconds into one Int64, which covers the years 1678 to 2261.
    static func nanoseconds(_ timestamps: TimestampColumn, file: String, stripe: Int) throws -> [Int64] {
        let limit = Int64.max / ActionTime.nanosecondsPerSecond - 1
        var result = [Int64](repeating: 0, count: timestamps.seconds.count)
        try timestamps.seconds.withUnsafeBufferPointer { seconds in
            try timestamps.nanoseconds.withUnsafeBufferPointer { nanoseconds in
                for row in 0..<seconds.count {
                    let second = seconds[row]
                    guard second > -limit && second < limit else {
                        throw DataStoreError.invalidInput("'\(file)' stripe \(stripe) row \(row): action_time \(second) s since 1970 lies outside the years 1678 to 2261 that this reader supports")
                    }
                    result[row] = second * ActionTime.nanosecondsPerSecond + Int64(nanoseconds[row])
                }
            }
        }
        return result
    }
}
