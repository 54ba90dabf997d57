/// Decodes the columns of one stripe from their streams, following the ORC specification's
/// "Column Encodings" section. One reader serves one task, since it owns a decompressor.
struct ColumnReader {
    /// The maximum number of values, null or not, that one column may hold in one stripe. A
    /// LENGTH stream can declare any total in a few bytes, and a child with no streams of its
    /// own, such as an empty struct, has nothing else to bound it. Java arrays, which back the
    /// column vectors of the reference reader, stop at this size too.
    static let maximumValueCount = Int(Int32.max)

    let context: StripeContext
    let decompressor: ChunkDecompressor

    /// Reads a stream of a column, or returns nil when the stripe has none of that kind.
    func stream(_ kind: OrcProto.Stream.Kind, column: Int) throws -> StreamDecoder? {
        let key = StripeContext.StreamKey(column: column, kind: kind)
        guard let location = context.streams[key] else { return nil }
        let bytes = try context.prefetched[key]?.get() ?? context.readStream(key, decompressor: decompressor)
        return StreamDecoder(bytes, name: kind.description, fileOffset: location.offset)
    }

    /// Reads a stream that the column's encoding requires.
    func requiredStream(_ kind: OrcProto.Stream.Kind, column: Int) throws -> StreamDecoder {
        guard let decoder = try stream(kind, column: column) else {
            throw OrcError.corrupt("the \(kind) stream that the column's encoding requires is missing").located(column: column)
        }
        return decoder
    }

    func encoding(of column: Int) throws -> OrcProto.ColumnEncoding.Kind {
        guard column < context.encodings.count else {
            throw OrcError.corrupt("the stripe footer lists \(context.encodings.count) column encodings, none for this column").located(column: column)
        }
        return context.encodings[column].kind ?? .direct
    }

    /// Whether integer streams of the column use RLE version 2.
    func usesVersion2(_ column: Int) throws -> Bool {
        let kind = try encoding(of: column)
        switch kind {
        case .direct, .dictionary: return false
        case .directV2, .dictionaryV2, .decimal64: return true
        default:
            throw OrcError.unsupported("column encoding \(kind) is not supported").located(column: column)
        }
    }

    /// Reads the column's PRESENT stream for the rows whose parent is not null, and returns the
    /// combined null mask, or nil when no row is null.
    mutating func readPresent(column: Int, count: Int, parentPresent: [Bool]?) throws -> [Bool]? {
        guard var decoder = try stream(.present, column: column) else { return parentPresent }
        let parentValues = parentPresent.map(countPresent) ?? count
        let bits: [Bool]
        do {
            bits = try decoder.readBooleans(count: parentValues)
        } catch let error as OrcError {
            throw error.located(column: column)
        }
        guard let parentPresent else {
            return bits.contains(false) ? bits : nil
        }
        var merged = parentPresent
        var next = 0
        for row in 0..<count where parentPresent[row] {
            merged[row] = bits[next]
            next += 1
        }
        return merged
    }

    /// Reads a column subtree for `count` rows.
    ///
    /// - Parameters:
    ///   - type: The column's node in the file schema, with file column ids.
    ///   - count: The number of row slots.
    ///   - parentPresent: The parent struct's null mask. Rows null there are null here too
    ///     and have no bits in this column's PRESENT stream.
    mutating func read(_ type: OrcType, count: Int, parentPresent: [Bool]?) throws -> ColumnVector {
        let column = type.columnId
        do {
            let present = try readPresent(column: column, count: count, parentPresent: parentPresent)
            let valueCount = present.map(countPresent) ?? count
            let values = try readValues(type, count: count, valueCount: valueCount, present: present)
            return ColumnVector(count: count, present: present, values: values)
        } catch let error as OrcError {
            throw error.located(column: column)
        }
    }

