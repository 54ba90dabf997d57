import Glibc

/// Writes `string`, `varchar`, `char` and `binary` columns.
///
/// String values collect in a per-stripe dictionary. When the stripe ends, the column uses
/// DICTIONARY_V2 encoding if the number of distinct values is at most `dictionaryThreshold`
/// times the number of non-null values, as the reference writers decide, and DIRECT_V2
/// otherwise. Binary columns, and string columns with a threshold of 0, are written directly
/// as values arrive.
final class StringColumnWriter: ColumnWriter {
    private let usesDictionary: Bool
    private let dictionaryThreshold: Double

    private let data: OrcOutputStream
    private let lengths: OrcOutputStream
    private var lengthEncoder = IntegerRLEv2Encoder(isSigned: false)

    private var dictionary = StringDictionary()
    // The dictionary id of each non-null value of the stripe.
    private var ids: [Int32] = []
    // The index into `ids` where each row group of the stripe starts.
    private var groupValueStarts: [Int] = []
    // The row group in which each dictionary entry was last seen, to update min and max once.
    private var lastSeenGroup: [Int32] = []
    private var groupNumber: Int32 = 0
    private var groupMinimumId: Int32 = -1
    private var groupMaximumId: Int32 = -1

    /// Creates the writer of one string-like column.
    ///
    /// - Parameter dictionaryThreshold: The largest ratio of distinct to non-null values that
    ///   still gets dictionary encoding; 0 writes every stripe directly.
    init(type: OrcType, compressor: ChunkCompressor?, blockSize: Int, dictionaryThreshold: Double) {
        usesDictionary = type.kind != .binary && dictionaryThreshold > 0
        self.dictionaryThreshold = dictionaryThreshold
        data = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        lengths = OrcOutputStream(compressor: compressor, blockSize: blockSize)
        super.init(type: type, compressor: compressor, blockSize: blockSize)
    }

    override func writeValues(_ vector: ColumnVector, rows: Range<Int>) throws {
        guard case .bytes(let column) = vector.values else { throw mismatch(vector.values) }
        guard column.count >= vector.count else {
            throw OrcError.invalidArgument(
                "column \(columnId) (\(type)) has \(column.count) values for \(vector.count) rows; give null rows an empty value")
        }
        column.bytes.withUnsafeBufferPointer { bytes in
            column.offsets.withUnsafeBufferPointer { offsets in
                vector.present.withOptionalBuffer { flags in
                    if usesDictionary {
                        addToDictionary(bytes, offsets, rows: rows, flags: flags)
                    } else {
                        writeDirect(bytes, offsets, rows: rows, flags: flags)
                    }
                }
            }
        }
    }

    private func addToDictionary(
        _ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int>, rows: Range<Int>,
        flags: UnsafeBufferPointer<Bool>?
    ) {
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        // Locals for the loop: the properties are emptied meanwhile so the arrays stay unique,
        // and the loop avoids the exclusivity checks of class properties.
        var dictionary = self.dictionary
        self.dictionary = StringDictionary()
        var ids = self.ids
        self.ids = []
        var lastSeenGroup = self.lastSeenGroup
        self.lastSeenGroup = []
        var minimumId = groupMinimumId
        var maximumId = groupMaximumId
        let groupNumber = self.groupNumber

        var lengthSum: Int64 = 0
        var count = 0
        for row in rows {
            if let flags, !flags[row] { continue }
            let start = offsets[row]
            let length = offsets[row + 1] - start
            let id = dictionary.insert(base + start, length)
            ids.append(id)
            lengthSum += Int64(length)
            count += 1
            if Int(id) == lastSeenGroup.count {
                lastSeenGroup.append(-1)
            }
            // Each distinct value is compared with the bounds once per row group.
            if lastSeenGroup[Int(id)] != groupNumber {
                lastSeenGroup[Int(id)] = groupNumber
                if minimumId < 0 || dictionary.compare(id, minimumId) < 0 { minimumId = id }
                if maximumId < 0 || dictionary.compare(id, maximumId) > 0 { maximumId = id }
            }
        }

        self.dictionary = dictionary
        self.ids = ids
        self.lastSeenGroup = lastSeenGroup
        groupMinimumId = minimumId
        groupMaximumId = maximumId
        groupStatistics.lengthSum += lengthSum
        groupStatistics.count += UInt64(count)
    }

