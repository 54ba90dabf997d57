import Foundation
import Testing

@testable import ORC

@Suite("ORC writer round trips through the reader")
struct WriterRoundTripTests {
    @Test("several stripes read back", arguments: [CompressionKind.none, .zlib, .zstd])
    func multipleStripes(codec: CompressionKind) throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 12_000, seed: 5, withNestedStruct: true, withCollections: true)
        var options = OrcWriterOptions(compression: codec)
        options.stripeSize = 150_000
        options.rowIndexStride = 1_000
        options.compressionBlockSize = 8_192
        let path = "\(directory)/stripes.orc"
        let writer = try OrcWriter(path: path, schema: table.schema, options: options)
        // Batches of uneven size cross row group and stripe boundaries.
        var start = 0
        for size in [1, 999, 2_500, 7_000, 1_500] {
            try writer.write(table.slice(start..<(start + size)))
            start += size
        }
        try writer.close()

        let reader = try OrcReader(path: path)
        #expect(reader.rowCount == 12_000)
        #expect(reader.stripes.count > 1)
        #expect(reader.schema == table.schema)
        #expect(reader.compression == codec)
        #expect(reader.formatVersion == "0.12")
        #expect(reader.writerVersion == 6)
        let actual = try WriterTestSupport.readWithLibrary(path)
        for (name, type) in zip(table.schema.fieldNames, table.schema.children) {
            let expected = WriterTestSupport.canonicalStrings(table.columnVector(named: name), type: type)
            #expect(WriterTestSupport.firstMismatch(actual[name] ?? [], expected) == nil, "column \(name)")
        }
    }

    @Test("documented example writes a file")
    func documentedExample() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/actions.orc"

        // The example from the OrcWriter documentation.
        let schema = OrcType.struct([("user_id", OrcType(.int)), ("game", OrcType(.string))])
        let writer = try OrcWriter(path: path, schema: schema)
        try writer.write(ColumnVector(count: 2, values: .struct([
            ColumnVector(count: 2, values: .integer([7, 9])),
            ColumnVector(count: 2, values: .bytes(BytesColumn(strings: ["poker", "slots"]))),
        ])))
        try writer.close()

        let columns = try WriterTestSupport.readWithLibrary(path)
        #expect(columns["user_id"] == ["7", "9"])
        #expect(columns["game"] == ["poker", "slots"])
        #expect(try OrcReader(path: path).compression == .zlib)
    }

    @Test("reader batches copy into a new file")
    func copyReaderBatches() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 3_000, seed: 17, withNestedStruct: true, withCollections: true)
        // The writer checks the stripe size after each row group, so groups are kept small.
        var options = OrcWriterOptions(compression: .snappy)
        options.stripeSize = 20_000
        options.rowIndexStride = 500
        let original = "\(directory)/original.orc"
        let writer = try OrcWriter(path: original, schema: table.schema, options: options)
        try writer.write(table.root)
        try writer.close()

        let reader = try OrcReader(path: original)
        let copy = "\(directory)/copy.orc"
        let copier = try OrcWriter(path: copy, schema: reader.schema, options: OrcWriterOptions(compression: .lz4))
        try reader.forEachStripe { batch in try copier.write(batch) }
        try copier.close()

        #expect(reader.stripes.count > 1)
        let expected = try WriterTestSupport.readWithLibrary(original)
        let actual = try WriterTestSupport.readWithLibrary(copy)
        for name in table.schema.fieldNames {
            #expect(WriterTestSupport.firstMismatch(actual[name] ?? [], expected[name] ?? []) == nil, "column \(name)")
        }
    }

    @Test("statistics match the values")
    func statistics() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let schema = OrcType.struct([("id", OrcType(.int)), ("name", OrcType(.string)), ("score", OrcType(.double))])
        let rows = ColumnVector(count: 5, values: .struct([
            ColumnVector(count: 5, present: [true, true, false, true, true], values: .integer([4, -7, 0, 12, 3])),
            ColumnVector(count: 5, values: .bytes(BytesColumn(strings: ["pear", "apple", "fig", "apple", ""]))),
            ColumnVector(count: 5, values: .double([1.5, -2.0, 0.25, 8.0, 1.0])),
        ]))
        var options = OrcWriterOptions()
        options.userMetadata = [("team", [1, 2, 3])]
        let path = "\(directory)/stats.orc"
        let writer = try OrcWriter(path: path, schema: schema, options: options)
        try writer.write(rows)
        try writer.close()

        let reader = try OrcReader(path: path)
        let statistics = reader.fileStatistics
        #expect(statistics.count == 4)
        #expect(statistics[0].numberOfValues == 5)
        #expect(statistics[1].numberOfValues == 4)
        #expect(statistics[1].hasNull == true)
        #expect(statistics[1].intStatistics?.minimum == -7)
        #expect(statistics[1].intStatistics?.maximum == 12)
        #expect(statistics[1].intStatistics?.sum == 12)
        #expect(statistics[2].hasNull == false)
        #expect(statistics[2].stringStatistics?.minimum == "")
        #expect(statistics[2].stringStatistics?.maximum == "pear")
        #expect(statistics[2].stringStatistics?.sum == 17)
        #expect(statistics[3].doubleStatistics?.minimum == -2.0)
        #expect(statistics[3].doubleStatistics?.maximum == 8.0)
        #expect(statistics[3].doubleStatistics?.sum == 8.75)
        #expect(try reader.stripeStatistics() == [statistics])
        #expect(reader.userMetadata == [OrcProto.UserMetadataItem(name: "team", value: [1, 2, 3])])
        #expect(reader.softwareVersion == OrcWriter.softwareVersion)
        #expect(try reader.stripeFooter(0).writerTimezone == "UTC")
    }

    @Test("long string statistics become bounds")
    func longStringBounds() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let schema = OrcType.struct([("text", OrcType(.string))])
        let low = String(repeating: "a", count: 1_023) + "é" + "zz"
        let high = String(repeating: "y", count: 1_500)
        let rows = ColumnVector(count: 3, values: .struct([
            ColumnVector(count: 3, values: .bytes(BytesColumn(strings: [high, "m", low]))),
        ]))
        let path = "\(directory)/bounds.orc"
        let writer = try OrcWriter(path: path, schema: schema)
        try writer.write(rows)
        try writer.close()

        let statistics = try #require(try OrcReader(path: path).fileStatistics[1].stringStatistics)
        #expect(statistics.minimum == nil)
        #expect(statistics.maximum == nil)
        // "é" takes 2 bytes and would pass 1,024, so the lower bound stops before it.
        #expect(statistics.lowerBound == String(repeating: "a", count: 1_023))
        #expect(statistics.upperBound == String(repeating: "y", count: 1_023) + "z")
        #expect(statistics.sum == Int64(low.utf8.count + high.utf8.count + 1))
    }

    @Test("row index positions locate each row group", arguments: [CompressionKind.none, .zlib])
    func rowIndexPositions(codec: CompressionKind) throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 5_000, seed: 11)
        var options = OrcWriterOptions(compression: codec)
        options.rowIndexStride = 700
        options.compressionBlockSize = 1_024
        let path = "\(directory)/index.orc"
        let writer = try OrcWriter(path: path, schema: table.schema, options: options)
        try writer.write(table.root)
        try writer.close()

        let reader = try OrcReader(path: path)
        let column = try #require(table.schema.field(named: "large"))
        let vector = table.columnVector(named: "large")
        guard case .integer(let values) = vector.values else { throw CancellationError() }
        let footer = try reader.stripeFooter(0)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        let stripeOffset = Int(reader.stripes[0].offset ?? 0)
        let decompressor = try ChunkDecompressor(kind: codec, blockSize: options.compressionBlockSize)

        // Locate the column's streams from the stripe footer, which lists them in file order.
        var offset = stripeOffset
        var streams: [OrcProto.Stream.Kind: Range<Int>] = [:]
        for stream in footer.streams {
            let length = Int(stream.length ?? 0)
            if Int(stream.column ?? 0) == column.columnId, let kind = stream.kind {
                streams[kind] = offset..<(offset + length)
            }
            offset += length
        }
        let indexRange = try #require(streams[.rowIndex])
        let dataRange = try #require(streams[.data])
        #expect(streams[.present] != nil)
        let index = try OrcProto.RowIndex(serializedBytes: try decompressor.decompress(ArraySlice(file[indexRange])))
        #expect(index.entry.count == 8)

        for (group, entry) in index.entry.enumerated() {
            // PRESENT has 3 positions uncompressed and 4 compressed; DATA has 2 or 3.
            let dataPositions = Array(entry.positions.suffix(codec == .none ? 2 : 3))
            var bytes = Array(file[dataRange])
            var start = Int(dataPositions[0])
            if codec != .none {
                bytes = try decompressor.decompress(ArraySlice(bytes[Int(dataPositions[0])...]))
                start = Int(dataPositions[1])
            }
            let skip = Int(dataPositions.last!)
            let firstRow = group * 700
            let expected = (firstRow..<min(firstRow + 700, 5_000)).filter { !vector.isNull($0) }.map { values[$0] }
            // The decoder reads whole runs, so it reads on to the end of the stripe's values.
            let remaining = (firstRow..<5_000).filter { !vector.isNull($0) }.count
            var decoder = StreamDecoder(Array(bytes[start...]), name: "data")
            let decoded = try decoder.readIntegers(count: skip + remaining, signed: true, version2: true)
            #expect(Array(decoded.dropFirst(skip).prefix(expected.count)) == expected, "row group \(group)")
            #expect(entry.statistics?.intStatistics?.minimum == expected.min(), "row group \(group)")
        }
    }

    @Test("string encoding follows the dictionary threshold")
    func dictionaryThreshold() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 2_000, seed: 3)
        var kinds: [Double: [OrcProto.ColumnEncoding.Kind?]] = [:]
        for threshold in [0.0, 0.8, 1.0] {
            var options = OrcWriterOptions()
            options.dictionaryKeySizeThreshold = threshold
            let path = "\(directory)/strings-\(threshold).orc"
            let writer = try OrcWriter(path: path, schema: table.schema, options: options)
            try writer.write(table.root)
            try writer.close()
            let footer = try OrcReader(path: path).stripeFooter(0)
            kinds[threshold] = ["game", "label"].map { footer.columns[table.schema.field(named: $0)!.columnId].kind }
            let actual = try WriterTestSupport.readWithLibrary(path)
            for name in ["game", "label", "payload"] {
                let expected = WriterTestSupport.canonicalStrings(table.columnVector(named: name), type: table.schema.field(named: name)!)
                #expect(WriterTestSupport.firstMismatch(actual[name] ?? [], expected) == nil, "threshold \(threshold) column \(name)")
            }
        }
        // "game" has 7 distinct values; "label" is nearly all distinct.
        #expect(kinds[0.0] == [.directV2, .directV2])
        #expect(kinds[0.8] == [.dictionaryV2, .directV2])
        #expect(kinds[1.0] == [.dictionaryV2, .dictionaryV2])
    }

    @Test("finishStripe cuts stripes by row count")
    func finishStripe() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 2_500, seed: 3)
        let path = "\(directory)/cut.orc"
        var options = OrcWriterOptions()
        options.rowIndexStride = 1_000
        let writer = try OrcWriter(path: path, schema: table.schema, options: options)
        try writer.write(table.slice(0..<1_200))
        try writer.finishStripe()
        // A second call on an empty stripe adds nothing.
        try writer.finishStripe()
        try writer.write(table.slice(1_200..<2_500))
        try writer.close()

        let reader = try OrcReader(path: path)
        #expect(reader.stripes.map(\.numberOfRows) == [1_200, 1_300])
        #expect(reader.rowIndexStride == 1_000)
        let actual = try WriterTestSupport.readWithLibrary(path)
        for (name, type) in zip(table.schema.fieldNames, table.schema.children) {
            let expected = WriterTestSupport.canonicalStrings(table.columnVector(named: name), type: type)
            #expect(WriterTestSupport.firstMismatch(actual[name] ?? [], expected) == nil, "column \(name)")
        }
        #expect(throws: OrcError.self) { try writer.finishStripe() }
    }

    @Test("file appears only on close")
    func atomicClose() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 100, seed: 2)
        let path = "\(directory)/atomic.orc"
        let writer = try OrcWriter(path: path, schema: table.schema)
        try writer.write(table.root)
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.close()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["atomic.orc"])

        let abandoned = "\(directory)/abandoned.orc"
        do {
            let unfinished = try OrcWriter(path: abandoned, schema: table.schema)
            try unfinished.write(table.root)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["atomic.orc"])
    }

    @Test("mismatched vectors are rejected")
    func rejectsMismatch() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let schema = OrcType.struct([("id", OrcType(.int))])
        let writer = try OrcWriter(path: "\(directory)/bad.orc", schema: schema)
        let wrongType = ColumnVector(count: 1, values: .struct([ColumnVector(count: 1, values: .double([1]))]))
        #expect(throws: OrcError.self) { try writer.write(wrongType) }
        let valid = ColumnVector(count: 1, values: .struct([ColumnVector(count: 1, values: .integer([1]))]))
        #expect(throws: OrcError.self) { try writer.write(valid) }
        #expect(throws: OrcError.self) { try writer.close() }
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/bad.orc"))

        let intWriter = try OrcWriter(path: "\(directory)/int.orc", schema: schema)
        let tooLarge = ColumnVector(count: 1, values: .struct([ColumnVector(count: 1, values: .integer([1 << 31]))]))
        #expect(throws: OrcError.self) { try intWriter.write(tooLarge) }
        #expect(throws: OrcError.self) { try OrcWriter(path: "\(directory)/union.orc", schema: .struct([("u", .union([]))])) }
        #expect(throws: OrcError.self) { try OrcWriter(path: "\(directory)/root.orc", schema: OrcType(.int)) }

        let decimalWriter = try OrcWriter(path: "\(directory)/decimal.orc", schema: .struct([("d", .decimal(precision: 4, scale: 2))]))
        let tooWide = ColumnVector(count: 1, values: .struct([
            ColumnVector(count: 1, values: .decimal(DecimalColumn(values: [10_000], precision: 4, scale: 2))),
        ]))
        #expect(throws: OrcError.self) { try decimalWriter.write(tooWide) }
    }
}