    private mutating func readValues(_ type: OrcType, count: Int, valueCount: Int, present: [Bool]?) throws -> ColumnValues {
        let column = type.columnId
        switch type.kind {
        case .boolean:
            let dense = valueCount == 0 ? [] : try requiredStream(.data, column: column).readingBooleans(count: valueCount)
            return .boolean(spread(dense, present, zero: false))
        case .byte:
            let dense = valueCount == 0 ? [] : try requiredStream(.data, column: column).readingBytes(count: valueCount)
            return .integer(spread(dense.map { Int64(Int8(bitPattern: $0)) }, present, zero: 0))
        case .short, .int, .long:
            return .integer(try readIntegerSlots(.data, column: column, rows: count, valueCount: valueCount, present: present, signed: true))
        case .float:
            let dense: [Float] = valueCount == 0 ? [] : try requiredStream(.data, column: column).readingFixedWidth(count: valueCount)
            return .float(spread(dense, present, zero: 0))
        case .double:
            let dense: [Double] = valueCount == 0 ? [] : try requiredStream(.data, column: column).readingFixedWidth(count: valueCount)
            return .double(spread(dense, present, zero: 0))
        case .string, .varchar, .char, .binary:
            return .bytes(try readBytes(column: column, valueCount: valueCount, present: present))
        case .date:
            let dense = try readIntegers(.data, column: column, count: valueCount, signed: true)
            var days = [Int32](repeating: 0, count: dense.count)
            for (index, value) in dense.enumerated() {
                guard let day = Int32(exactly: value) else {
                    throw OrcError.corrupt("date value \(value) days is outside the 32-bit range")
                }
                days[index] = day
            }
            return .date(spread(days, present, zero: 0))
        case .timestamp, .timestampInstant:
            return .timestamp(try readTimestamps(type, valueCount: valueCount, present: present))
        case .decimal:
            return .decimal(try readDecimals(type, valueCount: valueCount, present: present))
        case .struct:
            var fields: [ColumnVector] = []
            for child in type.children {
                fields.append(try read(child, count: count, parentPresent: present))
            }
            return .struct(fields)
        case .list:
            let offsets = try readOffsets(column: column, count: count, valueCount: valueCount, present: present)
            let elements = try read(type.children[0], count: offsets.last!, parentPresent: nil)
            return .list(ListColumn(offsets: offsets, elements: elements))
        case .map:
            let offsets = try readOffsets(column: column, count: count, valueCount: valueCount, present: present)
            let keys = try read(type.children[0], count: offsets.last!, parentPresent: nil)
            let values = try read(type.children[1], count: offsets.last!, parentPresent: nil)
            return .map(MapColumn(offsets: offsets, keys: keys, values: values))
        case .union:
            return .union(try readUnion(type, count: count, valueCount: valueCount, present: present))
        }
    }

    func readIntegers(_ kind: OrcProto.Stream.Kind, column: Int, count: Int, signed: Bool) throws -> [Int64] {
        guard count > 0 else { return [] }
        let decoder = try requiredStream(kind, column: column)
        return try decoder.readingIntegers(count: count, signed: signed, version2: try usesVersion2(column))
    }

    /// Decodes `valueCount` integers and places them one per non-null row, with 0 in null rows,
    /// after `leading` zero slots. The spreading happens in place, without a second array.
    ///
    /// - Parameters:
    ///   - rows: The number of row slots, equal to `present.count` when there is a mask.
    ///   - leading: Zero slots before the first row, 1 for offsets that start at 0.
    ///   - type: `Int64`, or `Int` for offsets, which has the same layout on 64-bit platforms.
    ///   - forceVersion2: Whether to read RLE v2 regardless of the column encoding.
    func readIntegerSlots<Value: FixedWidthInteger>(
        _ kind: OrcProto.Stream.Kind, column: Int, rows: Int, valueCount: Int, present: [Bool]?,
        signed: Bool, leading: Int = 0, as type: Value.Type = Int64.self, forceVersion2: Bool = false
    ) throws -> [Value] {
        precondition(MemoryLayout<Value>.stride == MemoryLayout<Int64>.stride, "integer slots must be 64 bits wide")
        guard valueCount > 0 else { return [Value](repeating: 0, count: rows + leading) }
        var decoder = try requiredStream(kind, column: column)
        try decoder.checkPlausible(count: valueCount, density: .integerRLE)
        let version2 = try forceVersion2 || usesVersion2(column)

        let slots = try [Value](unsafeUninitializedCapacity: rows + leading) { buffer, initialized in
            initialized = 0
            try buffer.withMemoryRebound(to: Int64.self) { buffer in
                try decoder.readIntegers(into: UnsafeMutableBufferPointer(rebasing: buffer[leading..<(leading + valueCount)]), signed: signed, version2: version2)
                for index in 0..<leading { buffer[index] = 0 }
                guard let present else { return }
                // Walking backward, each dense value moves to a slot at or after its own.
                var next = leading + valueCount - 1
                for row in stride(from: rows - 1, through: 0, by: -1) {
                    if present[row] {
                        buffer[leading + row] = buffer[next]
                        next -= 1
                    } else {
                        buffer[leading + row] = 0
                    }
                }
            }
            initialized = rows + leading
        }
        try decoder.checkNoPendingValues()
        return slots
    }

