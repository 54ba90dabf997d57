import CCompression

/// Compresses ORC compression chunks with one codec, reusing its context across chunks.
///
/// zlib writes raw deflate (no zlib header, window bits -15), snappy and LZ4 write their block
/// formats and zstd writes frames, as the ORC specification's "Compression" section requires.
final class ChunkCompressor {
    /// The codec this compressor applies.
    let kind: CompressionKind

    private let level: Int32
    private var deflateStream: UnsafeMutablePointer<z_stream>?
    private var zstdContext: OpaquePointer?

    /// Creates a compressor for a codec other than `.none` and `.lzo`.
    ///
    /// - Parameters:
    ///   - kind: The codec.
    ///   - level: The codec's compression level, or nil for the level the reference C++ writer
    ///     uses for its default "speed" strategy (zlib 2, zstd 1).
    /// - Throws: `OrcError` when the codec is LZO, which no Debian library here provides, or
    ///   when the codec cannot be initialized.
    init(kind: CompressionKind, level: Int? = nil) throws {
        self.kind = kind
        switch kind {
        case .zlib:
            self.level = Int32(level ?? 2)
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = deflateInit2_(
                stream, self.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                zlibVersion(), Int32(MemoryLayout<z_stream>.size)
            )
            guard status == Z_OK else {
                stream.deallocate()
                throw OrcError.invalidArgument(
                    "zlib rejected compression level \(self.level) (status \(status)); use a level from 0 to 9")
            }
            deflateStream = stream
        case .zstd:
            self.level = Int32(level ?? 1)
            zstdContext = ZSTD_createCCtx()
        case .snappy, .lz4:
            self.level = 0
        case .none, .lzo:
            throw OrcError.unsupported("cannot write \(kind) compression; choose NONE, ZLIB, SNAPPY, LZ4 or ZSTD")
        }
    }

    deinit {
        if let deflateStream {
            deflateEnd(deflateStream)
            deflateStream.deallocate()
        }
        if let zstdContext {
            ZSTD_freeCCtx(zstdContext)
        }
    }

    /// Returns the output buffer size that `compress` may need for `inputCount` bytes of input.
    func outputCapacity(forInput inputCount: Int) -> Int {
        switch kind {
        case .snappy: snappy_max_compressed_length(inputCount)
        case .lz4: Int(LZ4_compressBound(Int32(inputCount)))
        case .zstd: ZSTD_compressBound(inputCount)
        default: inputCount
        }
    }

    /// Compresses one chunk and returns the compressed size, or nil when compression does not
    /// make the chunk smaller, in which case the caller stores the original bytes.
    ///
    /// - Parameters:
    ///   - input: The uncompressed chunk.
    ///   - output: A buffer of at least `outputCapacity(forInput:)` bytes.
    func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        guard let source = input.baseAddress, let destination = output.baseAddress, input.count > 0 else {
            return nil
        }
        let compressedCount: Int?
        switch kind {
        case .zlib:
            compressedCount = deflateChunk(source, input.count, destination, min(output.count, input.count))
        case .snappy:
            var length = output.count
            let status = snappy_compress(
                source.assumingMemoryBound(to: CChar.self), input.count,
                destination.assumingMemoryBound(to: CChar.self), &length)
            compressedCount = status == SNAPPY_OK ? length : nil
        case .lz4:
            let length = LZ4_compress_default(
                source.assumingMemoryBound(to: CChar.self), destination.assumingMemoryBound(to: CChar.self),
                Int32(input.count), Int32(output.count))
            compressedCount = length > 0 ? Int(length) : nil
        case .zstd:
            let length = ZSTD_compressCCtx(zstdContext, destination, output.count, source, input.count, level)
            compressedCount = ZSTD_isError(length) == 0 ? length : nil
        case .none, .lzo:
            compressedCount = nil
        }
        guard let compressedCount, compressedCount < input.count else { return nil }
        return compressedCount
    }

    // Deflates into at most `capacity` bytes; a chunk that does not fit is not worth compressing.
    private func deflateChunk(
        _ source: UnsafeRawPointer, _ count: Int, _ destination: UnsafeMutableRawPointer, _ capacity: Int
    ) -> Int? {
        guard let stream = deflateStream else { return nil }
        deflateReset(stream)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(count)
        stream.pointee.next_out = destination.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(capacity)
        let status = deflate(stream, Z_FINISH)
        guard status == Z_STREAM_END else { return nil }
        return Int(stream.pointee.total_out)
    }
}
