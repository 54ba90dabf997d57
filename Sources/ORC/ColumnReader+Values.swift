extension ColumnReader {
    /// The maximum number of bytes one string column may expand to in one stripe, because a dictionary entry repeated
    /// on every row can otherwise claim memory far beyond the file's size.
    static let maximumStringBytes = 1 << 34

    /// Reads a string, varchar, char or binary column in direct or dictionary encoding.
    func readBytes(column: Int, valueCount: Int, present: [Bool]?) throws -> BytesColumn {
        let count = present?.count ?? valueCount
        guard valueCount > 0 else {
            return BytesColumn(bytes: [], offsets: [Int](repeating: 0, count: count + 1))
        }
        let encoding = try encoding(of: column)
        let isDictionary = encoding == .dictionary || encoding == .dictionaryV2
        let lengths: [Int64]
        let bytes: [UInt8]
        if isDictionary {
            (lengths, bytes) = try readDictionaryValues(column: column, valueCount: valueCount)
        } else {
            lengths = try readIntegers(.length, column: column, count: valueCount, signed: false)
            let data = try requiredStream(.data, column: column)
            let total = try sumLengths(lengths, limit: data.bytes.count, what: "DATA stream")
            bytes = total == data.bytes.count ? data.bytes : Array(data.bytes[0..<total])
        }

        var offsets = [Int](repeating: 0, count: count + 1)
        lengths.withUnsafeBufferPointer { lengths in
            offsets.withUnsafeMutableBufferPointer { offsets in
                var total = 0
                var next = 0
                if let present {
                    for row in 0..<count {
                        if present[row] {
                            total += Int(lengths[next])
                            next += 1
                        }
                        offsets[row + 1] = total
                    }
                } else {
                    for row in 0..<count {
                        total += Int(lengths[row])
                        offsets[row + 1] = total
                    }
                }
            }
        }
        return BytesColumn(bytes: bytes, offsets: offsets)
    }

    // Returns the sum of the lengths after checking that each is non-negative and the sum fits `limit`.
    private func sumLengths(_ lengths: [Int64], limit: Int, what: String) throws -> Int {
        var total = 0
        for (index, length) in lengths.enumerated() {
            guard length >= 0, length <= Int64(limit) - Int64(total) else {
                throw OrcError.corrupt("length \(length) of value \(index) does not fit the \(limit) bytes of the \(what)")
            }
            total += Int(length)
        }
        return total
    }

    // Resolves dictionary indexes to the lengths and concatenated bytes of the values they name.
    private func readDictionaryValues(column: Int, valueCount: Int) throws -> (lengths: [Int64], bytes: [UInt8]) {
        let dictionarySize = Int(context.encodings[column].dictionarySize ?? 0)
        let entryLengths = try readIntegers(.length, column: column, count: dictionarySize, signed: false)
        let dictionary = try stream(.dictionaryData, column: column)?.bytes ?? []
        _ = try sumLengths(entryLengths, limit: dictionary.count, what: "DICTIONARY_DATA stream")
        var entryOffsets = [Int](repeating: 0, count: dictionarySize + 1)
        for index in 0..<dictionarySize {
            entryOffsets[index + 1] = entryOffsets[index] + Int(entryLengths[index])
        }

        let indexes = try readIntegers(.data, column: column, count: valueCount, signed: false)
        var lengths = [Int64](repeating: 0, count: valueCount)
        var total = 0
        for (row, index) in indexes.enumerated() {
            guard index >= 0, index < Int64(dictionarySize) else {
                throw OrcError.corrupt("dictionary index \(index) at value \(row) is outside the \(dictionarySize) dictionary entries")
            }
            let length = entryOffsets[Int(index) + 1] - entryOffsets[Int(index)]
            lengths[row] = Int64(length)
            total += length
            guard total <= Self.maximumStringBytes else {
                throw OrcError.unsupported("the dictionary column expands to more than \(Self.maximumStringBytes) bytes in one stripe")
            }
        }

        var bytes = [UInt8](repeating: 0, count: total)
        dictionary.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { target in
                indexes.withUnsafeBufferPointer { indexes in
                    entryOffsets.withUnsafeBufferPointer { entryOffsets in
                        var position = 0
                        for index in indexes {
                            let start = entryOffsets[Int(index)]
                            let length = entryOffsets[Int(index) + 1] - start
                            if length > 0 {
                                UnsafeMutableRawPointer(target.baseAddress! + position)
                                    .copyMemory(from: source.baseAddress! + start, byteCount: length)
                                position += length
                            }
                        }
                    }
                }
            }
        }
        return (lengths, bytes)
    }

    /// Reads a timestamp column: DATA contains signed seconds from 2015-01-01, SECONDARY the
    /// nanoseconds with their trailing zeros folded into the low 3 bits.
    func readTimestamps(_ type: OrcType, valueCount: Int, present: [Bool]?) throws -> TimestampColumn {
        let column = type.columnId
        var seconds = try readIntegers(.data, column: column, count: valueCount, signed: true)
        let encodedNanoseconds = try readIntegers(.secondary, column: column, count: valueCount, signed: false)
        let converter = try TimestampConverter(writerTimezone: context.writerTimezone, isInstant: type.kind == .timestampInstant)

        var nanoseconds = [Int32](repeating: 0, count: valueCount)
        try seconds.withUnsafeMutableBufferPointer { seconds in
            try nanoseconds.withUnsafeMutableBufferPointer { nanoseconds in
                try encodedNanoseconds.withUnsafeBufferPointer { encoded in
                    for index in 0..<valueCount {
                        guard let nanos = TimestampConverter.decodeNanoseconds(encoded[index]) else {
                            throw OrcError.corrupt("encoded nanoseconds \(encoded[index]) of value \(index) exceed one second")
                        }
                        nanoseconds[index] = Int32(truncatingIfNeeded: nanos)
                        seconds[index] = converter.epochSeconds(stored: seconds[index], nanoseconds: Int32(truncatingIfNeeded: nanos))
                    }
                }
            }
        }
        return TimestampColumn(seconds: spread(seconds, present, zero: 0), nanoseconds: spread(nanoseconds, present, zero: 0))
    }

    /// Reads a decimal column: DATA contains unbounded zigzag varints, SECONDARY each value's scale,
    /// and values are rescaled to the column's scale (rounding half away from zero).
    func readDecimals(_ type: OrcType, valueCount: Int, present: [Bool]?) throws -> DecimalColumn {
        let column = type.columnId
        guard try encoding(of: column) != .decimal64 else {
            throw OrcError.unsupported("the DECIMAL_64 column encoding is not supported")
        }
        let targetScale = type.scale ?? 10
        let precision = type.precision ?? 38
        guard (0...38).contains(targetScale) else {
            throw OrcError.corrupt("decimal scale \(targetScale) is outside 0...38")
        }
        var unscaled = [Int128](repeating: 0, count: valueCount)
        if valueCount > 0 {
            var data = try requiredStream(.data, column: column)
            try data.checkPlausible(count: valueCount)
            let scales = try readIntegers(.secondary, column: column, count: valueCount, signed: true)
            for index in 0..<valueCount {
                let value = try data.readSignedVarint128()
                unscaled[index] = try Self.rescale(value, from: scales[index], to: targetScale)
            }
        }
        return DecimalColumn(values: spread(unscaled, present, zero: 0), precision: precision, scale: targetScale)
    }

    private static func rescale(_ value: Int128, from scale: Int64, to targetScale: Int) throws -> Int128 {
        guard (-38...76).contains(scale) else {
            throw OrcError.corrupt("decimal value scale \(scale) is outside -38...76")
        }
        var result = value
        var difference = targetScale - Int(scale)
        while difference > 0 {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw OrcError.corrupt("decimal value \(value) with scale \(scale) overflows 128 bits at scale \(targetScale)") }
            result = product
            difference -= 1
        }
        while difference < 0 {
            let (quotient, remainder) = result.quotientAndRemainder(dividingBy: 10)
            result = quotient
            difference += 1
            if difference == 0, remainder.magnitude >= 5 {
                result += remainder < 0 ? -1 : 1
            }
        }
        return result
    }
}
