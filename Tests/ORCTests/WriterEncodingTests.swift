import Testing

@testable import ORC

/// Encodes values with one encoder into an uncompressed stream and returns the bytes.
private func encodeIntegers(_ values: [Int64], signed: Bool) -> [UInt8] {
    let stream = OrcOutputStream(compressor: nil, blockSize: 1 << 16)
    var encoder = IntegerRLEv2Encoder(isSigned: signed)
    for value in values { encoder.write(value, to: stream) }
    encoder.flush(to: stream)
    return Array(stream.output.bytes)
}

/// Returns the sub-encodings of the runs in an RLE v2 stream: 0 short repeat, 1 direct,
/// 2 patched base, 3 delta.
private func runEncodings(_ bytes: [UInt8], count: Int, signed: Bool) throws -> Set<Int> {
    var decoder = StreamDecoder(bytes, name: "test")
    var kinds: Set<Int> = []
    var decoded = 0
    while decoded < count {
        let header = bytes[decoder.position]
        kinds.insert(Int(header >> 6))
        let before = decoder.position
        // Decode one run by asking for the run's length, read from its header.
        let length: Int
        if header >> 6 == 0 {
            length = Int(header & 7) + 3
        } else {
            length = (Int(header & 1) << 8 | Int(bytes[before + 1])) + 1
        }
        _ = try decoder.readIntegers(count: length, signed: signed, version2: true)
        decoded += length
    }
    return kinds
}

@Suite("ORC writer encoders")
struct WriterEncodingTests {
    @Test("varint and zigzag match the specification")
    func varints() {
        var encoder = ProtobufEncoder()
        for value: UInt64 in [0, 1, 127, 128, 129, 16_383, 16_384, 16_385] { encoder.appendVarint(value) }
        #expect(encoder.bytes == [0x00, 0x01, 0x7f, 0x80, 0x01, 0x81, 0x01, 0xff, 0x7f, 0x80, 0x80, 0x01, 0x81, 0x80, 0x01])
        #expect([0, -1, 1, -2, 2].map(zigzagEncode) == [0, 1, 2, 3, 4])
        #expect(zigzagEncode(.min) == .max)
    }

    @Test("byte RLE matches the specification")
    func byteRLE() {
        let stream = OrcOutputStream(compressor: nil, blockSize: 1024)
        var encoder = ByteRLEEncoder()
        for _ in 0..<100 { encoder.write(0, to: stream) }
        encoder.flush(to: stream)
        encoder.write(0x44, to: stream)
        encoder.write(0x45, to: stream)
        encoder.flush(to: stream)
        #expect(Array(stream.output.bytes) == [0x61, 0x00, 0xfe, 0x44, 0x45])
    }

    @Test("boolean RLE packs from the high bit")
    func booleanRLE() {
        let stream = OrcOutputStream(compressor: nil, blockSize: 1024)
        var encoder = BooleanRLEEncoder()
        encoder.write(true, to: stream)
        for _ in 0..<15 { encoder.write(false, to: stream) }
        encoder.flush(to: stream)
        #expect(Array(stream.output.bytes) == [0xfe, 0x80, 0x00])
    }

    @Test("RLE v2 short repeat matches the specification")
    func shortRepeat() {
        #expect(encodeIntegers([10000, 10000, 10000, 10000, 10000], signed: false) == [0x0a, 0x27, 0x10])
    }

    @Test("RLE v2 direct matches the specification")
    func direct() {
        #expect(encodeIntegers([23713, 43806, 57005, 48879], signed: false)
            == [0x5e, 0x03, 0x5c, 0xa1, 0xab, 0x1e, 0xde, 0xad, 0xbe, 0xef])
    }

    @Test("RLE v2 delta matches the specification")
    func delta() {
        #expect(encodeIntegers([2, 3, 5, 7, 11, 13, 17, 19, 23, 29], signed: false)
            == [0xc6, 0x09, 0x02, 0x02, 0x22, 0x42, 0x42, 0x46])
    }

    @Test("RLE v2 patched base matches the specification")
    func patchedBase() {
        let values: [Int64] = [2030, 2000, 2020, 1_000_000] + stride(from: 2040, through: 2190, by: 10).map { Int64($0) }
        #expect(encodeIntegers(values, signed: false) == [
            0x8e, 0x13, 0x2b, 0x21, 0x07, 0xd0, 0x1e, 0x00, 0x14, 0x70, 0x28, 0x32, 0x3c, 0x46, 0x50, 0x5a,
            0x64, 0x6e, 0x78, 0x82, 0x8c, 0x96, 0xa0, 0xaa, 0xb4, 0xbe, 0xfc, 0xe8,
        ])
    }

    @Test("RLE v2 round trips every pattern", arguments: [true, false])
    func integerRoundTrip(signed: Bool) throws {
        var generator = SeededGenerator(seed: signed ? 7 : 8)
        let range: ClosedRange<Int64> = signed ? .min ... .max : 0 ... .max
        var values = WriterTestTable.integers(6_000, range: range, &generator)
        if !signed { values = values.map { max($0, 0) } }
        // Long runs, runs with a gap over 255 between outliers, and wide outliers.
        values += [Int64](repeating: 42, count: 700)
        values += (0..<512).map { $0 == 3 || $0 == 400 ? 1 << 40 : Int64($0 % 7) }
        values += (0..<512).map { $0 == 511 ? .max : Int64($0 % 3) }

        let bytes = encodeIntegers(values, signed: signed)
        var decoder = StreamDecoder(bytes, name: "test")
        #expect(try decoder.readIntegers(count: values.count, signed: signed, version2: true) == values)
        #expect(decoder.remaining == 0)
        #expect(try runEncodings(bytes, count: values.count, signed: signed) == [0, 1, 2, 3])
    }

    @Test("timestamp nanoseconds drop trailing zeros")
    func nanoseconds() {
        #expect(TimestampColumnWriter.encodedNanoseconds(1000) == 0x0a)
        #expect(TimestampColumnWriter.encodedNanoseconds(100_000) == 0x0c)
        #expect(TimestampColumnWriter.encodedNanoseconds(0) == 0)
        #expect(TimestampColumnWriter.encodedNanoseconds(123_456_789) == 123_456_789 << 3)
        #expect(TimestampColumnWriter.encodedNanoseconds(100_000_000) == 1 << 3 | 7)
        #expect(TimestampColumnWriter.encodedNanoseconds(10) == 80)
    }

    @Test("incompressible chunk keeps the original bytes")
    func originalChunk() throws {
        let compressor = try ChunkCompressor(kind: .zlib)
        let chunks = ChunkCompressor.compressSection([1, 2, 3, 4, 5], with: compressor, blockSize: 1024)
        #expect(chunks == [0x0b, 0x00, 0x00, 1, 2, 3, 4, 5])
    }

    @Test("compressed chunks decompress", arguments: [CompressionKind.zlib, .snappy, .zstd, .lz4])
    func chunksRoundTrip(kind: CompressionKind) throws {
        let section = (0..<10_000).map { UInt8($0 % 251 / 50) }
        let compressor = try ChunkCompressor(kind: kind)
        let chunks = ChunkCompressor.compressSection(section, with: compressor, blockSize: 4096)
        #expect(chunks.count < section.count)
        // The first header gives the compressed length of a chunk of at most 4,096 bytes.
        let header = Int(chunks[0]) | Int(chunks[1]) << 8 | Int(chunks[2]) << 16
        #expect(header & 1 == 0)
        let decompressor = try ChunkDecompressor(kind: kind, blockSize: 4096)
        #expect(try decompressor.decompress(chunks[...]) == section)
    }
}
