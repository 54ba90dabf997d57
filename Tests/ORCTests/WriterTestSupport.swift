import Foundation
import Testing

@testable import ORC

/// Helpers shared by the writer tests: the pyarrow oracle, seeded test tables and the
/// canonical string form that both sides compare.
enum WriterTestSupport {
    /// Returns the Python interpreter with pyarrow, from RETENTION_PYTHON or the project's venv.
    static func pythonPath() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["RETENTION_PYTHON"], !path.isEmpty { return path }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "/root") + "/.cache"
        let path = cache + "/retention-workbench/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("no Python with pyarrow at \(path); run scripts/test.sh, which creates the venv")
            throw CancellationError()
        }
        return path
    }

    /// The oracle script beside this file.
    static let oracleScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Scripts/pyarrow_oracle.py").path

    /// Runs the oracle with `arguments` and returns its standard output.
    static func runOracle(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try pythonPath())
        process.arguments = [oracleScript] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("pyarrow_oracle.py \(arguments.first ?? "") failed: \(String(decoding: errorData, as: UTF8.self))")
            throw CancellationError()
        }
        return String(decoding: outputData, as: UTF8.self)
    }

    /// Reads files with pyarrow: one JSON object per file, keyed by path.
    static func readWithPyarrow(_ paths: [String]) throws -> [String: [String: Any]] {
        let output = try runOracle(["read"] + paths)
        var results: [String: [String: Any]] = [:]
        for line in output.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            results[object["path"] as! String] = object
        }
        return results
    }

    /// Creates a fresh temporary directory, which the caller removes.
    static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "orc-writer-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    // MARK: - Canonical values

    /// Describes the first row where two columns of canonical strings differ, or returns nil.
    static func firstMismatch(_ actual: [String?], _ expected: [String?]) -> String? {
        guard actual.count == expected.count else {
            return "\(actual.count) rows where \(expected.count) were expected"
        }
        guard let row = actual.indices.first(where: { actual[$0] != expected[$0] }) else { return nil }
        return "row \(row): got \(actual[row].map { String($0.prefix(80)) } ?? "null"), expected \(expected[row].map { String($0.prefix(80)) } ?? "null")"
    }

    /// Returns the rows of a vector as the oracle's canonical strings, nil for null.
    static func canonicalStrings(_ vector: ColumnVector, type: OrcType) -> [String?] {
        (0..<vector.count).map { row in
            vector.isNull(row) ? nil : canonicalString(vector.values, row: row, type: type)
        }
    }

    private static func canonicalString(_ values: ColumnValues, row: Int, type: OrcType) -> String {
        switch values {
        case .boolean(let items): return items[row] ? "true" : "false"
        case .integer(let items): return String(items[row])
        case .float(let items): return littleEndianHex(UInt64(items[row].bitPattern), bytes: 4)
        case .double(let items): return littleEndianHex(items[row].bitPattern, bytes: 8)
        case .bytes(let column):
            if type.kind == .binary {
                return column.bytes(at: row).map { String(format: "%02x", $0) }.joined()
            }
            return column.string(at: row)
        case .timestamp(let column): return "\(column.seconds[row]),\(column.nanoseconds[row])"
        case .date(let items): return String(items[row])
        case .decimal(let column): return String(column.values[row])
        case .struct(let fields):
            return zip(type.fieldNames, zip(fields, type.children)).map { name, pair in
                "\(name)=\(pair.0.isNull(row) ? "null" : canonicalString(pair.0.values, row: row, type: pair.1))"
            }.joined(separator: ";")
        case .list(let column):
            let elements = (column.offsets[row]..<column.offsets[row + 1]).map { index in
                column.elements.isNull(index) ? "null" : canonicalString(column.elements.values, row: index, type: type.children[0])
            }
            return "[" + elements.joined(separator: ",") + "]"
        case .map(let column):
            let entries = (column.offsets[row]..<column.offsets[row + 1]).map { index in
                let key = canonicalString(column.keys.values, row: index, type: type.children[0])
                let value = column.values.isNull(index) ? "null" : canonicalString(column.values.values, row: index, type: type.children[1])
                return key + ":" + value
            }
            return "{" + entries.joined(separator: ",") + "}"
        case .union(let column):
            let tag = Int(column.tags[row])
            let variant = column.variants[tag]
            let offset = column.offsets[row]
            return "\(tag):" + (variant.isNull(offset) ? "null" : canonicalString(variant.values, row: offset, type: type.children[tag]))
        }
    }

    private static func littleEndianHex(_ bits: UInt64, bytes: Int) -> String {
        (0..<bytes).map { String(format: "%02x", (bits >> UInt64(8 * $0)) & 0xFF) }.joined()
    }

    /// Reads every stripe of a file with this library and returns each top-level field's
    /// canonical strings.
    static func readWithLibrary(_ path: String) throws -> [String: [String?]] {
        let reader = try OrcReader(path: path)
        // Every field gets an entry, so an empty file reads as empty columns.
        var columns = Dictionary(uniqueKeysWithValues: reader.schema.fieldNames.map { ($0, [String?]()) })
        try reader.forEachStripe { batch in
            for (name, type) in zip(batch.schema.fieldNames, batch.schema.children) {
                guard let vector = batch.column(named: name) else { continue }
                columns[name, default: []] += canonicalStrings(vector, type: type)
            }
        }
        return columns
    }
}

/// A small deterministic generator (SplitMix64) so that test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
