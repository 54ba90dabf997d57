/// Writes `smallint`, `int`, `bigint` and `date` columns as signed integer RLE v2.
final class IntegerColumnWriter: ColumnWriter {
    private let data: OrcOutputStream
    private var encoder = IntegerRLEv2Encoder(isSigned: true)

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        switch vector.values {
        case .integer(let values) where type.kind != .date:
            try checkCount(values.count, vector)
            try checkRange(values, rows: rows, present: vector.present)
            values.withUnsafeBufferPointer { buffer in
                encode(rows: rows, present: vector.present) { buffer[$0] }
            }
        case .date(let values) where type.kind == .date:
            try checkCount(values.count, vector)
            values.withUnsafeBufferPointer { buffer in
                encode(rows: rows, present: vector.present) { Int64(buffer[$0]) }
            }
        default:
            throw mismatch(vector.values)
        }
    }

    // Checks that `smallint` and `int` values fit their type, before any of them is encoded.
    private func checkRange(_ values: [Int64], rows: Range<Int>, present: [Bool]?) throws {
        let range: ClosedRange<Int64> = switch type.kind {
        case .short: Int64(Int16.min)...Int64(Int16.max)
        case .int: Int64(Int32.min)...Int64(Int32.max)
        default: Int64.min...Int64.max
        }
        guard range != Int64.min...Int64.max else { return }

        // A vectorizable pass over every slot first; only a batch that fails it looks closer,
        // because null rows may hold any placeholder.
        let (minimum, maximum) = values.withUnsafeBufferPointer { buffer in
            var minimum = Int64.max
            var maximum = Int64.min
            for row in rows {
                minimum = min(minimum, buffer[row])
                maximum = max(maximum, buffer[row])
            }
            return (minimum, maximum)
        }
        guard !range.contains(minimum) || !range.contains(maximum) else { return }
        for row in rows where present?[row] ?? true && !range.contains(values[row]) {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) row \(row) contains \(values[row]), outside \(range); use a wider type")
        }
    }

    @inline(__always)
    private func encode(rows: Range<Int>, present: [Bool]?, value: (Int) -> Int64) {
        var minimum = groupStatistics.integerMinimum
        var maximum = groupStatistics.integerMaximum
        var sum = groupStatistics.integerSum
        var overflowed = false
        var count = 0
        let stream = data
        present.withOptionalBuffer { flags in
            encoder.write(rows: rows, present: flags, to: stream) { row in
                let item = value(row)
                minimum = min(minimum, item)
                maximum = max(maximum, item)
                let (total, carry) = sum.addingReportingOverflow(item)
                sum = total
                overflowed = overflowed || carry
                count += 1
                return item
            }
        }
        groupStatistics.integerMinimum = minimum
        groupStatistics.integerMaximum = maximum
        groupStatistics.integerSum = sum
        groupStatistics.integerSumOverflowed = groupStatistics.integerSumOverflowed || overflowed
        groupStatistics.count += UInt64(count)
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        encoder.recordPosition(of: data, into: &positions)
    }

    override var estimatedDataSize: Int { data.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        encoder.flush(to: data)
        data.finish()
        return ([(.data, data)], OrcProto.ColumnEncoding(kind: .directV2))
    }

    override func resetDataStreams() {
        data.reset()
    }
}

/// Writes `tinyint` columns as byte RLE.
final class ByteColumnWriter: ColumnWriter {
    private let data: OrcOutputStream
    private var encoder = ByteRLEEncoder()

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .integer(let values) = vector.values else { throw mismatch(vector.values) }
        try checkCount(values.count, vector)
        var statistics = groupStatistics
        let stream = data
        try values.withUnsafeBufferPointer { buffer in
            try vector.present.withOptionalBuffer { flags in
                try encoder.write(rows: rows, present: flags, to: stream) { row in
                    let value = buffer[row]
                    guard let byte = Int8(exactly: value) else {
                        throw OrcError.invalidArgument(
                            "column \(columnId) (tinyint) row \(row) contains \(value), outside -128...127; use a wider type")
                    }
                    statistics.integerMinimum = min(statistics.integerMinimum, value)
                    statistics.integerMaximum = max(statistics.integerMaximum, value)
                    statistics.integerSum &+= value
                    statistics.count += 1
                    return UInt8(bitPattern: byte)
                }
            }
        }
        groupStatistics = statistics
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        encoder.recordPosition(of: data, into: &positions)
    }

    override var estimatedDataSize: Int { data.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        encoder.flush(to: data)
        data.finish()
        return ([(.data, data)], OrcProto.ColumnEncoding(kind: .direct))
    }

    override func resetDataStreams() {
        data.reset()
    }
}

