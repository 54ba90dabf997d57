extension ColumnReader {
    /// The maximum number of bytes one string column may expand to in one stripe, because a
    /// dictionary entry repeated on every row can otherwise claim memory far beyond the file's
    /// size. Java byte arrays, which the reference reader fills, stop at 2 GiB too.
    static let maximumStringBytes = 1 << 31

    /// Reads a string, varchar, char or binary column in direct or dictionary encoding.
    func readBytes(column: Int, valueCount: Int, present: [Bool]?) throws -> BytesColumn {
        let count = present?.count ?? valueCount
        guard valueCount > 0 else {
            return BytesColumn(bytes: [], offsets: [Int](repeating: 0, count: count + 1))
        }
        let encoding = try encoding(of: column)
        if encoding == .dictionary || encoding == .dictionaryV2 {
            return try readDictionaryBytes(column: column, count: count, valueCount: valueCount, present: present)
        }

        // The LENGTH values land in the offset slots, which a running sum then turns into offsets.
        var offsets = try readIntegerSlots(.length, column: column, rows: count, valueCount: valueCount, present: present, signed: false, leading: 1, as: Int.self)
        let data = try requiredStream(.data, column: column)
        let total = try offsets.withUnsafeMutableBufferPointer { offsets in
            try accumulateLengths(offsets, limit: data.bytes.count, what: "DATA stream")
        }
        let bytes = total == data.bytes.count ? data.bytes : Array(data.bytes[0..<total])
        return BytesColumn(bytes: bytes, offsets: offsets)
    }

    // Replaces lengths in `slots[1...]` with running offsets after checking that each length is
    // non-negative and the total fits `limit`, and returns the total.
    private func accumulateLengths(_ slots: UnsafeMutableBufferPointer<Int>, limit: Int, what: String) throws -> Int {
        var total = 0
        for index in 1..<slots.count {
            let length = slots[index]
            guard length >= 0, length <= limit - total else {
                throw OrcError.corrupt("length \(length) of value \(index - 1) does not fit the \(limit) bytes of the \(what)")
            }
            total += length
            slots[index] = total
        }
        return total
    }

    // Resolves dictionary indexes to the concatenated bytes of the entries they name.
    private func readDictionaryBytes(column: Int, count: Int, valueCount: Int, present: [Bool]?) throws -> BytesColumn {
        let dictionarySize = Int(context.encodings[column].dictionarySize ?? 0)
        let dictionary = try stream(.dictionaryData, column: column)?.bytes ?? []
        var entryOffsets = try readIntegerSlots(.length, column: column, rows: dictionarySize, valueCount: dictionarySize, present: nil, signed: false, leading: 1, as: Int.self)
        _ = try entryOffsets.withUnsafeMutableBufferPointer { entryOffsets in
            try accumulateLengths(entryOffsets, limit: dictionary.count, what: "DICTIONARY_DATA stream")
        }

        // The indexes land in the offset slots; null rows read as index -1 and have no bytes.
        var offsets = try readIntegerSlots(.data, column: column, rows: count, valueCount: valueCount, present: present, signed: false, leading: 1, as: Int.self)
        if let present {
            for row in 0..<count where !present[row] { offsets[row + 1] = -1 }
        }
        var total = 0
        for row in 0..<count {
            let index = offsets[row + 1]
            guard index >= 0 || present?[row] == false else {
                throw OrcError.corrupt("dictionary index \(index) at row \(row) is negative")
            }
            guard index < dictionarySize else {
                throw OrcError.corrupt("dictionary index \(index) at row \(row) is outside the \(dictionarySize) dictionary entries")
            }
            if index >= 0 { total += entryOffsets[index + 1] - entryOffsets[index] }
            guard total <= Self.maximumStringBytes else {
                throw OrcError.unsupported("the dictionary column expands to more than \(Self.maximumStringBytes) bytes in one stripe")
            }
        }

        // Entries of up to 16 bytes move as two unaligned 8-byte words, which needs 16 bytes of
        // slack after the dictionary and after the output.
        let paddedDictionary = dictionary + [UInt8](repeating: 0, count: 16)
        let bytes = [UInt8](unsafeUninitializedCapacity: total + 16) { target, initialized in
            paddedDictionary.withUnsafeBytes { source in
                entryOffsets.withUnsafeBufferPointer { entryOffsets in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        let sourceBase = source.baseAddress!
                        let targetBase = UnsafeMutableRawPointer(target.baseAddress!)
                        var position = 0
                        for row in 0..<count {
                            let index = offsets[row + 1]
                            if index >= 0 {
                                let start = entryOffsets[index]
                                let length = entryOffsets[index + 1] - start
                                if length <= 16 {
                                    let first = (sourceBase + start).loadUnaligned(as: UInt64.self)
                                    let second = (sourceBase + start + 8).loadUnaligned(as: UInt64.self)
                                    (targetBase + position).storeBytes(of: first, as: UInt64.self)
                                    (targetBase + position + 8).storeBytes(of: second, as: UInt64.self)
                                } else {
                                    (targetBase + position).copyMemory(from: sourceBase + start, byteCount: length)
                                }
                                position += length
                            }
                            offsets[row + 1] = position
                        }
                    }
                }
            }
            initialized = total
        }
        return BytesColumn(bytes: bytes, offsets: offsets)
    }

    /// Reads a timestamp column: DATA contains signed seconds from 2015-01-01, SECONDARY the
    /// nanoseconds with their trailing zeros folded into the low 3 bits.
    func readTimestamps(_ type: OrcType, valueCount: Int, present: [Bool]?) throws -> TimestampColumn {
        let column = type.columnId
        var seconds = try readIntegerSlots(.data, column: column, rows: valueCount, valueCount: valueCount, present: nil, signed: true)
        let converter = try TimestampConverter(writerTimezone: context.writerTimezone, isInstant: type.kind == .timestampInstant)
        var nanoseconds = [Int32](repeating: 0, count: valueCount)
        guard valueCount > 0 else { return TimestampColumn(seconds: spread(seconds, present, zero: 0), nanoseconds: spread(nanoseconds, present, zero: 0)) }

        // The encoded nanoseconds need 64 bits, so they decode in pieces through a small buffer.
        var decoder = try requiredStream(.secondary, column: column)
        try decoder.checkPlausible(count: valueCount, density: .integerRLE)
        let version2 = try usesVersion2(column)
        var encoded = [Int64](repeating: 0, count: min(valueCount, 4096))
        var start = 0
        while start < valueCount {
            let pieceCount = min(encoded.count, valueCount - start)
            try encoded.withUnsafeMutableBufferPointer { encoded in
                let piece = UnsafeMutableBufferPointer(rebasing: encoded[0..<pieceCount])
                try decoder.readIntegers(into: piece, signed: false, version2: version2)
                try seconds.withUnsafeMutableBufferPointer { seconds in
                    try nanoseconds.withUnsafeMutableBufferPointer { nanoseconds in
                        for offset in 0..<pieceCount {
                            guard let nanos = TimestampConverter.decodeNanoseconds(piece[offset]) else {
                                throw OrcError.corrupt("encoded nanoseconds \(piece[offset]) of value \(start + offset) are outside ±999,999,999")
                            }
                            let index = start + offset
                            (seconds[index], nanoseconds[index]) = converter.epochTime(stored: seconds[index], nanoseconds: nanos)
                        }
                    }
                }
            }
            start += pieceCount
        }
        try decoder.checkNoPendingValues()
        return TimestampColumn(seconds: spread(seconds, present, zero: 0), nanoseconds: spread(nanoseconds, present, zero: 0))
    }

    /// Reads a decimal column: DATA contains unbounded zigzag varints, SECONDARY each value's scale,
    /// and values are rescaled to the column's scale (rounding half away from zero).
    func readDecimals(_ type: OrcType, valueCount: Int, present: [Bool]?) throws -> DecimalColumn {
        let column = type.columnId
        let targetScale = type.scale ?? 10
        let precision = type.precision ?? 38
        guard (0...38).contains(targetScale) else {
            throw OrcError.corrupt("decimal scale \(targetScale) is outside 0...38")
        }
        // Files of the pre-release format 1.9999 store decimals of up to 18 digits as RLE v2
        // signed integers at the column's scale, without a SECONDARY stream, as DECIMAL_64 does.
        // The Java writer marks such columns DIRECT, so the encoding cannot choose the RLE version.
        let isPreRelease2 = context.reader.postScript.version == [1, 9999]
        if try encoding(of: column) == .decimal64 || (isPreRelease2 && precision <= 18) {
            let count = present?.count ?? valueCount
            let values = try readIntegerSlots(.data, column: column, rows: count, valueCount: valueCount, present: present, signed: true, forceVersion2: true)
            return DecimalColumn(values: values.map { Int128($0) }, precision: precision, scale: targetScale)
        }
        var unscaled: [Int128] = []
        if valueCount > 0 {
            var data = try requiredStream(.data, column: column)
            try data.checkPlausible(count: valueCount, density: .varint)
            unscaled = [Int128](repeating: 0, count: valueCount)
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
