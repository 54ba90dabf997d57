/// Writes an ORC file from column vectors, one stripe in memory at a time.
///
/// The file is written under a temporary name in the target directory and renamed into place
/// by `close()`, so readers never see a partial file. A writer released without `close()`
/// leaves no file. The layout follows the ORC v1 specification: the "ORC" magic, stripes of
/// row index, data streams and stripe footer, then the metadata section, footer and postscript.
/// A writer is not `Sendable`: use it from one task at a time.
///
/// ```swift
/// let schema = OrcType.struct([("user_id", OrcType(.int)), ("game", OrcType(.string))])
/// let writer = try OrcWriter(path: "actions.orc", schema: schema)
/// try writer.write(ColumnVector(count: 2, values: .struct([
///     ColumnVector(count: 2, values: .integer([7, 9])),
///     ColumnVector(count: 2, values: .bytes(BytesColumn(strings: ["poker", "slots"]))),
/// ])))
/// try writer.close()
/// ```
public final class OrcWriter {
    /// The writer id stored in the footer. Apache ORC registers ids 0 to 5 for other writers,
    /// so readers report this one as an unknown writer. pyarrow 26 reads the data, but its
    /// `ORCFile.writer` raises "Unsupported writer ID".
    public static let writerId: UInt32 = 7

    /// The postscript writer version: 6 is the first that writers other than ORC Java use.
    public static let writerVersion: UInt32 = 6

    /// The software version stored in the footer.
    public static let softwareVersion = "retention-workbench ORC writer 1.0"

    /// The path the file appears at once closed.
    public var path: String { file.path }

    /// The schema of the rows; the root is a struct.
    public let schema: OrcType

    /// The settings the writer was created with.
    public let options: OrcWriterOptions

    private let file: AtomicFile
    private let compressor: ChunkCompressor?
    private let root: ColumnWriter
    // Every column writer in pre-order, so index i writes column i.
    private let columns: [ColumnWriter]

    private var rowsInStripe = 0
    private var rowsInGroup = 0
    private var rowCount: UInt64 = 0
    private var stripes: [OrcProto.StripeInformation] = []
    private var stripeStatistics: [OrcProto.StripeStatistics] = []
    private var isClosed = false
    // The error that interrupted a write, after which the streams are inconsistent.
    private var failure: (any Error)?

    /// Creates the file's temporary copy and writes the header.
    ///
    /// - Parameters:
    ///   - path: Where the file appears once closed; an existing file there is replaced then.
    ///   - schema: A struct type whose fields are boolean, integer, float, double, string,
    ///     varchar, char, binary, timestamp, date, decimal, struct, list, map or union columns.
    ///   - options: Compression, stripe, row index and dictionary settings.
    /// - Throws: `OrcError` for a schema or option the writer does not support, or when the
    ///   temporary file cannot be created.
    public init(path: String, schema: OrcType, options: OrcWriterOptions = OrcWriterOptions()) throws {
        guard schema.kind == .struct else {
            throw OrcError.invalidArgument("the schema root is \(schema), not a struct; wrap the columns in a struct")
        }
        try options.validate()
        let compressor = options.compression == .none
            ? nil : try ChunkCompressor(kind: options.compression, level: options.compressionLevel)

        var columns: [ColumnWriter] = []
        root = try Self.makeColumnWriter(schema, compressor: compressor, options: options, into: &columns)
        columns.sort { $0.columnId < $1.columnId }
        self.columns = columns
        self.schema = schema
        self.options = options
        self.compressor = compressor
        file = try AtomicFile(path: path)
        try file.write(Array("ORC".utf8))
    }

