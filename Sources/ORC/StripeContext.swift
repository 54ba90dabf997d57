import Dispatch
import Synchronization

/// The stream directory and column encodings of one stripe, shared by the column readers.
struct StripeContext: Sendable {
    struct StreamKey: Hashable, Sendable {
        var column: Int
        var kind: OrcProto.Stream.Kind
    }

    let reader: OrcReader
    let index: Int
    let streams: [StreamKey: (offset: UInt64, length: UInt64)]
    let encodings: [OrcProto.ColumnEncoding]
    let writerTimezone: String?

    /// Streams already read and decompressed, or the error that doing so raised.
    private(set) var prefetched: [StreamKey: Result<[UInt8], OrcError>] = [:]

    /// Locates every stream of the stripe; streams follow each other from the stripe's offset.
    init(reader: OrcReader, index: Int, stripe: OrcProto.StripeInformation, footer: OrcProto.StripeFooter) throws {
        self.reader = reader
        self.index = index
        self.encodings = footer.columns
        self.writerTimezone = footer.writerTimezone

        let start = stripe.offset ?? 0
        let limit = (stripe.indexLength ?? 0) + (stripe.dataLength ?? 0)
        var offset: UInt64 = 0
        var streams: [StreamKey: (offset: UInt64, length: UInt64)] = [:]
        for stream in footer.streams {
            let length = stream.length ?? 0
            let (end, overflow) = offset.addingReportingOverflow(length)
            guard !overflow, end <= limit else {
                throw OrcError.corrupt("stream \(stream.kind?.description ?? "?") of column \(stream.column ?? 0) ends at stripe byte \(overflow ? UInt64.max : end), beyond the \(limit) bytes of index and data")
                    .located(file: reader.path, stripe: index, offset: start + offset)
            }
            if let kind = stream.kind, let column = stream.column {
                let key = StreamKey(column: Int(column), kind: kind)
                if streams[key] == nil { streams[key] = (start + offset, length) }
            }
            offset = end
        }
        self.streams = streams
    }

    /// Reads and decompresses the data streams of the given columns, several at once.
    ///
    /// Decompression dominates reading, and one column may have several large streams, so
    /// spreading streams over the cores balances the work better than spreading columns.
    mutating func prefetchStreams(ofColumns columns: Set<Int>) {
        let keys = streams.keys
            .filter { columns.contains($0.column) && !$0.kind.isIndex }
            .sorted { streams[$0]!.length > streams[$1]!.length }
        let results = Mutex<[StreamKey: Result<[UInt8], OrcError>]>([:])
        let context = self
        DispatchQueue.concurrentPerform(iterations: keys.count) { position in
            let key = keys[position]
            let result: Result<[UInt8], OrcError>
            do {
                result = .success(try context.readStream(key, decompressor: try context.reader.makeDecompressor()))
            } catch let error as OrcError {
                result = .failure(error)
            } catch {
                result = .failure(.io("reading a stream failed: \(error)"))
            }
            results.withLock { $0[key] = result }
        }
        prefetched = results.withLock { $0 }
    }

    /// Reads one stream from the file and decompresses it.
    func readStream(_ key: StreamKey, decompressor: ChunkDecompressor) throws -> [UInt8] {
        guard let location = streams[key] else { return [] }
        do {
            let stored = try reader.file.read(offset: location.offset, count: location.length, what: "\(key.kind) stream")
            return try decompressor.decompress(stored[...])
        } catch let error as OrcError {
            throw error.located(column: key.column, offset: location.offset)
        }
    }

    func makeColumnReader() throws -> ColumnReader {
        ColumnReader(context: self, decompressor: try reader.makeDecompressor())
    }

    /// Reads a column's PRESENT stream and merges it with the parent's null mask.
    func readPresent(column: Int, count: Int, parentPresent: [Bool]?) throws -> [Bool]? {
        var reader = try makeColumnReader()
        return try reader.readPresent(column: column, count: count, parentPresent: parentPresent)
    }
}
