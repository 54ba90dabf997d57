import Foundation
import Testing
import ORC

/// Reads files that pyarrow (the ORC C++ writer) writes with every codec, covering all
/// primitive types, nested types and nulls, and compares each value with pyarrow's reading.
@Suite("ORC files from pyarrow")
struct PyarrowFileTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Scripts/pyarrow_reference_files.py").path

    /// Runs the script, which writes `<codec>.orc` and `<codec>.jsonl` for each codec.
    static func writeReferenceFiles(into directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try WriterTestSupport.pythonPath())
        process.arguments = [script, directory]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pyarrow_reference_files.py failed: \(errorText)")
    }

    @Test("Every codec reads as pyarrow reads it")
    func everyCodecMatchesPyarrow() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.writeReferenceFiles(into: directory)

        for (codec, kind) in [("uncompressed", CompressionKind.none), ("zlib", .zlib), ("snappy", .snappy), ("lz4", .lz4), ("zstd", .zstd)] {
            let reader = try OrcReader(path: directory + "/\(codec).orc")
            let expected = try String(contentsOfFile: directory + "/\(codec).jsonl", encoding: .utf8).split(separator: "\n")
            #expect(reader.compression == kind)
            #expect(reader.writerName == "ORC C++")

            var row = 0
            var mismatches: [String] = []
            try reader.forEachStripe { batch in
                for batchRow in 0..<batch.rowCount {
                    defer { row += 1 }
                    guard row < expected.count else { continue }
                    let value = try RawJSON.parse(String(expected[row]))
                    if let difference = ExpectedValueComparison.mismatch(batch.root, type: batch.schema, row: batchRow, expected: value),
                       mismatches.count < 5 {
                        mismatches.append("\(codec) row \(row) \(difference)")
                    }
                }
            }
            #expect(row == expected.count, "\(codec): read \(row) rows, pyarrow read \(expected.count)")
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test("Damaged SNAPPY and ZSTD files read or throw")
    func damagedCodecFilesReadOrThrow() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.writeReferenceFiles(into: directory)

        for codec in ["snappy", "zstd"] {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/\(codec).orc")))
            var generator = SeededGenerator(seed: 7)
            let path = directory + "/damaged-\(codec).orc"
            for variant in 0..<60 {
                let damaged = MutationTests.mutate(original, using: &generator, tailBias: variant % 3 == 0)
                try Data(damaged).write(to: URL(fileURLWithPath: path))
                do {
                    try OrcReader(path: path).forEachStripe { _ in }
                } catch let error as OrcError {
                    #expect(error.file == path)
                } catch {
                    Issue.record("\(codec) variant \(variant): threw \(type(of: error)) instead of OrcError: \(error)")
                }
            }
        }
    }
}
