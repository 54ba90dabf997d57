/// Integer run-length encoding version 2 from the ORC specification's "Integer Run Length
/// Encoding, version 2" section.
///
/// Values gather into runs of up to 512. A run of 3 to 10 equal values becomes short repeat, and
/// a longer one a delta run with delta 0. A mixed run becomes delta when its values are
/// monotonic, patched base when a few outliers are far wider than the rest, and direct
/// otherwise. The thresholds are those of the reference Java writer: patched base needs the 90th
/// and 100th percentile bit widths to differ by more than 1, and the 95th and 100th percentile
/// widths of the base-reduced values to differ at all. Direct and delta runs round their widths
/// up to 1, 2, 4 or a multiple of 8 bits, as the Java writer's default "speed" strategy does, so
/// they unpack quickly.
struct IntegerRLEv2Encoder: ~Copyable {
    private static let maximumRun = 512
    private static let minimumRepeat = 3
    private static let maximumShortRepeat = 10

    /// Whether values are zigzag encoded (signed streams) or written as unsigned.
    let isSigned: Bool

    private let literals: UnsafeMutablePointer<Int64>
    private let work: UnsafeMutablePointer<Int64>
    private let scratch: UnsafeMutablePointer<UInt8>
    private var count = 0
    // The length of the run of equal values that ends the buffer.
    private var repeatLength = 0

    /// Creates an encoder for signed or unsigned values.
    init(isSigned: Bool) {
        self.isSigned = isSigned
        literals = .allocate(capacity: Self.maximumRun)
        work = .allocate(capacity: Self.maximumRun)
        // The largest run: 4 header bytes, 8 base bytes, 512 values of 8 bytes and 31 patches.
        scratch = .allocate(capacity: 8192)
    }

    deinit {
        literals.deallocate()
        work.deallocate()
        scratch.deallocate()
    }

    /// Encodes one value, writing each finished run to `stream`.
    @inline(__always)
    mutating func write(_ value: Int64, to stream: OrcOutputStream) {
        if count > 0 && literals[count - 1] == value {
            repeatLength += 1
        } else {
            if repeatLength >= Self.minimumRepeat && repeatLength == count {
                // A run of equal values ends here.
                writeRepeat(to: stream)
            }
            repeatLength = 1
        }
        literals[count] = value
        count += 1

        if repeatLength == Self.minimumRepeat && count > Self.minimumRepeat {
            // Three equal values end a mixed run: write the values before them and keep the three.
            count -= Self.minimumRepeat
            writeMixed(to: stream)
            literals[0] = value
            literals[1] = value
            literals[2] = value
            count = Self.minimumRepeat
            repeatLength = Self.minimumRepeat
        } else if count == Self.maximumRun {
            flush(to: stream)
        }
    }

    /// Encodes the value that `value` returns for each row of `rows` that `present` marks as
    /// non-null, or for every row when `present` is nil.
    ///
    /// Column writers call this once per batch instead of `write(_:to:)` once per value, so the
    /// encoder, a stored property of a class, is accessed once rather than once per value.
    ///
    /// - Complexity: O(rows.count).
    @inline(__always)
    mutating func write(
        rows: Range<Int>, present: UnsafeBufferPointer<Bool>?, to stream: OrcOutputStream, value: (Int) throws -> Int64
    ) rethrows {
        for row in rows {
            if let present, !present[row] { continue }
            write(try value(row), to: stream)
        }
    }

    /// Writes the buffered values, if any, to `stream`.
    mutating func flush(to stream: OrcOutputStream) {
        guard count > 0 else { return }
        if repeatLength == count && count >= Self.minimumRepeat {
            writeRepeat(to: stream)
        } else {
            writeMixed(to: stream)
        }
        repeatLength = 0
    }

    /// Appends the row index position: the stream position where the buffered run will start
    /// and the number of values buffered in it.
    func recordPosition(of stream: OrcOutputStream, into positions: inout [UInt64]) {
        stream.recordPosition(into: &positions)
        positions.append(UInt64(count))
    }

    // MARK: - Runs

