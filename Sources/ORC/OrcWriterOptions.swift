/// The settings of an `OrcWriter`.
public struct OrcWriterOptions: Sendable {
    /// The codec for every stream and the file tail; ZLIB by default.
    public var compression: CompressionKind = .zlib

    /// The codec's level, or nil for the level the reference C++ writer uses for its default
    /// "speed" strategy: 2 for zlib and 1 for zstd. Snappy and LZ4 ignore it.
    public var compressionLevel: Int?

    /// The uncompressed size of a compression chunk in bytes, below 8 MiB; 256 KiB by default.
    public var compressionBlockSize = 256 * 1024

    /// The size in bytes at which a stripe is closed, measured on the encoded streams, the
    /// uncompressed chunks and the buffered dictionaries; 64 MiB by default. The writer checks it
    /// after each row group or batch, whichever ends first, so a stripe can pass it by the
    /// encoded size of up to one row group.
    public var stripeSize = 64 * 1024 * 1024

    /// The number of rows in a row group of the row index; 10,000 by default.
    public var rowIndexStride = 10_000

    /// The largest ratio of distinct to non-null values in a stripe for which a string column
    /// is dictionary encoded; 0.8 by default, and 0 always writes strings directly.
    public var dictionaryKeySizeThreshold = 0.8

    /// Key and value pairs stored in the footer, in this order.
    public var userMetadata: [(name: String, value: [UInt8])] = []

    /// Makes the default options.
    public init() {}

    /// Makes options with the given codec and the other settings at their defaults.
    public init(compression: CompressionKind) {
        self.compression = compression
    }

    func validate() throws {
        guard compressionBlockSize > 0 && compressionBlockSize < 1 << 23 else {
            throw OrcError.invalidArgument(
                "compression block size \(compressionBlockSize) is out of range; use 1 to 8388607 bytes")
        }
        guard stripeSize > 0 else {
            throw OrcError.invalidArgument("stripe size \(stripeSize) must be positive")
        }
        guard rowIndexStride > 0 && rowIndexStride <= Int(UInt32.max) else {
            throw OrcError.invalidArgument("row index stride \(rowIndexStride) is out of range; use 1 to 4294967295 rows")
        }
        guard dictionaryKeySizeThreshold >= 0 && dictionaryKeySizeThreshold.isFinite else {
            throw OrcError.invalidArgument(
                "dictionary key size threshold \(dictionaryKeySizeThreshold) must be a finite ratio of 0 or more")
        }
    }
}
