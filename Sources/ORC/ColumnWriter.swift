/// The streams of one column in one stripe, ready to be laid out.
struct EncodedColumn {
    /// The data streams in the order they go into the stripe.
    var streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)]
    /// The column's encoding for the stripe footer.
    var encoding: OrcProto.ColumnEncoding
    /// One entry per row group: positions of every stream and the group's statistics.
    var rowIndex: OrcProto.RowIndex
    /// The column's statistics over the stripe.
    var statistics: OrcProto.ColumnStatistics
}

/// The encoder of one column: it owns the column's streams and statistics and turns column
/// vectors into stripes.
///
/// Subclasses encode the values of one type family. The base class keeps the PRESENT stream: it
/// always encodes it and drops it at the end of a stripe without nulls, as the reference writers
/// do. It also keeps the row index. At the start of every row group each stream records its
/// position, and at the end the group's statistics are kept.
class ColumnWriter {
    /// The column's type, with its pre-order column id.
    let type: OrcType
    /// The writer's compression settings, shared by all of the column's streams.
    let compressor: ChunkCompressor?
    let blockSize: Int

    private let presentStream: OrcOutputStream
    private var presentEncoder = BooleanRLEEncoder()
    private var stripeHasNull = false
    private var presentPositions: [[UInt64]] = []
    /// The positions of the data streams at the start of each row group of the stripe.
    var dataPositions: [[UInt64]] = []

    /// The statistics of the current row group; subclasses update them as values arrive.
    var groupStatistics = ColumnStatisticsAccumulator()
    private var stripeStatistics = ColumnStatisticsAccumulator()
    private var rowGroupStatistics: [OrcProto.ColumnStatistics] = []
    /// The statistics of the whole file so far.
    private(set) var fileStatistics = ColumnStatisticsAccumulator()

    /// Creates the writer of one column.
    init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        self.type = type
        self.compressor = compressor
        self.blockSize = blockSize
        presentStream = OrcOutputStream(compressor: compressor, blockSize: blockSize)
    }

    /// Makes a stream with the column's compression settings.
    func makeStream() -> OrcOutputStream {
        OrcOutputStream(compressor: compressor, blockSize: blockSize)
    }

    /// The column id in the file.
    var columnId: Int { type.columnId }

    // MARK: - Writing

    /// Encodes the rows `rows` of `vector`, which must have this column's type.
    ///
    /// - Throws: `OrcError` when the vector's values do not match the column's type or are
    ///   shorter than its row count.
    final func write(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard rows.upperBound <= vector.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) got \(vector.count) rows where \(rows.upperBound) were expected; give every column the batch's row count")
        }
        if let present = vector.present {
            var nullCount = 0
            present.withUnsafeBufferPointer { flags in
                presentEncoder.write(rows: rows, present: nil, to: presentStream) { row in
                    nullCount += flags[row] ? 0 : 1
                    return flags[row]
                }
            }
            if nullCount > 0 {
                stripeHasNull = true
                groupStatistics.hasNull = true
            }
        } else {
            presentEncoder.writeTrue(count: rows.count, to: presentStream)
        }
        try writeValues(vector, rows: rows)
    }

    /// Encodes the non-null values among `rows`; subclasses override it.
    func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        fatalError("\(Self.self) must override writeValues")
    }

    /// Makes the error for a vector whose values are of the wrong family for this column.
    func mismatch(_ values: ColumnValues) -> OrcError {
        let found = String(describing: values).prefix(while: { $0 != "(" })
        return OrcError.invalidArgument(
            "column \(columnId) has type \(type) but the vector contains \(found) values; build the vector for the schema's type")
    }

    // MARK: - Row groups

    /// Records the position of every stream at the start of a row group.
    func beginRowGroup() {
        var present: [UInt64] = []
        presentEncoder.recordPosition(of: presentStream, into: &present)
        presentPositions.append(present)
        var data: [UInt64] = []
        recordDataPositions(into: &data)
        dataPositions.append(data)
    }

    /// Appends the positions of the data streams; subclasses override it.
    func recordDataPositions(into positions: inout [UInt64]) {}

    /// Closes the statistics of the current row group.
    func finishRowGroup() {
        rowGroupStatistics.append(groupStatistics.statistics(for: type.kind, scale: type.scale ?? 0))
        stripeStatistics.merge(groupStatistics)
        groupStatistics = ColumnStatisticsAccumulator()
    }

    // MARK: - Stripes

    /// The bytes the column holds for the current stripe, encoded or buffered.
    var estimatedSize: Int {
        presentStream.bufferedSize + estimatedDataSize
    }

    /// The bytes of the data streams and buffers; subclasses override it.
    var estimatedDataSize: Int { 0 }

    /// Finishes the stripe: flushes the encoders and returns the streams, encoding and index.
    ///
    /// The streams stay valid until `resetStripe()`.
    func finishStripe() -> EncodedColumn {
        let (dataStreams, encoding) = finishDataStreams()
        var streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)] = []
        if stripeHasNull {
            presentEncoder.flush(to: presentStream)
            presentStream.finish()
            streams.append((.present, presentStream))
        }
        streams += dataStreams

        var rowIndex = OrcProto.RowIndex()
        for group in rowGroupStatistics.indices {
            var entry = OrcProto.RowIndexEntry()
            if stripeHasNull { entry.positions = presentPositions[group] }
            entry.positions += dataPositions[group]
            entry.statistics = rowGroupStatistics[group]
            rowIndex.entry.append(entry)
        }
        fileStatistics.merge(stripeStatistics)
        let statistics = stripeStatistics.statistics(for: type.kind, scale: type.scale ?? 0)
        return EncodedColumn(streams: streams, encoding: encoding, rowIndex: rowIndex, statistics: statistics)
    }

    /// Flushes the data streams and returns them with the encoding; subclasses override it.
    func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        ([], OrcProto.ColumnEncoding(kind: .direct))
    }

    /// Clears the stripe's streams and index for the next stripe.
    func resetStripe() {
        presentStream.reset()
        presentEncoder = BooleanRLEEncoder()
        stripeHasNull = false
        presentPositions.removeAll(keepingCapacity: true)
        dataPositions.removeAll(keepingCapacity: true)
        rowGroupStatistics.removeAll(keepingCapacity: true)
        stripeStatistics = ColumnStatisticsAccumulator()
        resetDataStreams()
    }

    /// Clears the data streams; subclasses override it.
    func resetDataStreams() {}
}

extension BooleanRLEEncoder {
    /// Encodes `count` true bits, whole bytes at a time.
    mutating func writeTrue(count: Int, to stream: OrcOutputStream) {
        var remaining = count
        while remaining > 0 && !isByteAligned {
            write(true, to: stream)
            remaining -= 1
        }
        while remaining >= 8 {
            writeByte(0xFF, to: stream)
            remaining -= 8
        }
        while remaining > 0 {
            write(true, to: stream)
            remaining -= 1
        }
    }
}
