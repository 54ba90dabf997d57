/// Byte run-length encoding from the ORC specification's "Byte Run Length Encoding" section:
/// runs of 3 to 130 equal bytes and literal groups of 1 to 128 bytes.
struct ByteRLEEncoder {
    private static let minimumRun = 3
    private static let maximumRun = 130
    private static let maximumLiterals = 128

    private var literals = [UInt8](repeating: 0, count: ByteRLEEncoder.maximumLiterals)
    private var literalCount = 0
    private var isRun = false
    private var tailRunLength = 0

    /// Creates an encoder with nothing buffered.
    init() {}

    /// Encodes one byte, writing finished groups to `stream`.
    @inline(__always)
    mutating func write(_ value: UInt8, to stream: OrcOutputStream) {
        if literalCount == 0 {
            literals[0] = value
            literalCount = 1
            tailRunLength = 1
        } else if isRun {
            if value == literals[0] {
                literalCount += 1
                if literalCount == Self.maximumRun {
                    flush(to: stream)
                }
            } else {
                flush(to: stream)
                literals[0] = value
                literalCount = 1
                tailRunLength = 1
            }
        } else {
            writeIntoLiterals(value, to: stream)
        }
    }

    /// Encodes the byte that `value` returns for each row of `rows` that `present` marks as
    /// non-null, or for every row when `present` is nil.
    ///
    /// - Complexity: O(rows.count).
    @inline(__always)
    mutating func write(
        rows: Range<Int>, present: UnsafeBufferPointer<Bool>?, to stream: OrcOutputStream, value: (Int) throws -> UInt8
    ) rethrows {
        for row in rows {
            if let present, !present[row] { continue }
            write(try value(row), to: stream)
        }
    }

    private mutating func writeIntoLiterals(_ value: UInt8, to stream: OrcOutputStream) {
        tailRunLength = value == literals[literalCount - 1] ? tailRunLength + 1 : 1
        guard tailRunLength == Self.minimumRun else {
            literals[literalCount] = value
            literalCount += 1
            if literalCount == Self.maximumLiterals {
                flush(to: stream)
            }
            return
        }

        // The last two literals and this value start a run; the literals before them go out first.
        if literalCount + 1 == Self.minimumRun {
            isRun = true
            literalCount += 1
        } else {
            literalCount -= Self.minimumRun - 1
            flush(to: stream)
            literals[0] = value
            isRun = true
            literalCount = Self.minimumRun
        }
    }

    /// Writes the buffered group, if any, to `stream`.
    mutating func flush(to stream: OrcOutputStream) {
        guard literalCount > 0 else { return }
        if isRun {
            var group: (UInt8, UInt8) = (UInt8(literalCount - Self.minimumRun), literals[0])
            withUnsafeBytes(of: &group) { stream.write($0.baseAddress!, count: 2) }
        } else {
            var header = UInt8(truncatingIfNeeded: -literalCount)
            stream.write(&header, count: 1)
            literals.withUnsafeBytes { stream.write($0.baseAddress!, count: literalCount) }
        }
        isRun = false
        tailRunLength = 0
        literalCount = 0
    }

    /// Appends the row index position: the stream position where the buffered group will start
    /// and the number of values buffered in it.
    func recordPosition(of stream: OrcOutputStream, into positions: inout [UInt64]) {
        stream.recordPosition(into: &positions)
        positions.append(UInt64(literalCount))
    }
}

/// Boolean run-length encoding: bits packed into bytes from the most significant bit down, the
/// bytes then byte run-length encoded.
struct BooleanRLEEncoder {
    private var bytes = ByteRLEEncoder()
    private var current: UInt8 = 0
    private var bitCount = 0

    /// Creates an encoder with nothing buffered.
    init() {}

    /// Encodes one bit.
    @inline(__always)
    mutating func write(_ value: Bool, to stream: OrcOutputStream) {
        current |= (value ? 0x80 : 0) >> UInt8(bitCount)
        bitCount += 1
        if bitCount == 8 {
            bytes.write(current, to: stream)
            current = 0
            bitCount = 0
        }
    }

    /// Encodes the bit that `value` returns for each row of `rows` that `present` marks as
    /// non-null, or for every row when `present` is nil.
    ///
    /// - Complexity: O(rows.count).
    @inline(__always)
    mutating func write(
        rows: Range<Int>, present: UnsafeBufferPointer<Bool>?, to stream: OrcOutputStream, value: (Int) -> Bool
    ) {
        for row in rows {
            if let present, !present[row] { continue }
            write(value(row), to: stream)
        }
    }

    /// Whether no bits of a partial byte are pending.
    var isByteAligned: Bool { bitCount == 0 }

    /// Encodes eight bits at once; only valid when `isByteAligned`.
    @inline(__always)
    mutating func writeByte(_ byte: UInt8, to stream: OrcOutputStream) {
        bytes.write(byte, to: stream)
    }

    /// Writes the last partial byte, padded with zero bits, and the buffered group to `stream`.
    mutating func flush(to stream: OrcOutputStream) {
        if bitCount > 0 {
            bytes.write(current, to: stream)
            current = 0
            bitCount = 0
        }
        bytes.flush(to: stream)
    }

    /// Appends the row index position: the byte encoder's position and the bits already used
    /// in the current byte.
    func recordPosition(of stream: OrcOutputStream, into positions: inout [UInt64]) {
        bytes.recordPosition(of: stream, into: &positions)
        positions.append(UInt64(bitCount))
    }
}
