import Foundation
import Testing
@testable import ORC

/// Files whose LENGTH stream or stripe information declares more values than the streams or the
/// reader's bound allow. Empty structs have no streams, so under them only the declared count
/// limits how many rows a consumer such as `orc cat` walks.
@Suite("ORC declared counts")
struct DeclaredCountTests {
    // Lengths this different make the writer emit a direct RLE v2 run longer than the 7-byte
    // run that replaces it. `patchLengthStream` checks the stream's length.
    private static let lengths = [5000, 1, 4000, 2]

    // An RLE v2 short repeat (header bits 00, value width 6 bytes, 4 repeats) of 2^40, big-endian.
    private static let hugeLengthsRun: [UInt8] = [0x29, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]

    /// Reads every stripe and formats every row as `orc cat` does, returning the row texts.
    private func formatAllRows(_ path: String) throws -> [String] {
        let reader = try OrcReader(path: path)
        let formatter = OrcJSONFormatter()
        var rows: [String] = []
        try reader.forEachStripe { batch in
            for row in 0..<batch.rowCount {
                rows.append(formatter.format(batch, row: row))
            }
        }
        return rows
    }

    /// Returns the `OrcError` that reading and formatting the file throws.
    private func formatError(_ path: String) -> OrcError? {
        BadFileTests.orcError {
            let rows = try formatAllRows(path)
            Issue.record("formatted \(rows.count) rows of a damaged file without an error")
        }
    }

    // Writes one `items` column of the given list or map type, with `lengths` entries per row
    // whose values are empty structs, or decimals 1.0000000000 for a decimal element type.
    private func writeFile(_ items: OrcType, to path: String) throws {
        let offsets = Self.lengths.reduce(into: [0]) { $0.append($0.last! + $1) }
        let entries = items.children[0].kind == .decimal
            ? ColumnVector(count: offsets.last!, values: .decimal(DecimalColumn(values: [Int128](repeating: 10_000_000_000, count: offsets.last!), precision: 38, scale: 10)))
            : ColumnVector(count: offsets.last!, values: .struct([]))
        let values: ColumnValues = items.kind == .list
            ? .list(ListColumn(offsets: offsets, elements: entries))
            : .map(MapColumn(offsets: offsets, keys: entries, values: entries))
        let writer = try OrcWriter(
            path: path, schema: .struct([("items", items)]), options: OrcWriterOptions(compression: .none))
        try writer.write(ColumnVector(count: Self.lengths.count, values: .struct([
            ColumnVector(count: Self.lengths.count, values: values),
        ])))
        try writer.close()
    }

    // Overwrites the start of column 1's uncompressed LENGTH stream with `run`.
    private func patchLengthStream(_ path: String, with run: [UInt8]) throws {
        let reader = try OrcReader(path: path)
        let context = try StripeContext(reader: reader, index: 0, stripe: reader.stripes[0], footer: try reader.stripeFooter(0))
        let location = try #require(context.streams[StripeContext.StreamKey(column: 1, kind: .length)])
        try #require(location.length >= UInt64(run.count), "the LENGTH stream has only \(location.length) bytes")

        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let start = Int(location.offset)
        bytes.replaceSubrange(start..<(start + run.count), with: run)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("Huge LENGTH total throws", arguments: ["list", "map"])
    func hugeLengthTotal(kind: String) throws {
        let items = kind == "list" ? OrcType.list(.struct([])) : OrcType.map(key: .struct([]), value: .struct([]))
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/\(kind).orc"
        try writeFile(items, to: path)

        let intact = try formatAllRows(path)
        #expect(intact.count == 4)
        #expect(intact.dropFirst().first == (kind == "list" ? #"{"items": [{}]}"# : #"{"items": [{"key": {}, "value": {}}]}"#))

        try patchLengthStream(path, with: Self.hugeLengthsRun)
        let error = try #require(formatError(path))
        #expect(error.file == path)
        #expect(error.stripe == 0)
        #expect(error.column == 1)
        #expect(error.columnPath == "items")
        #expect(error.isDataError)
        #expect(error.message.contains("declares 4398046511104 child values"), "\(error)")
    }

    @Test("Decimal count beyond DATA throws")
    func decimalCountBeyondData() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/decimals.orc"
        try writeFile(.list(.decimal(precision: 38, scale: 10)), to: path)
        #expect(try formatAllRows(path).dropFirst().first == #"{"items": [1.0000000000]}"#)

        // Four lengths of 2^29 - 1 total 2,147,483,644 values, just within the bound, so the
        // decimal reader must compare them with its DATA stream before it allocates 32 GiB.
        try patchLengthStream(path, with: [0x19, 0x1F, 0xFF, 0xFF, 0xFF])
        let error = try #require(formatError(path))
        #expect(error.file == path)
        #expect(error.stripe == 0)
        #expect(error.column == 2)
        #expect(error.columnPath == "items._elem")
        #expect(error.message.contains("2147483644 values cannot fit"), "\(error)")
    }

    @Test("Huge stripe row count throws")
    func hugeStripeRowCount() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/empty-struct.orc"
        let writer = try OrcWriter(path: path, schema: .struct([]), options: OrcWriterOptions(compression: .none))
        try writer.write(ColumnVector(count: 3, values: .struct([])))
        try writer.close()
        #expect(try formatAllRows(path) == ["{}", "{}", "{}"])

        // The rewritten footer declares 2^40 rows in the only stripe and in the file, so the
        // two agree and only the bound can reject them.
        let reader = try OrcReader(path: path)
        var footer = reader.footer
        footer.stripes[0].numberOfRows = 1 << 40
        footer.numberOfRows = 1 << 40
        var postScript = reader.postScript
        let footerBytes = footer.serializedBytes()
        postScript.footerLength = UInt64(footerBytes.count)
        let postScriptBytes = postScript.serializedBytes()
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let oldPostScriptLength = Int(original[original.count - 1])
        let footerStart = original.count - 1 - oldPostScriptLength - Int(reader.postScript.footerLength ?? 0)
        let damaged = Array(original[0..<footerStart]) + footerBytes + postScriptBytes + [UInt8(postScriptBytes.count)]
        try Data(damaged).write(to: URL(fileURLWithPath: path))

        let error = try #require(formatError(path))
        #expect(error.file == path)
        #expect(error.stripe == 0)
        #expect(error.isDataError)
        #expect(error.message.contains("declares 1099511627776 rows"), "\(error)")
    }
}
