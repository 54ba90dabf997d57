// Protocol Buffers wire encoding for the ORC file tail, stripe footers and row indexes.
// See https://protobuf.dev/programming-guides/encoding/ for the format.

/// A growable byte buffer that appends Protocol Buffers fields in wire format.
///
/// The ORC metadata messages are small, so the encoder writes each nested message into its own
/// encoder and copies it into the parent with a length prefix.
struct ProtobufEncoder {
    /// The encoded bytes so far.
    private(set) var bytes: [UInt8] = []

    /// The wire types that ORC's messages use.
    enum WireType: UInt64 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
    }

    /// Creates an empty encoder.
    init() {}

    /// Appends a base 128 varint.
    mutating func appendVarint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Appends the key of a field: its number and wire type.
    mutating func appendKey(_ field: Int, _ wireType: WireType) {
        appendVarint(UInt64(field) << 3 | wireType.rawValue)
    }

    /// Appends an unsigned integer field (`uint32`, `uint64`, `bool` or an enum).
    mutating func appendUInt(_ field: Int, _ value: UInt64) {
        appendKey(field, .varint)
        appendVarint(value)
    }

    /// Appends a zigzag-encoded signed integer field (`sint32`, `sint64`).
    mutating func appendSInt(_ field: Int, _ value: Int64) {
        appendKey(field, .varint)
        appendVarint(zigzagEncode(value))
    }

    /// Appends a boolean field.
    mutating func appendBool(_ field: Int, _ value: Bool) {
        appendUInt(field, value ? 1 : 0)
    }

    /// Appends a `double` field as its little-endian IEEE 754 bits.
    mutating func appendDouble(_ field: Int, _ value: Double) {
        appendKey(field, .fixed64)
        appendFixed64(value.bitPattern)
    }

    /// Appends eight little-endian bytes.
    mutating func appendFixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Appends a length-delimited field of raw bytes (`bytes` or a nested message).
    mutating func appendBytes<Bytes: Collection<UInt8>>(_ field: Int, _ value: Bytes) {
        appendKey(field, .lengthDelimited)
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Appends a `string` field as UTF-8.
    mutating func appendString(_ field: Int, _ value: String) {
        appendBytes(field, Array(value.utf8))
    }

    /// Appends a nested message that `body` encodes.
    mutating func appendMessage(_ field: Int, _ body: (inout ProtobufEncoder) -> Void) {
        var nested = ProtobufEncoder()
        body(&nested)
        appendBytes(field, nested.bytes)
    }

    /// Appends a packed repeated field of unsigned varints; an empty list writes nothing.
    mutating func appendPacked<Values: Sequence<UInt64>>(_ field: Int, _ values: Values) {
        var packed = ProtobufEncoder()
        for value in values {
            packed.appendVarint(value)
        }
        guard !packed.bytes.isEmpty else { return }
        appendBytes(field, packed.bytes)
    }
}

/// Maps a signed integer to an unsigned one so that small magnitudes stay small:
/// 0, -1, 1, -2 become 0, 1, 2, 3.
@inline(__always)
func zigzagEncode(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
}