    // Reads the LENGTH stream of a list or map into `count + 1` offsets, null rows empty. The
    // total is checked before any child reads it as its row count, because a child without
    // streams, such as `struct<>`, would otherwise pass on billions of rows to every consumer.
    private func readOffsets(column: Int, count: Int, valueCount: Int, present: [Bool]?) throws -> [Int] {
        let lengths = try readIntegers(.length, column: column, count: valueCount, signed: false)
        var declared = 0
        for length in lengths {
            guard length >= 0 else { throw OrcError.corrupt("negative length \(length) in the LENGTH stream") }
            let (sum, overflow) = declared.addingReportingOverflow(Int(length))
            declared = overflow ? Int.max : sum
        }
        guard declared <= Self.maximumValueCount else {
            let amount = declared == Int.max ? "more than \(Int.max)" : "\(declared)"
            throw OrcError.corrupt("the LENGTH stream declares \(amount) child values in this stripe, more than the \(Self.maximumValueCount) a column may hold; the file is damaged")
        }

        var offsets = [Int](repeating: 0, count: count + 1)
        var total = 0
        var next = 0
        for row in 0..<count {
            if present?[row] ?? true {
                total += Int(lengths[next])
                next += 1
            }
            offsets[row + 1] = total
        }
        return offsets
    }

    private mutating func readUnion(_ type: OrcType, count: Int, valueCount: Int, present: [Bool]?) throws -> UnionColumn {
        let column = type.columnId
        let denseTags = valueCount == 0 ? [] : try requiredStream(.data, column: column).readingBytes(count: valueCount)
        var variantCounts = [Int](repeating: 0, count: type.children.count)
        var tags = [UInt8](repeating: 0, count: count)
        var offsets = [Int](repeating: 0, count: count)
        var next = 0
        for row in 0..<count where present?[row] ?? true {
            let tag = denseTags[next]
            next += 1
            guard Int(tag) < variantCounts.count else {
                throw OrcError.corrupt("union tag \(tag) exceeds the \(variantCounts.count) variants")
            }
            tags[row] = tag
            offsets[row] = variantCounts[Int(tag)]
            variantCounts[Int(tag)] += 1
        }
        var variants: [ColumnVector] = []
        for (index, child) in type.children.enumerated() {
            variants.append(try read(child, count: variantCounts[index], parentPresent: nil))
        }
        return UnionColumn(tags: tags, offsets: offsets, variants: variants)
    }
}

/// Returns the number of true entries.
func countPresent(_ mask: [Bool]) -> Int {
    mask.withUnsafeBufferPointer { buffer in
        var count = 0
        for value in buffer where value { count += 1 }
        return count
    }
}

/// Places dense values (one per non-null row) into one slot per row, with `zero` in null rows.
func spread<Value>(_ dense: [Value], _ present: [Bool]?, zero: Value) -> [Value] {
    guard let present else { return dense }
    var output = [Value](repeating: zero, count: present.count)
    var next = 0
    for row in present.indices where present[row] {
        output[row] = dense[next]
        next += 1
    }
    return output
}
