/// Writes `uniontype` columns as the ORC specification's "Union Columns" section describes:
/// the variant tag of each non-null row as byte RLE in DATA, and each row's value in the child
/// column of its variant.
final class UnionColumnWriter: ColumnWriter {
    /// The writers of the variants, in tag order.
    let children: [ColumnWriter]

    private let tags: OrcOutputStream
    private var tagEncoder = ByteRLEEncoder()

    init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int, children: [ColumnWriter]) {
        self.children = children
        tags = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .union(let column) = vector.values else { throw mismatch(vector.values) }
        guard column.tags.count >= vector.count, column.offsets.count >= vector.count,
              column.variants.count == children.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) needs a tag and an offset per row and \(children.count) variants; got \(column.tags.count) tags, \(column.offsets.count) offsets and \(column.variants.count) variants")
        }

        // Each variant gets its rows as ranges of consecutive offsets, checked before encoding.
        var ranges = [[Range<Int>]](repeating: [], count: children.count)
        for row in rows where !vector.isNull(row) {
            let tag = Int(column.tags[row])
            let offset = column.offsets[row]
            guard tag < children.count, offset >= 0, offset < column.variants[tag].count else {
                throw OrcError.invalidArgument(
                    "column \(columnId) (\(type)) row \(row) points at row \(offset) of variant \(tag), which does not exist; fix the tags or offsets")
            }
            if let last = ranges[tag].last, last.upperBound == offset {
                ranges[tag][ranges[tag].count - 1] = last.lowerBound..<(offset + 1)
            } else {
                ranges[tag].append(offset..<(offset + 1))
            }
        }

        var count: UInt64 = 0
        column.tags.withUnsafeBufferPointer { tagBuffer in
            vector.present.withOptionalBuffer { flags in
                tagEncoder.write(rows: rows, present: flags, to: tags) { row in
                    count += 1
                    return tagBuffer[row]
                }
            }
        }
        groupStatistics.count += count

        for (variant, variantRanges) in ranges.enumerated() {
            for range in variantRanges {
                try children[variant].write(column.variants[variant], rows: range)
            }
        }
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        tagEncoder.recordPosition(of: tags, into: &positions)
    }

    override var estimatedDataSize: Int { tags.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        tagEncoder.flush(to: tags)
        tags.finish()
        return ([(.data, tags)], OrcProto.ColumnEncoding(kind: .direct))
    }

    override func resetDataStreams() {
        tags.reset()
    }
}
