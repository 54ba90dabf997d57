/// A reader of one ORC file: the file tail on open, then stripes one at a time on request.
///
/// Opening reads and checks the postscript, footer and schema. `readStripe` reads only the
/// streams of the selected columns of one stripe, so memory stays bounded by one stripe.
/// The reader is immutable after opening and safe to share across tasks.
public final class OrcReader: Sendable {
    /// The postscript is at most 255 bytes, so the first read of the tail covers it and usually the footer.
    static let tailReadSize: UInt64 = 16 * 1024

    let file: RandomAccessFile

    /// The path the reader was opened with.
    public var path: String { file.path }

    /// The file length in bytes.
    public var fileLength: UInt64 { file.length }

    /// The decoded postscript.
    public let postScript: OrcProto.PostScript

    /// The decoded file footer.
    public let footer: OrcProto.Footer

    /// The schema, with column ids in pre-order from the root 0.
    public let schema: OrcType

    /// The general-purpose codec of the file.
    public let compression: CompressionKind

    /// The largest decompressed size of one compression chunk.
    public let compressionBlockSize: Int

    // The file offset and length of the metadata section (stripe statistics).
    let metadataRange: (offset: UInt64, length: UInt64)

    // The roots of encrypted column subtrees, whose data this reader cannot decrypt.
    let encryptedColumns: Set<Int>

    /// Opens a file and reads its tail.
    ///
    /// - Parameter path: The path of an ORC file.
    /// - Throws: `OrcError` naming the file when it cannot be read, is empty, is not ORC,
    ///   claims an unsupported format version or codec, or has a damaged tail.
    public init(path: String) throws {
        let file = try RandomAccessFile(path: path)
        do {
            let tail = try Self.readTail(file)
            self.file = file
            self.postScript = tail.postScript
            self.footer = tail.footer
            self.schema = tail.schema
            self.compression = tail.postScript.compression ?? .none
            self.compressionBlockSize = tail.blockSize
            self.metadataRange = tail.metadataRange
            self.encryptedColumns = tail.encryptedColumns
        } catch let error as OrcError {
            throw error.located(file: path)
        }
    }

    /// The number of rows in the file.
    public var rowCount: UInt64 { footer.numberOfRows ?? 0 }

    /// The stripes in file order.
    public var stripes: [OrcProto.StripeInformation] { footer.stripes }

    /// The number of rows per row-group index entry, 0 when the file has no row index.
    public var rowIndexStride: Int { Int(footer.rowIndexStride ?? 0) }

    /// The format version as `major.minor`, such as `0.12`.
    public var formatVersion: String {
        guard !postScript.version.isEmpty else { return "0.11" }
        return postScript.version.map(String.init).joined(separator: ".")
    }

    /// The writer implementation, such as `ORC Java` or `ORC C++`, from the footer's writer id.
    public var writerName: String {
        switch footer.writer ?? 0 {
        case 0: "ORC Java"
        case 1: "ORC C++"
        case 2: "Presto"
        case 3: "Scritchley Go"
        case 4: "Trino"
        case 5: "CUDF"
        case let other: "writer \(other)"
        }
    }

    /// The writer's own version string, when the writer recorded one.
    public var softwareVersion: String? { footer.softwareVersion }

    /// The writer version number from the postscript, which names the writer bugs fixed.
    public var writerVersion: Int { Int(postScript.writerVersion ?? 0) }

    /// The file-level statistics, indexed by column id.
    public var fileStatistics: [OrcProto.ColumnStatistics] { footer.statistics }

    /// The user metadata keys and values in file order.
    public var userMetadata: [OrcProto.UserMetadataItem] { footer.metadata }

    /// Reads the metadata section and returns each stripe's statistics, indexed by column id.
    ///
    /// - Throws: `OrcError` when the section is damaged.
    public func stripeStatistics() throws -> [[OrcProto.ColumnStatistics]] {
        guard metadataRange.length > 0 else { return [] }
        do {
            let stored = try file.read(offset: metadataRange.offset, count: metadataRange.length, what: "metadata section")
            let bytes = try makeDecompressor().decompress(stored[...])
            return try OrcProto.Metadata(serializedBytes: bytes).stripeStats.map(\.colStats)
        } catch let error as OrcError {
            throw error.located(file: path, offset: metadataRange.offset)
        }
    }

    func makeDecompressor() throws -> ChunkDecompressor {
        try ChunkDecompressor(kind: compression, blockSize: compressionBlockSize)
    }
}