/// Writes `boolean` columns as boolean RLE.
final class BooleanColumnWriter: ColumnWriter {
    private let data: OrcOutputStream
    private var encoder = BooleanRLEEncoder()

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .boolean(let values) = vector.values else { throw mismatch(vector.values) }
        try checkCount(values.count, vector)
        var trueCount: UInt64 = 0
        var count: UInt64 = 0
        let stream = data
        values.withUnsafeBufferPointer { buffer in
            vector.present.withOptionalBuffer { flags in
                encoder.write(rows: rows, present: flags, to: stream) { row in
                    trueCount += buffer[row] ? 1 : 0
                    count += 1
                    return buffer[row]
                }
            }
        }
        groupStatistics.trueCount += trueCount
        groupStatistics.count += count
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        encoder.recordPosition(of: data, into: &positions)
    }

    override var estimatedDataSize: Int { data.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        encoder.flush(to: data)
        data.finish()
        return ([(.data, data)], OrcProto.ColumnEncoding(kind: .direct))
    }

    override func resetDataStreams() {
        data.reset()
        encoder = BooleanRLEEncoder()
    }
}

/// Writes `float` and `double` columns as little-endian IEEE 754 values.
final class FloatingPointColumnWriter: ColumnWriter {
    private let data: OrcOutputStream

    override init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int) {
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        switch vector.values {
        case .double(let values) where type.kind == .double:
            try checkCount(values.count, vector)
            values.withUnsafeBufferPointer { encode($0, rows: rows, present: vector.present) }
        case .float(let values) where type.kind == .float:
            try checkCount(values.count, vector)
            values.withUnsafeBufferPointer { encode($0, rows: rows, present: vector.present) }
        default:
            throw mismatch(vector.values)
        }
    }

    private func encode<Value: BinaryFloatingPoint>(_ buffer: UnsafeBufferPointer<Value>, rows: Range<Int>, present: [Bool]?) {
        var statistics = groupStatistics
        present.withOptionalBuffer { flags in
            if flags == nil, let base = buffer.baseAddress {
                // Without nulls the values go out as one block; x86-64 and arm64 are little-endian.
                data.write(base + rows.lowerBound, count: rows.count * MemoryLayout<Value>.size)
            }
            for row in rows {
                if let flags {
                    guard flags[row] else { continue }
                    withUnsafeBytes(of: buffer[row]) { data.write($0.baseAddress!, count: $0.count) }
                }
                let value = Double(buffer[row])
                if !value.isNaN {
                    statistics.doubleMinimum = min(statistics.doubleMinimum, value)
                    statistics.doubleMaximum = max(statistics.doubleMaximum, value)
                }
                statistics.doubleSum += value
                statistics.count += 1
            }
        }
        groupStatistics = statistics
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        data.recordPosition(into: &positions)
    }

    override var estimatedDataSize: Int { data.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        data.finish()
        return ([(.data, data)], OrcProto.ColumnEncoding(kind: .direct))
    }

    override func resetDataStreams() {
        data.reset()
    }
}

extension ColumnWriter {
    /// Checks that a vector's value storage has a slot for every row.
    func checkCount(_ valueCount: Int, _ vector: ColumnVector) throws {
        guard valueCount >= vector.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) has \(valueCount) values for \(vector.count) rows; give null rows a placeholder value")
        }
    }
}

extension Optional where Wrapped == [Bool] {
    /// Calls `body` with the null mask's buffer, or with nil when there is no mask.
    @inline(__always)
    func withOptionalBuffer<Result>(_ body: (UnsafeBufferPointer<Bool>?) throws -> Result) rethrows -> Result {
        switch self {
        case .some(let flags): try flags.withUnsafeBufferPointer { try body($0) }
        case .none: try body(nil)
        }
    }
}