extension WriterTestTable {
    /// Returns the rows `range` of the table as a root vector.
    func slice(_ range: Range<Int>) -> ColumnVector {
        Self.slice(root, range)
    }

    private static func slice(_ vector: ColumnVector, _ range: Range<Int>) -> ColumnVector {
        let present = vector.present.map { Array($0[range]) }
        let values: ColumnValues
        switch vector.values {
        case .boolean(let items): values = .boolean(Array(items[range]))
        case .integer(let items): values = .integer(Array(items[range]))
        case .float(let items): values = .float(Array(items[range]))
        case .double(let items): values = .double(Array(items[range]))
        case .date(let items): values = .date(Array(items[range]))
        case .bytes(let column):
            let start = column.offsets[range.lowerBound]
            let end = column.offsets[range.upperBound]
            values = .bytes(BytesColumn(bytes: Array(column.bytes[start..<end]), offsets: column.offsets[range.lowerBound...range.upperBound].map { $0 - start }))
        case .timestamp(let column):
            values = .timestamp(TimestampColumn(seconds: Array(column.seconds[range]), nanoseconds: Array(column.nanoseconds[range])))
        case .decimal(let column):
            values = .decimal(DecimalColumn(values: Array(column.values[range]), precision: column.precision, scale: column.scale))
        case .struct(let fields): values = .struct(fields.map { slice($0, range) })
        case .list(let column):
            let entries = column.offsets[range.lowerBound]..<column.offsets[range.upperBound]
            let offsets = column.offsets[range.lowerBound...range.upperBound].map { $0 - entries.lowerBound }
            values = .list(ListColumn(offsets: offsets, elements: slice(column.elements, entries)))
        case .map(let column):
            let entries = column.offsets[range.lowerBound]..<column.offsets[range.upperBound]
            let offsets = column.offsets[range.lowerBound...range.upperBound].map { $0 - entries.lowerBound }
            values = .map(MapColumn(offsets: offsets, keys: slice(column.keys, entries), values: slice(column.values, entries)))
        case .union(let column):
            // Variants stay whole because the offsets point into them.
            values = .union(UnionColumn(tags: Array(column.tags[range]), offsets: Array(column.offsets[range]), variants: column.variants))
        }
        return ColumnVector(count: range.count, present: present, values: values)
    }
}
