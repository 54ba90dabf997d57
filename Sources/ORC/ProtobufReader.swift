/// A decoder for the Protocol Buffers wire format over one serialized message.
///
/// It reads varints, zigzag integers, fixed 32- and 64-bit values and length-delimited fields,
/// skips unknown fields and checks every length against the bytes that remain, so a damaged
/// message throws instead of reading past its end.
struct ProtobufReader {
    enum WireType: Int {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    let messageName: String

    init(_ bytes: [UInt8], messageName: String) {
        self.init(bytes, range: 0..<bytes.count, messageName: messageName)
    }

    init(_ bytes: [UInt8], range: Range<Int>, messageName: String) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
        self.messageName = messageName
    }

    var isAtEnd: Bool { position >= end }

    func corrupt(_ problem: String) -> OrcError {
        .corrupt("invalid protobuf \(messageName) at message byte \(position): \(problem); the file tail or stripe footer is damaged")
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw corrupt("varint runs past the end of the message") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw corrupt("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readSignedVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readUInt32() throws -> UInt32 {
        UInt32(truncatingIfNeeded: try readVarint())
    }

    mutating func readSignedVarint32() throws -> Int32 {
        Int32(truncatingIfNeeded: try readSignedVarint())
    }

    mutating func readBool() throws -> Bool {
        try readVarint() != 0
    }

    mutating func readFixed64() throws -> UInt64 {
        guard end - position >= 8 else { throw corrupt("fixed64 runs past the end of the message") }
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(bytes[position + index]) << (8 * UInt64(index))
        }
        position += 8
        return value
    }

    mutating func readFixed32() throws -> UInt32 {
        guard end - position >= 4 else { throw corrupt("fixed32 runs past the end of the message") }
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(bytes[position + index]) << (8 * UInt32(index))
        }
        position += 4
        return value
    }

    mutating func readDouble() throws -> Double {
        Double(bitPattern: try readFixed64())
    }

    /// Reads a length prefix and returns the byte range of the field, checked against the message.
    mutating func readLengthDelimitedRange() throws -> Range<Int> {
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw corrupt("length \(length) exceeds the \(end - position) bytes left in the message")
        }
        let start = position
        position += Int(length)
        return start..<position
    }

    mutating func readBytes() throws -> [UInt8] {
        Array(bytes[try readLengthDelimitedRange()])
    }

    mutating func readString() throws -> String {
        String(decoding: bytes[try readLengthDelimitedRange()], as: UTF8.self)
    }

    /// Returns a reader over a nested message field.
    mutating func readMessage(named name: String) throws -> ProtobufReader {
        ProtobufReader(bytes, range: try readLengthDelimitedRange(), messageName: name)
    }

    /// Returns the next field number and wire type, or nil at the end of the message.
    mutating func nextField() throws -> (number: Int, wireType: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try readVarint()
        let number = key >> 3
        guard number > 0, number < 1 << 29 else { throw corrupt("invalid field number \(number)") }
        guard let wireType = WireType(rawValue: Int(key & 7)) else {
            throw corrupt("unsupported wire type \(key & 7) for field \(number)")
        }
        return (Int(number), wireType)
    }

    mutating func skip(_ wireType: WireType) throws {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readLengthDelimitedRange()
        }
    }

    /// Reads a repeated unsigned varint field in either packed or unpacked form, appending to `values`.
    mutating func readRepeatedVarint(_ wireType: WireType, into values: inout [UInt64]) throws {
        switch wireType {
        case .varint:
            values.append(try readVarint())
        case .lengthDelimited:
            var packed = ProtobufReader(bytes, range: try readLengthDelimitedRange(), messageName: messageName)
            while !packed.isAtEnd { values.append(try packed.readVarint()) }
        default:
            throw corrupt("wire type \(wireType.rawValue) for a repeated varint field")
        }
    }

    /// Reads a repeated fixed64 field in either packed or unpacked form, appending to `values`.
    mutating func readRepeatedFixed64(_ wireType: WireType, into values: inout [UInt64]) throws {
        switch wireType {
        case .fixed64:
            values.append(try readFixed64())
        case .lengthDelimited:
            var packed = ProtobufReader(bytes, range: try readLengthDelimitedRange(), messageName: messageName)
            while !packed.isAtEnd { values.append(try packed.readFixed64()) }
        default:
            throw corrupt("wire type \(wireType.rawValue) for a repeated fixed64 field")
        }
    }

    /// Throws unless the field has the wire type its declaration requires.
    func require(_ wireType: WireType, is expected: WireType, field: Int) throws {
        guard wireType == expected else {
            throw corrupt("field \(field) has wire type \(wireType.rawValue), expected \(expected.rawValue)")
        }
    }
}
