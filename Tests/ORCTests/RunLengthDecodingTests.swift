import Testing
@testable import ORC

/// The worked examples of the ORC specification's "Run Length Encoding" section.
@Suite("ORC run-length decoding")
struct RunLengthDecodingTests {
    private func integers(_ bytes: [UInt8], count: Int, signed: Bool = false, version2: Bool = true) throws -> [Int64] {
        try StreamDecoder(bytes, name: "DATA").readingIntegers(count: count, signed: signed, version2: version2)
    }

    @Test("Byte RLE run and literals")
    func byteRLE() throws {
        #expect(try StreamDecoder([0x61, 0x00], name: "DATA").readingBytes(count: 100) == [UInt8](repeating: 0, count: 100))
        #expect(try StreamDecoder([0xfe, 0x44, 0x45], name: "DATA").readingBytes(count: 2) == [0x44, 0x45])
    }

    @Test("Boolean RLE reads bits high first")
    func booleanRLE() throws {
        let bits = try StreamDecoder([0xfe, 0xff, 0x80], name: "PRESENT").readingBooleans(count: 16)
        #expect(bits == [true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, false])
    }

    @Test("RLE v1 runs and literals")
    func integerRLEv1() throws {
        #expect(try integers([0x61, 0x00, 0x07], count: 100, version2: false) == [Int64](repeating: 7, count: 100))
        #expect(try integers([0x61, 0xff, 0x64], count: 100, version2: false) == Array((1...100).reversed()).map(Int64.init))
        #expect(try integers([0xfb, 0x02, 0x03, 0x04, 0x07, 0x0b], count: 5, version2: false) == [2, 3, 4, 7, 11])
    }

    @Test("RLE v2 short repeat")
    func shortRepeat() throws {
        #expect(try integers([0x0a, 0x27, 0x10], count: 5) == [10000, 10000, 10000, 10000, 10000])
    }

    @Test("RLE v2 direct")
    func direct() throws {
        let bytes: [UInt8] = [0x5e, 0x03, 0x5c, 0xa1, 0xab, 0x1e, 0xde, 0xad, 0xbe, 0xef]
        #expect(try integers(bytes, count: 4) == [23713, 43806, 57005, 48879])
    }

    @Test("RLE v2 patched base")
    func patchedBase() throws {
        let bytes: [UInt8] = [
            0x8e, 0x13, 0x2b, 0x21, 0x07, 0xd0, 0x1e, 0x00, 0x14, 0x70, 0x28, 0x32, 0x3c, 0x46, 0x50, 0x5a,
            0x64, 0x6e, 0x78, 0x82, 0x8c, 0x96, 0xa0, 0xaa, 0xb4, 0xbe, 0xfc, 0xe8,
        ]
        let expected: [Int64] = [
            2030, 2000, 2020, 1_000_000, 2040, 2050, 2060, 2070, 2080, 2090,
            2100, 2110, 2120, 2130, 2140, 2150, 2160, 2170, 2180, 2190,
        ]
        #expect(try integers(bytes, count: 20) == expected)
    }

    @Test("RLE v2 delta")
    func delta() throws {
        let bytes: [UInt8] = [0xc6, 0x09, 0x02, 0x02, 0x22, 0x42, 0x42, 0x46]
        #expect(try integers(bytes, count: 10) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29])
    }

    @Test("RLE v2 signed short repeat unzigzags")
    func signedShortRepeat() throws {
        // Width 1 byte, 3 repeats of zigzag 3, which is -2.
        #expect(try integers([0x00, 0x03], count: 3, signed: true) == [-2, -2, -2])
    }

    @Test("Runs past the declared count throw")
    func overshootingRunThrows() throws {
        #expect(throws: OrcError.self) { try integers([0x0a, 0x27, 0x10], count: 4) }
        #expect(throws: OrcError.self) { try integers([0x5e, 0x03, 0x5c], count: 4) }
        #expect(throws: OrcError.self) { try integers([], count: 1) }
    }

    @Test("Implausible counts throw before allocating")
    func implausibleCountThrows() throws {
        let error = try #require(throws: OrcError.self) { try integers([0x0a, 0x27, 0x10], count: 1 << 40) }
        #expect(error.description.contains("cannot fit"))
        #expect(throws: OrcError.self) { try StreamDecoder([0x61, 0x00], name: "PRESENT").readingBooleans(count: Int.max) }
    }

    @Test("Nanoseconds drop trailing zeros")
    func nanoseconds() throws {
        #expect(TimestampConverter.decodeNanoseconds(0x0a) == 1000)
        #expect(TimestampConverter.decodeNanoseconds(0x0c) == 100_000)
        #expect(TimestampConverter.decodeNanoseconds(222 << 3) == 222)
        #expect(TimestampConverter.decodeNanoseconds(Int64(1_000_000_000) << 3) == nil)
        // The C++ writer's form of -500,000,000: -5 with 8 zeros removed, stored as (-5 << 3) | 7.
        #expect(TimestampConverter.decodeNanoseconds(-33) == -500_000_000)
    }

    @Test("Decimal varints reach 128 bits")
    func decimalVarints() throws {
        // Zigzag of -1 is 1; 10^38 - 1 needs 127 bits and 19 bytes.
        var decoder = StreamDecoder([0x01, 0x96, 0x01], name: "DATA")
        #expect(try decoder.readSignedVarint128() == -1)
        #expect(try decoder.readSignedVarint128() == 75)
        var tooLong = StreamDecoder([UInt8](repeating: 0xff, count: 19) + [0x7f], name: "DATA")
        #expect(throws: OrcError.self) { try tooLong.readSignedVarint128() }
    }
}
