/// One ORC stream being written: bytes go into a chunk of the compression block size, and each
/// full chunk is compressed behind the 3-byte header of the ORC specification's "Compression"
/// section.
///
/// A chunk that does not shrink is stored as is with the header's "original" bit set. Without
/// compression the bytes go straight to the output with no headers.
final class OrcOutputStream {
    /// The finished bytes of the stream: compressed chunks with headers, or the raw bytes.
    let output = ByteSink(initialCapacity: 4096)

    private let compressor: ChunkCompressor?
    private let blockSize: Int
    // The chunk grows up to `blockSize` as it fills, so small streams stay small.
    private var chunk: UnsafeMutablePointer<UInt8>
    private var chunkCapacity: Int
    private var chunkCount = 0

    /// Creates a stream that compresses with `compressor`, or stores raw bytes when it is nil.
    ///
    /// - Parameters:
    ///   - compressor: The codec shared by the file's streams.
    ///   - blockSize: The uncompressed size of a chunk, at most 2^23 - 1 so that the length fits
    ///     the 23 bits of a chunk header.
    init(compressor: ChunkCompressor?, blockSize: Int) {
        precondition(blockSize > 0 && blockSize < 1 << 23, "compression block size \(blockSize) out of range")
        self.compressor = compressor
        self.blockSize = blockSize
        chunkCapacity = compressor == nil ? 1 : min(blockSize, 4096)
        chunk = .allocate(capacity: chunkCapacity)
    }

    deinit {
        chunk.deallocate()
    }

    /// Appends `length` bytes.
    ///
    /// - Complexity: O(length), plus the compression of each chunk that fills.
    @inline(__always)
    func write(_ source: UnsafeRawPointer, count length: Int) {
        guard compressor != nil else {
            output.append(source, count: length)
            return
        }
        if chunkCount + length < chunkCapacity {
            (chunk + chunkCount).update(from: source.assumingMemoryBound(to: UInt8.self), count: length)
            chunkCount += length
            return
        }
        writeAcrossChunks(source, length)
    }

    private func writeAcrossChunks(_ source: UnsafeRawPointer, _ length: Int) {
        if chunkCapacity < blockSize {
            let newCapacity = min(blockSize, max(chunkCapacity * 2, chunkCount + length))
            let newChunk = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newChunk.update(from: chunk, count: chunkCount)
            chunk.deallocate()
            chunk = newChunk
            chunkCapacity = newCapacity
        }
        var offset = 0
        while offset < length {
            let step = min(chunkCapacity - chunkCount, length - offset)
            (chunk + chunkCount).update(from: (source + offset).assumingMemoryBound(to: UInt8.self), count: step)
            chunkCount += step
            offset += step
            if chunkCount == blockSize {
                flushChunk()
            }
        }
    }

    /// Appends the bytes of an array.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let address = raw.baseAddress else { return }
            write(address, count: raw.count)
        }
    }

    /// Appends the position of the next byte for a row index entry: the byte offset when
    /// uncompressed, else the offset of the current chunk's header and the offset in the chunk.
    func recordPosition(into positions: inout [UInt64]) {
        if compressor == nil {
            positions.append(UInt64(output.count))
        } else {
            positions.append(UInt64(output.count))
            positions.append(UInt64(chunkCount))
        }
    }

    /// The bytes the stream holds: finished output plus the uncompressed bytes of the current
    /// chunk, which is how much memory the stream's data takes before compression of that chunk.
    var bufferedSize: Int {
        output.count + chunkCount
    }

    /// Compresses the last partial chunk so that `output` contains the whole stream.
    func finish() {
        if chunkCount > 0 {
            flushChunk()
        }
    }

    /// Forgets the contents so the stream can be reused for the next stripe.
    func reset() {
        output.removeAll()
        chunkCount = 0
    }

    private func flushChunk() {
        guard let compressor else { return }
        // Compress straight into the output behind room for the header.
        let input = UnsafeRawBufferPointer(start: chunk, count: chunkCount)
        let capacity = compressor.outputCapacity(forInput: chunkCount)
        let destination = UnsafeMutableRawBufferPointer(start: output.reserve(3 + capacity) + 3, count: capacity)
        if let compressedCount = compressor.compress(input, into: destination) {
            appendHeader(length: compressedCount, isOriginal: false)
            output.count += compressedCount
        } else {
            appendHeader(length: chunkCount, isOriginal: true)
            output.append(chunk, count: chunkCount)
        }
        chunkCount = 0
    }

    private func appendHeader(length: Int, isOriginal: Bool) {
        let header = length << 1 | (isOriginal ? 1 : 0)
        output.append(UInt8(truncatingIfNeeded: header))
        output.append(UInt8(truncatingIfNeeded: header >> 8))
        output.append(UInt8(truncatingIfNeeded: header >> 16))
    }
}

extension ChunkCompressor {
    /// Compresses a whole buffer (a file tail section) into chunks with headers.
    ///
    /// - Parameters:
    ///   - bytes: The uncompressed section.
    ///   - blockSize: The compression block size.
    /// - Returns: The chunks, or `bytes` itself when `compressor` is nil.
    static func compressSection(_ bytes: [UInt8], with compressor: ChunkCompressor?, blockSize: Int) -> [UInt8] {
        guard compressor != nil else { return bytes }
        let stream = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        stream.write(bytes)
        stream.finish()
        return Array(stream.output.bytes)
    }
}