    private func writeDirect(
        _ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int>, rows: Range<Int>,
        flags: UnsafeBufferPointer<Bool>?
    ) {
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let isBinary = type.kind == .binary
        let data = self.data
        var statistics = groupStatistics
        lengthEncoder.write(rows: rows, present: flags, to: lengths) { row in
            let start = offsets[row]
            let length = offsets[row + 1] - start
            data.write(base + start, count: length)
            statistics.lengthSum += Int64(length)
            statistics.count += 1
            if !isBinary {
                let value = UnsafeBufferPointer(start: base + start, count: length)
                if statistics.bytesMinimum.map({ compareBytes(value, $0) < 0 }) ?? true {
                    statistics.bytesMinimum = Array(value)
                }
                if statistics.bytesMaximum.map({ compareBytes(value, $0) > 0 }) ?? true {
                    statistics.bytesMaximum = Array(value)
                }
            }
            return Int64(length)
        }
        groupStatistics = statistics
    }

    override func recordDataPositions(into positions: inout [UInt64]) {
        if usesDictionary {
            groupValueStarts.append(ids.count)
        } else {
            data.recordPosition(into: &positions)
            lengthEncoder.recordPosition(of: lengths, into: &positions)
        }
    }

    override func finishRowGroup() {
        if usesDictionary && groupMinimumId >= 0 {
            groupStatistics.bytesMinimum = dictionary.bytes(of: groupMinimumId)
            groupStatistics.bytesMaximum = dictionary.bytes(of: groupMaximumId)
        }
        groupMinimumId = -1
        groupMaximumId = -1
        groupNumber += 1
        super.finishRowGroup()
    }

    override var estimatedDataSize: Int {
        data.bufferedSize + lengths.bufferedSize + dictionary.byteCount + ids.count * MemoryLayout<Int32>.size
    }

    override func finishDataStreams() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        guard usesDictionary else {
            return finishDirect()
        }
        if Double(dictionary.count) <= dictionaryThreshold * Double(ids.count) {
            return finishDictionary()
        }
        // Too many distinct values: spell every value out from the dictionary.
        for group in groupValueStarts.indices {
            let end = group + 1 < groupValueStarts.count ? groupValueStarts[group + 1] : ids.count
            data.recordPosition(into: &dataPositions[group])
            lengthEncoder.recordPosition(of: lengths, into: &dataPositions[group])
            for index in groupValueStarts[group]..<end {
                let (start, length) = dictionary.entry(ids[index])
                data.write(start, count: length)
                lengthEncoder.write(Int64(length), to: lengths)
            }
        }
        return finishDirect()
    }

    private func finishDirect() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        lengthEncoder.flush(to: lengths)
        data.finish()
        lengths.finish()
        return ([(.data, data), (.length, lengths)], OrcProto.ColumnEncoding(kind: .directV2))
    }

    private func finishDictionary() -> (streams: [(kind: OrcProto.Stream.Kind, stream: OrcOutputStream)], encoding: OrcProto.ColumnEncoding) {
        let order = dictionary.sortedIds()
        var rank = [Int64](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() {
            rank[Int(id)] = Int64(position)
        }

        var indexEncoder = IntegerRLEv2Encoder(isSigned: false)
        for group in groupValueStarts.indices {
            let end = group + 1 < groupValueStarts.count ? groupValueStarts[group + 1] : ids.count
            indexEncoder.recordPosition(of: data, into: &dataPositions[group])
            for index in groupValueStarts[group]..<end {
                indexEncoder.write(rank[Int(ids[index])], to: data)
            }
        }
        indexEncoder.flush(to: data)

        let dictionaryData = makeStream()
        for id in order {
            let (start, length) = dictionary.entry(id)
            dictionaryData.write(start, count: length)
            lengthEncoder.write(Int64(length), to: lengths)
        }
        lengthEncoder.flush(to: lengths)
        data.finish()
        dictionaryData.finish()
        lengths.finish()
        let encoding = OrcProto.ColumnEncoding(kind: .dictionaryV2, dictionarySize: UInt32(order.count))
        return ([(.data, data), (.dictionaryData, dictionaryData), (.length, lengths)], encoding)
    }

    override func resetDataStreams() {
        data.reset()
        lengths.reset()
        dictionary = StringDictionary()
        ids.removeAll(keepingCapacity: true)
        groupValueStarts.removeAll(keepingCapacity: true)
        lastSeenGroup.removeAll(keepingCapacity: true)
        groupNumber = 0
    }
}

/// Orders two byte strings as unsigned bytes, like `memcmp` followed by the length.
func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: [UInt8]) -> Int {
    right.withUnsafeBufferPointer { compareBytes(left.baseAddress, left.count, $0.baseAddress, $0.count) }
}

/// Orders two byte ranges as unsigned bytes, the shorter first when one is a prefix.
@inline(__always)
func compareBytes(_ left: UnsafePointer<UInt8>?, _ leftCount: Int, _ right: UnsafePointer<UInt8>?, _ rightCount: Int) -> Int {
    let common = min(leftCount, rightCount)
    if common > 0, let left, let right {
        let result = memcmp(left, right, common)
        if result != 0 { return Int(result) }
    }
    return leftCount - rightCount
}
