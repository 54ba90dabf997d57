/// Writes `timestamp` columns: seconds since 2015-01-01 00:00:00 UTC as signed RLE v2 in DATA
/// and the nanoseconds with their trailing decimal zeros folded into the low 3 bits in
/// SECONDARY, as the ORC specification's "Timestamp Columns" section describes.
///
/// The writer time zone is UTC, so the stored seconds are the vector's seconds shifted to the
/// 2015 epoch.
final class TimestampColumnWriter: ColumnWriter {
    /// 2015-01-01 00:00:00 UTC in seconds since 1970-01-01.
    static let orcEpochSeconds: Int64 = 1_420_070_400

    private let seconds: OrcOutputStream
    private let nanoseconds: OrcOutputStream
    private var secondsEncoder = IntegerRLEv2Encoder(isSigned: true)
    private var nanosecondsEncoder = IntegerRLEv2Encoder(isSigned: false)

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        seconds = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        nanoseconds = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .timestamp(let column) = vector.values else { throw mismatch(vector.values) }
        try checkCount(min(column.seconds.count, column.nanoseconds.count), vector)
        var statistics = groupStatistics
        try column.seconds.withUnsafeBufferPointer { secondsBuffer in
            try column.nanoseconds.withUnsafeBufferPointer { nanosecondsBuffer in
                try vector.present.withOptionalBuffer { flags in
                    // Check the nanoseconds first so that a bad value stops the batch before any is encoded.
                    for row in rows where !(0..<1_000_000_000).contains(nanosecondsBuffer[row]) {
                        guard let flags, !flags[row] else {
                            throw OrcError.invalidArgument(
                                "column \(columnId) (timestamp) row \(row) has \(nanosecondsBuffer[row]) nanoseconds; use 0 to 999999999")
                        }
                    }
                    secondsEncoder.write(rows: rows, present: flags, to: seconds) { row in
                        let value = (seconds: secondsBuffer[row], nanoseconds: nanosecondsBuffer[row])
                        if value < statistics.timestampMinimum { statistics.timestampMinimum = value }
                        if value > statistics.timestampMaximum { statistics.timestampMaximum = value }
                        statistics.count += 1
                        return Self.storedSeconds(value.seconds, value.nanoseconds)
                    }
                    nanosecondsEncoder.write(rows: rows, present: flags, to: nanoseconds) { row in
                        Self.encodedNanoseconds(nanosecondsBuffer[row])
                    }
                }
            }
        }
        groupStatistics = statistics
    }

    /// Returns the DATA value of a timestamp: seconds since the 2015 epoch, truncated toward zero
    /// for instants before 1970 as the reference writers do.
    ///
    /// The reference readers subtract a second from a negative value whose nanoseconds exceed
    /// 999,999, so such a value is stored one second later.
    // NOTE: An instant strictly between -1 and 0 seconds with 1 ms or more of nanoseconds has
    // no stored form that the reference readers decode back. It reads 1 second early.
    @inline(__always)
    static func storedSeconds(_ seconds: Int64, _ nanoseconds: Int32) -> Int64 {
        let adjusted = seconds < 0 && nanoseconds > 999_999 ? seconds + 1 : seconds
        return adjusted - orcEpochSeconds
    }

    /// Returns the SECONDARY value of a timestamp: the nanoseconds without trailing decimal
    /// zeros, shifted left 3 bits. When two or more zeros were removed, the low 3 bits contain
    /// their number minus one.
    @inline(__always)
    static func encodedNanoseconds(_ nanoseconds: Int32) -> Int64 {
        var value = Int64(nanoseconds)
        guard value != 0, value % 100 == 0 else { return value << 3 }
        value /= 100
        var removed: Int64 = 2
        while value % 10 == 0 && removed < 8 {
            value /= 10
            removed += 1
        }
        return value << 3 | (removed - 1)
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        secondsEncoder.recordPosition(of: seconds, into: &positions)
        nanosecondsEncoder.recordPosition(of: nanoseconds, into: &positions)
    }

    override var estimatedDataSize: Int { seconds.bufferedSize + nanoseconds.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        secondsEncoder.flush(to: seconds)
        nanosecondsEncoder.flush(to: nanoseconds)
        seconds.finish()
        nanoseconds.finish()
        return ([(.data, seconds), (.secondary, nanoseconds)], OrcProto.ColumnEncoding(kind: .directV2))
    }

    override func resetDataStreams() {
        seconds.reset()
        nanoseconds.reset()
    }
}