    private mutating func writeRepeat(to stream: OrcOutputStream) {
        let value = literals[0]
        if count <= Self.maximumShortRepeat {
            let bits = UInt64(bitPattern: encoded(value))
            let width = max(1, (64 - bits.leadingZeroBitCount + 7) / 8)
            scratch[0] = UInt8(((width - 1) << 3) | (count - Self.minimumRepeat))
            for index in 0..<width {
                scratch[1 + index] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * (width - 1 - index)))
            }
            stream.write(scratch, count: 1 + width)
        } else {
            var length = deltaHeader(widthCode: 0)
            length = appendBase(value, at: length)
            length = appendVarint(zigzagEncode(0), at: length)
            stream.write(scratch, count: length)
        }
        count = 0
    }

    private func encoded(_ value: Int64) -> Int64 {
        isSigned ? Int64(bitPattern: zigzagEncode(value)) : value
    }

    private mutating func writeMixed(to stream: OrcOutputStream) {
        let length = encodeMixed()
        stream.write(scratch, count: length)
        count = 0
    }

    // Chooses the sub-encoding of a mixed run, encodes it into `scratch` and returns its size.
    private func encodeMixed() -> Int {
        var maximumEncoded: UInt64 = 0
        for index in 0..<count {
            let value = UInt64(bitPattern: encoded(literals[index]))
            work[index] = Int64(bitPattern: value)
            maximumEncoded |= value
        }
        let directWidth = RLEv2Width.closestAlignedBits(maximumEncoded)
        guard count > Self.minimumRepeat else {
            return encodeDirect(width: directWidth)
        }

        var minimum = literals[0]
        var maximum = literals[0]
        var isIncreasing = true
        var isDecreasing = true
        let firstDelta = literals[1] &- literals[0]
        var isFixedDelta = true
        for index in 1..<count {
            let previous = literals[index - 1]
            let value = literals[index]
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            isIncreasing = isIncreasing && previous <= value
            isDecreasing = isDecreasing && previous >= value
            isFixedDelta = isFixedDelta && value &- previous == firstDelta
        }

        // A range wider than Int64 rules out delta and patched base, which subtract values.
        let (_, rangeOverflows) = maximum.subtractingReportingOverflow(minimum)
        if rangeOverflows {
            return encodeDirect(width: directWidth)
        }
        if isFixedDelta {
            return encodeFixedDelta(delta: firstDelta)
        }
        if firstDelta != 0 && (isIncreasing || isDecreasing) {
            return encodeDelta(firstDelta: firstDelta)
        }
        return encodePatchedOrDirect(
            minimum: minimum, maximum: maximum, maximumEncoded: maximumEncoded, directWidth: directWidth)
    }

    private func encodeDirect(width: Int) -> Int {
        let lengthCode = count - 1
        scratch[0] = UInt8(1 << 6 | RLEv2Width.code(width) << 1 | lengthCode >> 8)
        scratch[1] = UInt8(truncatingIfNeeded: lengthCode)
        return 2 + BitPacker.pack(work, count: count, width: width, into: scratch + 2)
    }

    private func encodeFixedDelta(delta: Int64) -> Int {
        var length = deltaHeader(widthCode: 0)
        length = appendBase(literals[0], at: length)
        return appendVarint(zigzagEncode(delta), at: length)
    }

    private func encodeDelta(firstDelta: Int64) -> Int {
        var largest: UInt64 = 0
        for index in 2..<count {
            // Monotonic values with a range that fits Int64 have deltas that fit as well.
            let delta = UInt64(bitPattern: literals[index] - literals[index - 1]).magnitudeOfSigned
            work[index - 2] = Int64(bitPattern: delta)
            largest |= delta
        }
        // Width code 0 means "fixed delta" in a delta run, so 1-bit deltas are stored in 2 bits.
        let width = max(2, RLEv2Width.closestAlignedBits(largest))
        var length = deltaHeader(widthCode: RLEv2Width.code(width))
        length = appendBase(literals[0], at: length)
        length = appendVarint(zigzagEncode(firstDelta), at: length)
        return length + BitPacker.pack(work, count: count - 2, width: width, into: scratch + length)
    }

    private func deltaHeader(widthCode: Int) -> Int {
        let lengthCode = count - 1
        scratch[0] = UInt8(3 << 6 | widthCode << 1 | lengthCode >> 8)
        scratch[1] = UInt8(truncatingIfNeeded: lengthCode)
        return 2
    }

    private func appendBase(_ value: Int64, at offset: Int) -> Int {
        appendVarint(isSigned ? zigzagEncode(value) : UInt64(bitPattern: value), at: offset)
    }

    private func appendVarint(_ value: UInt64, at offset: Int) -> Int {
        var remaining = value
        var position = offset
        while remaining >= 0x80 {
            scratch[position] = UInt8(truncatingIfNeeded: remaining) | 0x80
            remaining >>= 7
            position += 1
        }
        scratch[position] = UInt8(remaining)
        return position + 1
    }

    // MARK: - Patched base

    private func encodePatchedOrDirect(minimum: Int64, maximum: Int64, maximumEncoded: UInt64, directWidth: Int) -> Int {
        // The 100th percentile widths are those of the largest values, so only the lower
        // percentiles need a histogram.
        let width100 = RLEv2Width.closestFixedBits(maximumEncoded)
        guard width100 > 2, minimum.magnitude < 1 << 56 else {
            return encodeDirect(width: directWidth)
        }
        let width90 = percentileWidth(of: work, percentile: 0.9)
        guard width100 - width90 > 1 else {
            return encodeDirect(width: directWidth)
        }

        // From here `work` contains the base-reduced values, because the zigzag values are no longer needed.
        for index in 0..<count {
            work[index] = literals[index] - minimum
        }
        var width95 = percentileWidth(of: work, percentile: 0.95)
        let reducedWidth100 = RLEv2Width.closestFixedBits(UInt64(bitPattern: maximum - minimum))
        guard reducedWidth100 != width95 else {
            restoreEncoded()
            return encodeDirect(width: directWidth)
        }

        var patchWidth = RLEv2Width.closestFixedBits(widthValue: reducedWidth100 - width95)
        if patchWidth == 64 {
            // A 64-bit patch leaves no room for the gap in a 64-bit patch entry.
            patchWidth = 56
            width95 = 8
        }
        guard let length = encodePatched(minimum: minimum, width: width95, patchWidth: patchWidth) else {
            restoreEncoded()
            return encodeDirect(width: directWidth)
        }
        return length
    }

    private func restoreEncoded() {
        for index in 0..<count {
            work[index] = encoded(literals[index])
        }
    }

    // Returns nil when the patch list would not fit the 5-bit patch count of the header.
    private func encodePatched(minimum: Int64, width: Int, patchWidth: Int) -> Int? {
        let mask: Int64 = width == 64 ? -1 : (1 << Int64(width)) - 1
        var patches: [UInt64] = []
        var gaps: [Int] = []
        var previousIndex = 0
        var largestGap = 0
        for index in 0..<count where work[index] > mask {
            let gap = index - previousIndex
            largestGap = max(largestGap, gap)
            previousIndex = index
            gaps.append(gap)
            patches.append(UInt64(bitPattern: work[index]) >> UInt64(width))
            work[index] &= mask
        }
        let gapWidth = largestGap == 0 ? 1 : min(8, RLEv2Width.closestFixedBits(UInt64(largestGap)))

        // Gaps over 255 are split with entries of gap 255 and patch 0.
        var entries: [Int64] = []
        for (gap, patch) in zip(gaps, patches) {
            var remaining = gap
            while remaining > 255 {
                entries.append(255 << Int64(patchWidth))
                remaining -= 255
            }
            entries.append(Int64(remaining) << Int64(patchWidth) | Int64(bitPattern: patch))
        }
        guard entries.count <= 31 else { return nil }

        let isNegative = minimum < 0
        let baseMagnitude = minimum.magnitude
        let baseBits = RLEv2Width.closestFixedBits(baseMagnitude) + 1
        let baseBytes = (baseBits + 7) / 8
        var baseValue = baseMagnitude
        if isNegative {
            baseValue |= 1 << UInt64(baseBytes * 8 - 1)
        }

        let lengthCode = count - 1
        scratch[0] = UInt8(2 << 6 | RLEv2Width.code(width) << 1 | lengthCode >> 8)
        scratch[1] = UInt8(truncatingIfNeeded: lengthCode)
        scratch[2] = UInt8((baseBytes - 1) << 5 | RLEv2Width.code(patchWidth))
        scratch[3] = UInt8((gapWidth - 1) << 5 | entries.count)
        var length = 4
        for index in 0..<baseBytes {
            scratch[length] = UInt8(truncatingIfNeeded: baseValue >> UInt64(8 * (baseBytes - 1 - index)))
            length += 1
        }
        length += BitPacker.pack(work, count: count, width: width, into: scratch + length)
        let entryWidth = RLEv2Width.closestFixedBits(widthValue: gapWidth + patchWidth)
        entries.withUnsafeMutableBufferPointer { buffer in
            length += BitPacker.pack(buffer.baseAddress!, count: buffer.count, width: entryWidth, into: scratch + length)
        }
        return length
    }

    // The bit width that `percentile` of the values fit in, over the widths RLE v2 can encode.
    private func percentileWidth(of values: UnsafeMutablePointer<Int64>, percentile: Double) -> Int {
        var histogram = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        return withUnsafeMutableBytes(of: &histogram) { raw in
            let counts = raw.bindMemory(to: Int.self)
            RLEv2Width.codeForBitLength.withUnsafeBufferPointer { codes in
                for index in 0..<count {
                    let bitLength = 64 - UInt64(bitPattern: values[index]).leadingZeroBitCount
                    counts[Int(codes[bitLength])] += 1
                }
            }
            var allowedAbove = Int(Double(count) * (1.0 - percentile))
            for code in stride(from: 31, through: 0, by: -1) {
                allowedAbove -= counts[code]
                if allowedAbove < 0 {
                    return RLEv2Width.width(code: code)
                }
            }
            return 1
        }
    }
}

