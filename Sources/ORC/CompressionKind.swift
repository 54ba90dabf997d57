/// The general-purpose codec that compresses every stream and the file tail except the postscript.
public enum CompressionKind: Int, Sendable, CaseIterable, CustomStringConvertible {
    case none = 0
    case zlib = 1
    case snappy = 2
    case lzo = 3
    case lz4 = 4
    case zstd = 5

    /// The name as the reference tools print it, such as `ZLIB`.
    public var description: String {
        switch self {
        case .none: "NONE"
        case .zlib: "ZLIB"
        case .snappy: "SNAPPY"
        case .lzo: "LZO"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        }
    }
}
