import Foundation
import Testing
@testable import ORC

@Suite("ORC example files")
struct ExampleFileTests {
    @Test("Rows match the reference reader", arguments: OrcExamples.readableEntries.filter { $0.expected != nil })
    func rowsMatchReference(entry: OrcExamples.Entry) throws {
        let expectedLines = try OrcExamples.expectedLines(try #require(entry.expected))
        let reader = try OrcReader(path: OrcExamples.path(entry.file))

        var row = 0
        var mismatches: [String] = []
        try reader.forEachStripe { batch in
            for batchRow in 0..<batch.rowCount {
                defer { row += 1 }
                guard row < expectedLines.count else { continue }
                let expected = try RawJSON.parse(expectedLines[row])
                if let difference = ExpectedValueComparison.mismatch(batch.root, type: batch.schema, row: batchRow, expected: expected),
                   mismatches.count < 5 {
                    mismatches.append("row \(row) \(difference)")
                }
            }
        }

        #expect(row == expectedLines.count, "read \(row) rows, the reference has \(expectedLines.count)")
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("File facts match the manifest", arguments: OrcExamples.readableEntries)
    func factsMatchManifest(entry: OrcExamples.Entry) throws {
        let reader = try OrcReader(path: OrcExamples.path(entry.file))

        #expect(reader.schema.description == entry.type)
        #expect(try OrcType(parsing: entry.type) == reader.schema)
        if let rows = entry.rows { #expect(reader.rowCount == rows) }
        if let contentLength = entry.contentLength { #expect(reader.footer.contentLength == contentLength) }
        if let stripes = entry.stripes { #expect(reader.stripes.count == stripes) }
        if let compression = entry.compression { #expect(reader.compression.description == compression) }
        if let blockSize = entry.blockSize { #expect(reader.compressionBlockSize == blockSize) }
        if let stride = entry.rowIndexStride { #expect(reader.rowIndexStride == stride) }
        if let version = entry.formatVersion { #expect(reader.formatVersion == version) }
        if let writer = entry.writer { #expect(reader.writerName == writer) }
        let stripeRows = reader.stripes.reduce(UInt64(0)) { $0 + ($1.numberOfRows ?? 0) }
        #expect(stripeRows == reader.rowCount)
    }

    @Test("Demo file reads every stripe")
    func demoFileReadsEveryStripe() throws {
        let reader = try OrcReader(path: OrcExamples.path("demo-12-zlib.orc"))
        var rows = 0
        var firstIds: [Int64] = []
        try reader.forEachStripe(fields: ["_col0", "_col3"]) { batch in
            rows += batch.rowCount
            guard case .integer(let ids) = try #require(batch.column(named: "_col0")).values else {
                Issue.record("_col0 is not an integer column")
                return
            }
            if firstIds.isEmpty { firstIds = Array(ids.prefix(3)) }
        }

        #expect(rows == 1_920_800)
        #expect(firstIds == [1, 2, 3])
    }
}