extension UInt64 {
    // The magnitude of the value read as a signed two's complement number.
    fileprivate var magnitudeOfSigned: UInt64 {
        Int64(bitPattern: self).magnitude
    }
}

/// The bit widths of RLE v2 and their 5-bit codes, from the table in the ORC specification.
enum RLEv2Width {
    /// Returns the smallest encodable width that fits `value` as an unsigned number, or 1 for 0.
    @inline(__always)
    static func closestFixedBits(_ value: UInt64) -> Int {
        closestFixedBits(widthValue: 64 - value.leadingZeroBitCount)
    }

    /// Returns the smallest of 1, 2, 4, 8, 16, 24, 32, 40, 48, 56 and 64 bits that fits `value`.
    @inline(__always)
    static func closestAlignedBits(_ value: UInt64) -> Int {
        switch 64 - value.leadingZeroBitCount {
        case ...1: 1
        case 2: 2
        case 3...4: 4
        case 5...8: 8
        case let bits: (bits + 7) / 8 * 8
        }
    }

    /// Returns the smallest encodable width of at least `bits` bits, or 1 for 0.
    @inline(__always)
    static func closestFixedBits(widthValue bits: Int) -> Int {
        switch bits {
        case ...1: 1
        case ...24: bits
        case ...26: 26
        case ...28: 28
        case ...30: 30
        case ...32: 32
        case ...40: 40
        case ...48: 48
        case ...56: 56
        default: 64
        }
    }

