import CCompression

/// Decompresses ORC streams: a sequence of chunks, each behind a 3-byte little-endian header
/// holding `length * 2 + isOriginal`, as the ORC specification's "Compression" section defines.
///
/// zlib chunks are raw deflate (window bits -15), snappy and LZ4 chunks use their block formats
/// and zstd chunks are frames. No chunk may expand beyond the compression block size from the
/// postscript, which bounds the memory a damaged chunk can claim.
final class ChunkDecompressor {
    /// The largest compression block size accepted, far above the 256 KiB default of writers.
    static let maximumBlockSize = 1 << 26

    /// The largest decompressed stream accepted. Java arrays, which the reference reader
    /// decompresses into, cannot exceed 2 GiB either.
    static let maximumStreamSize = 1 << 31

    let kind: CompressionKind
    let blockSize: Int
    private var inflateStream: UnsafeMutablePointer<z_stream>?
    private var scratch: [UInt8] = []

    /// Creates a decompressor for one codec and block size.
    ///
    /// - Throws: `OrcError` for LZO, an unusable block size, or a codec that fails to start.
    init(kind: CompressionKind, blockSize: Int) throws {
        self.kind = kind
        self.blockSize = blockSize
        switch kind {
        case .lzo:
            throw OrcError.unsupported("LZO compression is not supported; rewrite the file with ZLIB, SNAPPY, LZ4 or ZSTD")
        case .none:
            return
        case .zlib, .snappy, .lz4, .zstd:
            break
        }
        guard blockSize > 0, blockSize <= Self.maximumBlockSize else {
            throw OrcError.corrupt("compression block size \(blockSize) is outside 1...\(Self.maximumBlockSize); the postscript is damaged")
        }
        if kind == .zlib {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                throw OrcError.io("zlib failed to initialize (status \(status))")
            }
            inflateStream = stream
        }
    }

    deinit {
        if let inflateStream {
            inflateEnd(inflateStream)
            inflateStream.deallocate()
        }
    }

    /// Returns the decompressed contents of a stream or file-tail section.
    ///
    /// - Parameter input: The stored bytes, starting at a chunk header.
    /// - Throws: `OrcError` naming the chunk's byte offset within `input` when a header runs
    ///   past the end, a chunk fails to decompress, or it expands beyond the block size.
    /// - Complexity: O(n) in the decompressed size.
    func decompress(_ input: ArraySlice<UInt8>) throws -> [UInt8] {
        guard kind != .none else { return Array(input) }

        let chunks = try chunkDirectory(input)
        var bound = 0
        for chunk in chunks {
            bound += chunk.isOriginal ? chunk.range.count : blockSize
            guard bound <= Self.maximumStreamSize + blockSize else {
                throw OrcError.unsupported("a stream of \(chunks.count) compression chunks may expand beyond \(Self.maximumStreamSize) bytes")
            }
        }
        // Decompressing straight into one allocation avoids copies, and the size cap keeps a
        // damaged stream of tiny chunks from claiming memory far beyond its own size. Deflate
        // expands at most about 1032 times, so real zlib streams stay under the cap.
        guard bound <= input.count * 1100 + blockSize else {
            return try decompressGrowing(input, chunks)
        }
        return try [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            initialized = 0
            let target = UnsafeMutableRawBufferPointer(buffer)
            try input.withUnsafeBytes { source in
                for chunk in chunks {
                    let bytes = UnsafeRawBufferPointer(rebasing: source[chunk.range])
                    if chunk.isOriginal {
                        if !bytes.isEmpty {
                            (target.baseAddress! + initialized).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                        }
                        initialized += bytes.count
                    } else {
                        let slot = UnsafeMutableRawBufferPointer(rebasing: target[initialized..<(initialized + blockSize)])
                        initialized += try decompress(bytes, into: slot, chunkStart: chunk.range.lowerBound - 3)
                    }
                }
            }
        }
    }

    // Parses and checks every chunk header. The ranges count from the start of `input`.
    private func chunkDirectory(_ input: ArraySlice<UInt8>) throws -> [(range: Range<Int>, isOriginal: Bool)] {
        var chunks: [(range: Range<Int>, isOriginal: Bool)] = []
        var position = input.startIndex
        while position < input.endIndex {
            let chunkStart = position - input.startIndex
            guard input.endIndex - position >= 3 else {
                throw OrcError.corrupt("compression chunk header at stream byte \(chunkStart) is cut off")
            }
            let header = Int(input[position]) | Int(input[position + 1]) << 8 | Int(input[position + 2]) << 16
            position += 3
            let length = header >> 1
            guard length <= input.endIndex - position else {
                throw OrcError.corrupt("compression chunk at stream byte \(chunkStart) declares \(length) bytes but \(input.endIndex - position) remain")
            }
            let isOriginal = header & 1 == 1
            guard !isOriginal || length <= blockSize else {
                throw OrcError.corrupt("original chunk at stream byte \(chunkStart) contains \(length) bytes, more than the block size \(blockSize)")
            }
            guard isOriginal || length > 0 else {
                throw OrcError.corrupt("compressed chunk at stream byte \(chunkStart) is empty")
            }
            chunks.append(((position - input.startIndex)..<(position - input.startIndex + length), isOriginal))
            position += length
        }
        return chunks
    }

    private func decompressGrowing(_ input: ArraySlice<UInt8>, _ chunks: [(range: Range<Int>, isOriginal: Bool)]) throws -> [UInt8] {
        var output: [UInt8] = []
        for chunk in chunks {
            guard output.count <= Self.maximumStreamSize else {
                throw OrcError.unsupported("a stream expands beyond \(Self.maximumStreamSize) bytes")
            }
            let bytes = input[(input.startIndex + chunk.range.lowerBound)..<(input.startIndex + chunk.range.upperBound)]
            if chunk.isOriginal {
                output.append(contentsOf: bytes)
            } else {
                try decompressChunk(bytes, into: &output, chunkStart: chunk.range.lowerBound - 3)
            }
        }
        return output
    }

    private func decompressChunk(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8], chunkStart: Int) throws {
        if scratch.count < blockSize { scratch = [UInt8](repeating: 0, count: blockSize) }
        let produced: Int = try chunk.withUnsafeBytes { source in
            try scratch.withUnsafeMutableBytes { target in
                try decompress(source, into: target, chunkStart: chunkStart)
            }
        }
        output.append(contentsOf: scratch[0..<produced])
    }

    private func decompress(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, chunkStart: Int) throws -> Int {
        let capacity = blockSize
        func failure(_ detail: String) -> OrcError {
            .corrupt("\(kind) chunk at stream byte \(chunkStart) failed to decompress: \(detail)")
        }
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else {
            if source.isEmpty { throw failure("the chunk is empty") }
            throw failure("no output buffer")
        }

        switch kind {
        case .zlib:
            guard let stream = inflateStream else { throw failure("zlib is not initialized") }
            inflateReset(stream)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: sourceBase.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(source.count)
            stream.pointee.next_out = targetBase.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(capacity)
            let status = inflate(stream, Z_FINISH)
            guard status == Z_STREAM_END else {
                if status == Z_BUF_ERROR || (status == Z_OK && stream.pointee.avail_out == 0) {
                    throw failure("it expands beyond the block size \(capacity) or is cut off")
                }
                throw failure("zlib status \(status)")
            }
            return capacity - Int(stream.pointee.avail_out)
        case .snappy:
            var length = 0
            guard snappy_uncompressed_length(sourceBase.assumingMemoryBound(to: CChar.self), source.count, &length) == SNAPPY_OK else {
                throw failure("invalid snappy length prefix")
            }
            guard length <= capacity else { throw failure("it expands to \(length) bytes, more than the block size \(capacity)") }
            var outputLength = capacity
            let status = snappy_uncompress(
                sourceBase.assumingMemoryBound(to: CChar.self), source.count,
                targetBase.assumingMemoryBound(to: CChar.self), &outputLength
            )
            guard status == SNAPPY_OK else { throw failure("snappy status \(status.rawValue)") }
            return outputLength
        case .lz4:
            let produced = LZ4_decompress_safe(
                sourceBase.assumingMemoryBound(to: CChar.self), targetBase.assumingMemoryBound(to: CChar.self),
                Int32(source.count), Int32(capacity)
            )
            guard produced >= 0 else { throw failure("invalid LZ4 block or it expands beyond the block size \(capacity)") }
            return Int(produced)
        case .zstd:
            let produced = ZSTD_decompress(targetBase, capacity, sourceBase, source.count)
            guard ZSTD_isError(produced) == 0 else {
                let name = String(cString: ZSTD_getErrorName(produced))
                throw failure("\(name) (a frame may not expand beyond the block size \(capacity))")
            }
            return produced
        case .none, .lzo:
            throw failure("no codec")
        }
    }
}
