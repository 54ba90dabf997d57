// Times the ORC writer and reader against pyarrow on a table shaped like game actions:
// user_id int, action_time timestamp, game_type string (8 names), result int in -10...10.
//
//   swift run -c release --package-path Benchmarks orc-benchmark [--rows N] [--repeat R]
//       [--stripe-size BYTES]
//
// The Swift and pyarrow sides use the same settings (zlib, the writer's default block size and
// dictionary threshold, and the stripe size, 8 MiB by default so that the file has several
// stripes). Reading runs in a child process of this executable so that its peak resident set
// size (VmHWM) shows the reader's memory alone, next to the file and stripe sizes.

import Foundation
import ORC

struct Arguments {
    var rows = 10_000_000
    var repeatCount = 3
    var seed: UInt64 = 20_261_204
    var stripeSize = 8 << 20
    var readPath: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            if argument == "--help" {
                print("usage: orc-benchmark [--rows N] [--repeat R] [--seed S] [--stripe-size BYTES]")
                exit(0)
            }
            // Every option takes a value; a missing or malformed one stops the run before any work.
            func value<T>(_ parse: (String) -> T?, _ expected: String) -> T {
                guard let text = iterator.next(), let parsed = parse(text) else {
                    Self.fail("option \(argument) needs \(expected)")
                }
                return parsed
            }
            switch argument {
            case "--rows": rows = value({ Int($0).flatMap { $0 >= 1 ? $0 : nil } }, "a row count of at least 1")
            case "--repeat": repeatCount = value({ Int($0).flatMap { $0 >= 1 ? $0 : nil } }, "a repeat count of at least 1")
            case "--seed": seed = value({ UInt64($0) }, "a non-negative integer seed")
            case "--stripe-size": stripeSize = value({ Int($0).flatMap { $0 >= 1024 ? $0 : nil } }, "a stripe size of at least 1024 bytes")
            case "--read-child": readPath = value({ $0 }, "a file path")
            default:
                Self.fail("unknown argument \(argument); use --rows N, --repeat R, --seed S or --stripe-size BYTES")
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("orc-benchmark: \(message)\n".utf8))
        exit(64)
    }
}

/// SplitMix64, so the table is the same on every run for a given seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

let schema = OrcType.struct([
    ("user_id", OrcType(.int)),
    ("action_time", OrcType(.timestamp)),
    ("game_type", OrcType(.string)),
    ("result", OrcType(.int)),
])

/// Makes the table in batches of 65,536 rows: users drawn from a million ids, actions about
/// 3 seconds apart with millisecond precision, and one of 8 games.
func makeBatches(rows: Int, seed: UInt64) -> [ColumnVector] {
    var generator = SeededGenerator(state: seed)
    let games = ["poker", "slots", "blackjack", "roulette", "baccarat", "bingo", "keno", "craps"]
        .map { Array($0.utf8) }
    var batches: [ColumnVector] = []
    var milliseconds: Int64 = 1_704_067_200_000  // 2024-01-01 00:00:00 UTC
    var start = 0
    while start < rows {
        let count = min(65_536, rows - start)
        var users: [Int64] = []
        var seconds: [Int64] = []
        var nanoseconds: [Int32] = []
        var bytes: [UInt8] = []
        var offsets = [0]
        var results: [Int64] = []
        users.reserveCapacity(count)
        seconds.reserveCapacity(count)
        nanoseconds.reserveCapacity(count)
        offsets.reserveCapacity(count + 1)
        results.reserveCapacity(count)
        for _ in 0..<count {
            users.append(Int64(generator.next() % 1_000_000) + 1)
            milliseconds += Int64(generator.next() % 6_000)
            seconds.append(milliseconds / 1000)
            nanoseconds.append(Int32(milliseconds % 1000) * 1_000_000)
            bytes += games[Int(generator.next() % 8)]
            offsets.append(bytes.count)
            results.append(Int64(generator.next() % 21) - 10)
        }
        batches.append(ColumnVector(count: count, values: .struct([
            ColumnVector(count: count, values: .integer(users)),
            ColumnVector(count: count, values: .timestamp(TimestampColumn(seconds: seconds, nanoseconds: nanoseconds))),
            ColumnVector(count: count, values: .bytes(BytesColumn(bytes: bytes, offsets: offsets))),
            ColumnVector(count: count, values: .integer(results)),
        ])))
        start += count
    }
    return batches
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Returns the peak resident set size of this process in KiB, from /proc/self/status.
func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }
    return 0
}