    /// The 5-bit code of the closest encodable width for each bit length from 0 to 64.
    static let codeForBitLength: [UInt8] = (0...64).map { UInt8(code(closestFixedBits(widthValue: $0))) }

    /// Returns the 5-bit code of an encodable width.
    @inline(__always)
    static func code(_ width: Int) -> Int {
        switch width {
        case ...24: width - 1
        case 26: 24
        case 28: 25
        case 30: 26
        case 32: 27
        case 40: 28
        case 48: 29
        case 56: 30
        default: 31
        }
    }

    /// Returns the width that a 5-bit code means outside delta runs.
    static func width(code: Int) -> Int {
        switch code {
        case ...23: code + 1
        case 24: 26
        case 25: 28
        case 26: 30
        case 27: 32
        case 28: 40
        case 29: 48
        case 30: 56
        default: 64
        }
    }
}

/// Packs unsigned values of a fixed bit width, most significant bit first, as RLE v2 does.
enum BitPacker {
    /// Packs `count` values of `width` bits into `output` and returns the number of bytes written,
    /// the last byte padded with zero bits.
    @inline(__always)
    static func pack(_ values: UnsafeMutablePointer<Int64>, count: Int, width: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        switch width {
        case 8:
            for index in 0..<count { output[index] = UInt8(truncatingIfNeeded: values[index]) }
            return count
        case 16, 24, 32, 40, 48, 56, 64:
            let bytes = width / 8
            var position = 0
            for index in 0..<count {
                let value = UInt64(bitPattern: values[index])
                for byte in 0..<bytes {
                    output[position + byte] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (bytes - 1 - byte)))
                }
                position += bytes
            }
            return position
        default:
            return packUnaligned(values, count: count, width: width, into: output)
        }
    }

    private static func packUnaligned(_ values: UnsafeMutablePointer<Int64>, count: Int, width: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        // Widths here are at most 30 bits, so the accumulator never contains more than 37 bits.
        let mask: UInt64 = (1 << UInt64(width)) - 1
        var accumulator: UInt64 = 0
        var bitCount = 0
        var position = 0
        for index in 0..<count {
            accumulator = accumulator << UInt64(width) | (UInt64(bitPattern: values[index]) & mask)
            bitCount += width
            while bitCount >= 8 {
                bitCount -= 8
                output[position] = UInt8(truncatingIfNeeded: accumulator >> UInt64(bitCount))
                position += 1
            }
        }
        if bitCount > 0 {
            output[position] = UInt8(truncatingIfNeeded: accumulator << UInt64(8 - bitCount))
            position += 1
        }
        return position
    }
}