    private static func makeColumnWriter(
        _ type: OrcType, compressor: ChunkCompressor?, options: OrcWriterOptions, into columns: inout [ColumnWriter]
    ) throws -> ColumnWriter {
        let blockSize = options.compressionBlockSize
        let writer: ColumnWriter
        switch type.kind {
        case .boolean:
            writer = BooleanColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .byte:
            writer = ByteColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .short, .int, .long, .date:
            writer = IntegerColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .float, .double:
            writer = FloatingPointColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .string, .varchar, .char, .binary:
            writer = StringColumnWriter(
                type: type, compressor: compressor, blockSize: blockSize,
                dictionaryThreshold: options.dictionaryKeySizeThreshold)
        case .timestamp, .timestampInstant:
            writer = TimestampColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .decimal:
            writer = DecimalColumnWriter(type: type, compressor: compressor, blockSize: blockSize)
        case .struct:
            var children: [ColumnWriter] = []
            for child in type.children {
                children.append(try makeColumnWriter(child, compressor: compressor, options: options, into: &columns))
            }
            writer = StructColumnWriter(type: type, compressor: compressor, blockSize: blockSize, children: children)
        case .list, .map:
            var children: [ColumnWriter] = []
            for child in type.children {
                children.append(try makeColumnWriter(child, compressor: compressor, options: options, into: &columns))
            }
            writer = ListColumnWriter(type: type, compressor: compressor, blockSize: blockSize, children: children)
        case .union:
            guard (1...256).contains(type.children.count) else {
                throw OrcError.invalidArgument("column \(type.columnId) has \(type.children.count) union variants; use 1 to 256")
            }
            var children: [ColumnWriter] = []
            for child in type.children {
                children.append(try makeColumnWriter(child, compressor: compressor, options: options, into: &columns))
            }
            writer = UnionColumnWriter(type: type, compressor: compressor, blockSize: blockSize, children: children)
        }
        columns.append(writer)
        return writer
    }

    // MARK: - Writing rows

    /// Appends rows given as the root struct's vector.
    ///
    /// Values are written as given: `varchar` and `char` values are neither truncated nor
    /// padded to their declared length.
    ///
    /// - Parameter rows: A struct vector with one field vector per schema field; the root
    ///   itself must not contain nulls.
    /// - Throws: `OrcError` when the vectors do not match the schema, a value does not fit its
    ///   column's type, or a write fails. After an error the writer accepts no more rows and
    ///   `close()` leaves no file.
    /// - Complexity: O(rows × columns).
    public func write(_ rows: ColumnVector) throws {
        guard !isClosed else { throw OrcError.invalidArgument("the writer for \(path) is closed; create a new writer") }
        if let failure {
            throw OrcError.invalidArgument("an earlier write to \(path) failed (\(failure)); create a new writer")
        }
        guard rows.present == nil || rows.nullCount == 0 else {
            throw OrcError.invalidArgument("the root struct has \(rows.nullCount) null rows; the root of a row cannot be null")
        }

        do {
            try writeRows(rows)
        } catch {
            // Columns before the failing one already took the rows, so the file cannot be finished.
            failure = error
            throw error
        }
    }

    private func writeRows(_ rows: ColumnVector) throws {
        var row = 0
        while row < rows.count {
            if rowsInGroup == 0 {
                for column in columns { column.beginRowGroup() }
            }
            let end = min(rows.count, row + options.rowIndexStride - rowsInGroup)
            try root.write(rows, rows: row..<end)
            rowsInGroup += end - row
            rowsInStripe += end - row
            rowCount += UInt64(end - row)
            row = end

            if rowsInGroup == options.rowIndexStride {
                finishRowGroup()
            }
            if estimatedStripeSize >= options.stripeSize {
                try flushStripe()
            }
        }
    }

    /// Appends the rows of a batch whose schema is the writer's schema.
    ///
    /// - Throws: `OrcError` when the batch has another schema or a write fails.
    public func write(_ batch: ColumnBatch) throws {
        guard batch.schema == schema else {
            throw OrcError.invalidArgument("the batch has schema \(batch.schema) but the writer expects \(schema)")
        }
        try write(batch.root)
    }

    private var estimatedStripeSize: Int {
        columns.reduce(0) { $0 + $1.estimatedSize }
    }

    private func finishRowGroup() {
        for column in columns { column.finishRowGroup() }
        rowsInGroup = 0
    }

    // MARK: - Stripes

    /// Ends the current stripe now, so the next rows start a new one.
    ///
    /// Callers that cut stripes by row count rather than by `OrcWriterOptions.stripeSize` call
    /// this after each batch. It does nothing when the stripe contains no rows.
    ///
    /// - Throws: `OrcError` when the writer is closed, an earlier write failed, or a write fails.
    public func finishStripe() throws {
        guard !isClosed else { throw OrcError.invalidArgument("the writer for \(path) is closed; create a new writer") }
        if let failure {
            throw OrcError.invalidArgument("an earlier write to \(path) failed (\(failure)); create a new writer")
        }

        do {
            try flushStripe()
        } catch {
            failure = error
            throw error
        }
    }

