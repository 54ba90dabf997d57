/// A read cursor over one decompressed stream, with the run-length decoders of the ORC
/// specification's "Run Length Encoding" section.
///
/// Each decoder reads a known number of values in one call and checks every length against the
/// bytes that remain, so a damaged stream throws `OrcError` instead of reading past its end.
struct StreamDecoder {
    /// The densest packing of each encoding, in values per stream byte. A byte RLE run packs 130
    /// values into 2 bytes, and an RLE v2 delta run with zero deltas packs 512 integers into 4
    /// bytes. An unbounded decimal varint needs at least 1 byte. A larger count cannot come from
    /// real data, so checking it first keeps a damaged row count from claiming memory.
    enum Density: Int {
        case byteRLE = 65
        case integerRLE = 128
        case varint = 1
    }

    let bytes: [UInt8]
    let name: String
    let fileOffset: UInt64?
    var position = 0

    // The values of an integer run that a piecewise read stopped inside, `pending[pendingStart..<pendingEnd]`.
    var pending: [Int64] = []
    var pendingStart = 0
    var pendingEnd = 0

    init(_ bytes: [UInt8], name: String, fileOffset: UInt64? = nil) {
        self.bytes = bytes
        self.name = name
        self.fileOffset = fileOffset
    }

    var remaining: Int { bytes.count - position }

    func corrupt(_ problem: String) -> OrcError {
        .corrupt("invalid \(name) stream at decompressed stream byte \(position): \(problem)", offset: fileOffset)
    }

    /// Throws unless `count` values could fit in this stream's remaining bytes at the given density.
    func checkPlausible(count: Int, density: Density) throws {
        let (limit, overflow) = (remaining + 1).multipliedReportingOverflow(by: density.rawValue)
        guard overflow || count <= limit else {
            throw corrupt("\(count) values cannot fit in \(remaining) bytes; the row count or the stream is damaged")
        }
    }

    // MARK: Byte and boolean RLE

    /// Decodes `count` bytes of byte RLE.
    mutating func readBytesRLE(count: Int) throws -> [UInt8] {
        try checkPlausible(count: count, density: .byteRLE)
        var output = [UInt8](repeating: 0, count: count)
        var produced = 0
        try bytes.withUnsafeBufferPointer { input in
            try output.withUnsafeMutableBufferPointer { out in
                var position = self.position
                defer { self.position = position }
                while produced < count {
                    guard position < input.count else { throw corrupt("byte RLE ends after \(produced) of \(count) values") }
                    let header = input[position]
                    position += 1
                    if header < 128 {
                        let run = Int(header) + 3
                        guard position < input.count else { throw corrupt("byte RLE run value is missing") }
                        let value = input[position]
                        position += 1
                        let take = min(run, count - produced)
                        for index in produced..<(produced + take) { out[index] = value }
                        produced += take
                    } else {
                        let literals = 256 - Int(header)
                        guard literals <= input.count - position else { throw corrupt("byte RLE literals run past the end") }
                        let take = min(literals, count - produced)
                        for index in 0..<take { out[produced + index] = input[position + index] }
                        position += literals
                        produced += take
                    }
                }
            }
        }
        return output
    }

    /// Decodes `count` booleans of boolean RLE, most significant bit first.
    mutating func readBooleans(count: Int) throws -> [Bool] {
        let packed = try readBytesRLE(count: count / 8 + (count % 8 == 0 ? 0 : 1))
        var output = [Bool](repeating: false, count: count)
        packed.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for index in 0..<count {
                    out[index] = input[index >> 3] & (0x80 >> UInt8(index & 7)) != 0
                }
            }
        }
        return output
    }

    // MARK: Varints

    /// Reads one base-128 varint of at most 64 bits.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw corrupt("varint runs past the end") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw corrupt("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readSignedVarint() throws -> Int64 {
        decodeZigzag(try readVarint())
    }

    /// Reads one unbounded zigzag varint that must fit 128 bits, as decimal DATA streams hold.
    mutating func readSignedVarint128() throws -> Int128 {
        var result: UInt128 = 0
        var shift: UInt128 = 0
        while true {
            guard position < bytes.count else { throw corrupt("decimal varint runs past the end") }
            let byte = bytes[position]
            position += 1
            let bits = UInt128(byte & 0x7f)
            guard shift < 128, shift < 126 || bits >> (128 - shift) == 0 else {
                throw corrupt("decimal value does not fit 128 bits")
            }
            result |= bits << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int128(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
    }
}

extension StreamDecoder {
    func readingBooleans(count: Int) throws -> [Bool] {
        var copy = self
        return try copy.readBooleans(count: count)
    }

    func readingBytes(count: Int) throws -> [UInt8] {
        var copy = self
        return try copy.readBytesRLE(count: count)
    }

    func readingIntegers(count: Int, signed: Bool, version2: Bool) throws -> [Int64] {
        var copy = self
        return try copy.readIntegers(count: count, signed: signed, version2: version2)
    }

    /// Reads `count` little-endian IEEE 754 values, as float and double DATA streams hold.
    func readingFixedWidth<Value: BinaryFloatingPoint & BitwiseCopyable>(count: Int) throws -> [Value] {
        guard count > 0 else { return [] }
        let size = MemoryLayout<Value>.size
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, byteCount <= remaining else {
            throw corrupt("\(count) values of \(size) bytes need more than the \(remaining) bytes left")
        }
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                let base = source.baseAddress! + position
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: byteCount)
            }
            initialized = count
        }
    }
}

@inline(__always)
func decodeZigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
}
