/// Writes `array` and `map` columns as the ORC specification's "List Columns" and "Map
/// Columns" sections describe.
///
/// LENGTH contains the number of entries of each non-null row as unsigned RLE v2. The entries go to
/// the child columns: the element for a list, the key and the value for a map.
final class ListColumnWriter: ColumnWriter {
    /// The writers of the element, or of the key and the value.
    let children: [ColumnWriter]

    private let lengths: OrcOutputStream
    private var lengthEncoder = IntegerRLEv2Encoder(isSigned: false)

    init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int, children: [ColumnWriter]) {
        self.children = children
        lengths = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        let offsets: [Int]
        let entries: [ColumnVector]
        switch vector.values {
        case .list(let column) where type.kind == .list:
            offsets = column.offsets
            entries = [column.elements]
        case .map(let column) where type.kind == .map:
            offsets = column.offsets
            entries = [column.keys, column.values]
        default:
            throw mismatch(vector.values)
        }
        guard offsets.count > vector.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) has \(offsets.count) offsets for \(vector.count) rows; give count + 1 offsets")
        }
        for row in rows where offsets[row + 1] < offsets[row] {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) row \(row) ends at offset \(offsets[row + 1]) before it starts at \(offsets[row]); make the offsets non-decreasing")
        }

        var statistics = groupStatistics
        vector.present.withOptionalBuffer { flags in
            lengthEncoder.write(rows: rows, present: flags, to: lengths) { row in
                let length = UInt64(offsets[row + 1] - offsets[row])
                statistics.childrenMinimum = min(statistics.childrenMinimum, length)
                statistics.childrenMaximum = max(statistics.childrenMaximum, length)
                statistics.childrenTotal += length
                statistics.count += 1
                return Int64(length)
            }
        }
        groupStatistics = statistics

        // The children get the entries of the non-null rows, one range per run of such rows.
        var row = rows.lowerBound
        while row < rows.upperBound {
            guard !vector.isNull(row) else {
                row += 1
                continue
            }
            var end = row + 1
            while end < rows.upperBound && !vector.isNull(end) { end += 1 }
            for (child, entry) in zip(children, entries) where offsets[end] > offsets[row] {
                try child.write(entry, rows: offsets[row]..<offsets[end])
            }
            row = end
        }
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        lengthEncoder.recordPosition(of: lengths, into: &positions)
    }

    override var estimatedDataSize: Int { lengths.bufferedSize }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        lengthEncoder.flush(to: lengths)
        lengths.finish()
        return ([(.length, lengths)], OrcProto.ColumnEncoding(kind: .directV2))
    }

    override func resetDataStreams() {
        lengths.reset()
    }
}