/// Writes `decimal` columns: the unscaled values as zigzag base 128 varints in DATA and the
/// scale of each value as signed RLE v2 in SECONDARY, as the reference writers do.
final class DecimalColumnWriter: ColumnWriter {
    private let data: OrcOutputStream
    private let scales: OrcOutputStream
    private var scaleEncoder = IntegerRLEv2Encoder(isSigned: true)

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        scales = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .decimal(let column) = vector.values else { throw mismatch(vector.values) }
        try checkCount(column.values.count, vector)
        let scale = type.scale ?? column.scale
        guard column.scale == scale else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) got values of scale \(column.scale); rescale them to \(scale)")
        }
        let precision = type.precision ?? 38
        var limit: UInt128 = 1
        for _ in 0..<precision { limit *= 10 }
        var statistics = groupStatistics
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        try column.values.withUnsafeBufferPointer { values in
            try vector.present.withOptionalBuffer { flags in
                try withUnsafeMutableBytes(of: &buffer) { scratch in
                    let bytes = scratch.bindMemory(to: UInt8.self)
                    let data = self.data
                    try scaleEncoder.write(rows: rows, present: flags, to: scales) { row in
                        let value = values[row]
                        guard value.magnitude < limit else {
                            throw OrcError.invalidArgument(
                                "column \(columnId) (\(type)) row \(row) has \(DecimalColumn.format(value, scale: scale)), more than \(precision) digits; use a wider precision")
                        }
                        // Zigzag over 128 bits, then 7 bits per byte: at most 19 bytes.
                        var remaining = UInt128(bitPattern: (value << 1) ^ (value >> 127))
                        var length = 0
                        while remaining >= 0x80 {
                            bytes[length] = UInt8(truncatingIfNeeded: remaining) | 0x80
                            remaining >>= 7
                            length += 1
                        }
                        bytes[length] = UInt8(truncatingIfNeeded: remaining)
                        data.write(scratch.baseAddress!, count: length + 1)
                        statistics.addDecimal(value)
                        statistics.count += 1
                        return Int64(scale)
                    }
                }
            }
        }
        groupStatistics = statistics
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        data.recordPosition(into: &positions)
        scaleEncoder.recordPosition(of: scales, into: &positions)
    }

    override var estimatedDataSize: Int { data.bufferedSize + scales.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        scaleEncoder.flush(to: scales)
        data.finish()
        scales.finish()
        return ([(.data, data), (.secondary, scales)], OrcProto.ColumnEncoding(kind: .directV2))
    }

    override func resetDataStreams() {
        data.reset()
        scales.reset()
    }
}

/// Writes `struct` columns: only the PRESENT stream; each field has its own writer, which gets
/// the rows where the struct is not null.
final class StructColumnWriter: ColumnWriter {
    /// The writers of the fields in schema order.
    let children: [ColumnWriter]

    init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int, children: [ColumnWriter]) {
        self.children = children
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .struct(let fields) = vector.values else { throw mismatch(vector.values) }
        guard fields.count == children.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) has \(children.count) fields but the vector has \(fields.count); give one vector per field")
        }
        guard let present = vector.present else {
            groupStatistics.count += UInt64(rows.count)
            for (child, field) in zip(children, fields) {
                try child.write(field, rows: rows)
            }
            return
        }

        // Fields hold values only for the rows where the struct itself is present.
        var row = rows.lowerBound
        while row < rows.upperBound {
            guard present[row] else {
                row += 1
                continue
            }
            var end = row + 1
            while end < rows.upperBound && present[end] { end += 1 }
            groupStatistics.count += UInt64(end - row)
            for (child, field) in zip(children, fields) {
                try child.write(field, rows: row..<end)
            }
            row = end
        }
    }
}
