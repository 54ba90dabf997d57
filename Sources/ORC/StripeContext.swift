/// The stream directory and column encodings of one stripe, shared by the column readers.
struct StripeContext: Sendable {
    struct StreamKey: Hashable, Sendable {
        var column: Int
        var kind: OrcProto.Stream.Kind
    }

    let reader: OrcReader
    let index: Int
    let rowCount: Int
    let streams: [StreamKey: (offset: UInt64, length: UInt64)]
    let encodings: [OrcProto.ColumnEncoding]
    let writerTimezone: String?

    /// Locates every stream of the stripe; streams follow each other from the stripe's offset.
    init(reader: OrcReader, index: Int, stripe: OrcProto.StripeInformation, footer: OrcProto.StripeFooter) throws {
        self.reader = reader
        self.index = index
        self.rowCount = Int(stripe.numberOfRows ?? 0)
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

    func makeColumnReader() throws -> ColumnReader {
        ColumnReader(context: self, decompressor: try reader.makeDecompressor())
    }

    /// Reads a column's PRESENT stream and merges it with the parent's null mask.
    func readPresent(column: Int, count: Int, parentPresent: [Bool]?) throws -> [Bool]? {
        var reader = try makeColumnReader()
        return try reader.readPresent(column: column, count: count, parentPresent: parentPresent)
    }
}