/// Reads every column of every stripe and returns a checksum so the work cannot be skipped.
func readAll(_ path: String) throws -> Int {
    var checksum = 0
    let reader = try OrcReader(path: path)
    try reader.forEachStripe { batch in
        checksum &+= batch.rowCount
        if case .integer(let values)? = batch.column(named: "result")?.values {
            checksum &+= Int(values.reduce(0, &+))
        }
    }
    return checksum
}

func pythonPath() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["RETENTION_PYTHON"], !path.isEmpty { return path }
    let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? "/root") + "/.cache"
    return cache + "/retention-workbench/venv/bin/python"
}

func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw OrcError.io("\(executable) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

let arguments = Arguments(CommandLine.arguments)

if let path = arguments.readPath {
    // Child mode: time reading all columns and report the peak memory of reading alone.
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<arguments.repeatCount {
        best = min(best, try measure { checksum = try readAll(path) })
    }
    print("\(best) \(peakResidentKiB()) \(checksum)")
    exit(0)
}

let directory = NSTemporaryDirectory() + "orc-benchmark-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
let swiftPath = directory + "/swift.orc"
let pyarrowPath = directory + "/pyarrow.orc"
var options = OrcWriterOptions()
options.stripeSize = arguments.stripeSize

print("ORC benchmark: \(arguments.rows) rows, seed \(arguments.seed), \(options.compression) level default, block \(options.compressionBlockSize) B, stripe \(options.stripeSize) B, dictionary threshold \(options.dictionaryKeySizeThreshold), best of \(arguments.repeatCount)")
let batches = makeBatches(rows: arguments.rows, seed: arguments.seed)

var swiftWrite = Double.infinity
for _ in 0..<arguments.repeatCount {
    swiftWrite = min(swiftWrite, try measure {
        let writer = try OrcWriter(path: swiftPath, schema: schema, options: options)
        for batch in batches { try writer.write(batch) }
        try writer.close()
    })
}
let fileSize = (try FileManager.default.attributesOfItem(atPath: swiftPath)[.size] as? Int) ?? 0
let stripeCount = try OrcReader(path: swiftPath).stripes.count

let child = try run(CommandLine.arguments[0], ["--read-child", swiftPath, "--repeat", String(arguments.repeatCount)])
let childFields = child.split(separator: " ")
let swiftRead = Double(childFields[0]) ?? .nan
let readPeakKiB = Int(childFields[1]) ?? 0

let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/orc_benchmark.py").standardized.path
let pyarrowOutput = try run(pythonPath(), [
    script, swiftPath, pyarrowPath, "zlib", String(options.compressionBlockSize),
    String(options.dictionaryKeySizeThreshold), String(options.stripeSize), String(arguments.repeatCount),
])
let pyarrow = try JSONSerialization.jsonObject(with: Data(pyarrowOutput.utf8)) as! [String: Any]
let pyarrowRead = pyarrow["read_seconds"] as! Double
let pyarrowWrite = pyarrow["write_seconds"] as! Double
let pyarrowRows = pyarrow["rows"] as! Int
let pyarrowSize = (try FileManager.default.attributesOfItem(atPath: pyarrowPath)[.size] as? Int) ?? 0

func format(_ value: Double) -> String { String(format: "%.3f", value) }
print("rows read by pyarrow from the Swift file: \(pyarrowRows)")
print("write: Swift \(format(swiftWrite)) s (with fsync), pyarrow \(format(pyarrowWrite)) s, ratio \(format(swiftWrite / pyarrowWrite)) (goal <= 1.5)")
print("read all columns: Swift \(format(swiftRead)) s, pyarrow \(format(pyarrowRead)) s, ratio \(format(swiftRead / pyarrowRead)) (goal <= 1.0)")
print("file size: Swift \(fileSize) B, pyarrow \(pyarrowSize) B")
print("peak RSS of the Swift read process: \(readPeakKiB / 1024) MiB for a \(fileSize / (1 << 20)) MiB file of \(stripeCount) stripes (\(arguments.rows / max(stripeCount, 1)) rows per stripe)")