    private func flushStripe() throws {
        guard rowsInStripe > 0 else { return }
        if rowsInGroup > 0 {
            finishRowGroup()
        }
        let encoded = columns.map { $0.finishStripe() }
        let stripeOffset = file.offset
        var footer = OrcProto.StripeFooter()

        var indexLength: UInt64 = 0
        for (column, encodedColumn) in zip(columns, encoded) {
            let bytes = compressed(encodedColumn.rowIndex.serializedBytes())
            try file.write(bytes)
            footer.streams.append(OrcProto.Stream(kind: .rowIndex, column: UInt32(column.columnId), length: UInt64(bytes.count)))
            indexLength += UInt64(bytes.count)
        }

        var dataLength: UInt64 = 0
        for (column, encodedColumn) in zip(columns, encoded) {
            for (kind, stream) in encodedColumn.streams {
                try file.write(stream.output.bytes)
                footer.streams.append(OrcProto.Stream(kind: kind, column: UInt32(column.columnId), length: UInt64(stream.output.count)))
                dataLength += UInt64(stream.output.count)
            }
        }
        footer.columns = encoded.map(\.encoding)
        footer.writerTimezone = "UTC"
        let footerBytes = compressed(footer.serializedBytes())
        try file.write(footerBytes)

        var information = OrcProto.StripeInformation()
        information.offset = stripeOffset
        information.indexLength = indexLength
        information.dataLength = dataLength
        information.footerLength = UInt64(footerBytes.count)
        information.numberOfRows = UInt64(rowsInStripe)
        stripes.append(information)
        var statistics = OrcProto.StripeStatistics()
        statistics.colStats = encoded.map(\.statistics)
        stripeStatistics.append(statistics)

        for column in columns { column.resetStripe() }
        rowsInStripe = 0
    }

    private func compressed(_ bytes: [UInt8]) -> [UInt8] {
        ChunkCompressor.compressSection(bytes, with: compressor, blockSize: options.compressionBlockSize)
    }

    // MARK: - Closing

    /// Writes the last stripe and the file tail, then moves the file into place.
    ///
    /// - Throws: `OrcError` when a write, fsync or rename fails, or an earlier `write` failed.
    ///   No file appears then.
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        if let failure {
            file.discard()
            throw OrcError.invalidArgument("an earlier write to \(path) failed (\(failure)), so no file was written")
        }
        do {
            try flushStripe()
            try writeTail()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    private func writeTail() throws {
        let contentLength = file.offset
        var metadata = OrcProto.Metadata()
        metadata.stripeStats = stripeStatistics
        let metadataBytes = compressed(metadata.serializedBytes())
        try file.write(metadataBytes)

        var footer = OrcProto.Footer()
        footer.headerLength = 3
        footer.contentLength = contentLength
        footer.stripes = stripes
        footer.types = schema.protoTypes()
        footer.metadata = options.userMetadata.map { OrcProto.UserMetadataItem(name: $0.name, value: $0.value) }
        footer.numberOfRows = rowCount
        footer.statistics = columns.map { $0.fileStatistics.statistics(for: $0.type.kind, scale: $0.type.scale ?? 0) }
        footer.rowIndexStride = UInt32(options.rowIndexStride)
        footer.writer = Self.writerId
        footer.softwareVersion = Self.softwareVersion
        let footerBytes = compressed(footer.serializedBytes())
        try file.write(footerBytes)

        var postScript = OrcProto.PostScript()
        postScript.footerLength = UInt64(footerBytes.count)
        postScript.compression = options.compression
        postScript.compressionBlockSize = UInt64(options.compressionBlockSize)
        postScript.version = [0, 12]
        postScript.metadataLength = UInt64(metadataBytes.count)
        postScript.writerVersion = Self.writerVersion
        postScript.magic = "ORC"
        let postScriptBytes = postScript.serializedBytes()
        try file.write(postScriptBytes + [UInt8(postScriptBytes.count)])
    }
}
