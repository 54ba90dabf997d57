extension StreamDecoder {
    /// Decodes `count` integers of RLE version 1 or 2.
    ///
    /// - Parameters:
    ///   - count: The number of values the column declares for this stream.
    ///   - signed: Whether values are zigzag encoded (signed columns) or plain (lengths, indexes).
    ///   - version2: Whether the column encoding is a `_V2` kind.
    /// - Throws: `OrcError` when the stream ends early, a run overshoots `count` or a header is invalid.
    /// - Complexity: O(count).
    mutating func readIntegers(count: Int, signed: Bool, version2: Bool) throws -> [Int64] {
        try checkPlausible(count: count, density: .integerRLE)
        // The decoder writes all `count` values or throws, so no slot stays uninitialized.
        let values = try [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            try readIntegers(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]), signed: signed, version2: version2)
            initialized = count
        }
        try checkNoPendingValues()
        return values
    }

    /// Throws when the last run read extends past the values the column declares.
    func checkNoPendingValues() throws {
        guard pendingStart == pendingEnd else {
            throw corrupt("the last run has \(pendingEnd - pendingStart) values more than the column declares")
        }
    }

    /// Decodes integers into `out`, resuming inside a run that an earlier call left unfinished,
    /// so a long stream can be read in pieces.
    ///
    /// - Throws: `OrcError` when the stream ends early or a header is invalid.
    /// - Complexity: O(out.count).
    mutating func readIntegers(into out: UnsafeMutableBufferPointer<Int64>, signed: Bool, version2: Bool) throws {
        var produced = 0
        if pendingStart < pendingEnd {
            produced = min(pendingEnd - pendingStart, out.count)
            for index in 0..<produced { out[index] = pending[pendingStart + index] }
            pendingStart += produced
        }
        guard produced < out.count else { return }

        let input = bytes
        var position = self.position
        defer { self.position = position }
        try input.withUnsafeBufferPointer { input in
            while produced < out.count {
                guard position < input.count else {
                    throw corrupt("RLE ends after \(produced) of \(out.count) values")
                }
                guard let runLength = Self.runLength(input, at: position, version2: version2) else {
                    throw corrupt("RLE header is cut off")
                }
                if runLength <= out.count - produced {
                    produced += version2
                        ? try decodeRunV2(input, &position, out, produced: produced, signed: signed)
                        : try decodeRunV1(input, &position, out, produced: produced, signed: signed)
                    continue
                }

                // The run extends past `out`, so decode it aside and keep the rest for the next call.
                var scratch = pending.isEmpty ? [Int64](repeating: 0, count: 512) : pending
                pending = []
                try scratch.withUnsafeMutableBufferPointer { scratch in
                    _ = version2
                        ? try decodeRunV2(input, &position, scratch, produced: 0, signed: signed)
                        : try decodeRunV1(input, &position, scratch, produced: 0, signed: signed)
                }
                pending = scratch
                let take = out.count - produced
                for index in 0..<take { out[produced + index] = scratch[index] }
                produced += take
                pendingStart = take
                pendingEnd = runLength
            }
        }
    }

    // Returns the number of values of the run whose header starts at `position`, or nil when
    // the header is cut off. Every run has at most 512 values.
    private static func runLength(_ input: UnsafeBufferPointer<UInt8>, at position: Int, version2: Bool) -> Int? {
        let header = input[position]
        guard version2 else {
            return header < 128 ? Int(header) + 3 : 256 - Int(header)
        }
        if header >> 6 == 0 { return Int(header & 7) + 3 }
        guard position + 1 < input.count else { return nil }
        return (Int(header & 1) << 8 | Int(input[position + 1])) + 1
    }

    private func readVarint(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < input.count else { throw corrupt("varint runs past the end") }
            let byte = input[position]
            position += 1
            guard shift < 64 else { throw corrupt("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private func decodeRunV1(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ out: UnsafeMutableBufferPointer<Int64>, produced: Int, signed: Bool) throws -> Int {
        let count = out.count
        let header = input[position]
        position += 1
        if header < 128 {
            let run = Int(header) + 3
            guard position < input.count else { throw corrupt("RLE v1 run delta is missing") }
            let delta = Int64(Int8(bitPattern: input[position]))
            position += 1
            let raw = try readVarint(input, &position)
            let base = signed ? decodeZigzag(raw) : Int64(bitPattern: raw)
            guard run <= count - produced else { throw corrupt("RLE v1 run of \(run) values overshoots the \(count) values of the column") }
            var value = base
            for index in produced..<(produced + run) {
                out[index] = value
                value = value &+ delta
            }
            return run
        }
        let literals = 256 - Int(header)
        guard literals <= count - produced else { throw corrupt("RLE v1 literals overshoot the \(count) values of the column") }
        for index in produced..<(produced + literals) {
            let raw = try readVarint(input, &position)
            out[index] = signed ? decodeZigzag(raw) : Int64(bitPattern: raw)
        }
        return literals
    }

    // The 5-bit width codes of RLE v2: codes 0...23 mean 1...24 bits, then 26, 28, 30, 32, 40, 48, 56, 64.
    @inline(__always)
    private static func decodeWidth(_ code: UInt8) -> Int {
        switch code {
        case 0...23: Int(code) + 1
        case 24: 26
        case 25: 28
        case 26: 30
        case 27: 32
        case 28: 40
        case 29: 48
        case 30: 56
        default: 64
        }
    }

    // Rounds a bit width up to one the width table can express, as patch list entries use.
    private static func closestFixedWidth(_ width: Int) -> Int {
        switch width {
        case ...24: max(width, 1)
        case ...26: 26
        case ...28: 28
        case ...30: 30
        case ...32: 32
        case ...40: 40
        case ...48: 48
        case ...56: 56
        default: 64
        }
    }

    private func decodeRunV2(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ out: UnsafeMutableBufferPointer<Int64>, produced: Int, signed: Bool) throws -> Int {
        let count = out.count
        let header = input[position]
        switch header >> 6 {
        case 0:
            // Short repeat: 3 bits of byte width, 3 bits of run length minus 3.
            let width = Int((header >> 3) & 7) + 1
            let run = Int(header & 7) + 3
            guard width < input.count - position else { throw corrupt("RLE v2 short repeat runs past the end") }
            var raw: UInt64 = 0
            for index in 1...width { raw = raw << 8 | UInt64(input[position + index]) }
            position += width + 1
            guard run <= count - produced else { throw corrupt("RLE v2 run of \(run) values overshoots the \(count) values of the column") }
            let value = signed ? decodeZigzag(raw) : Int64(bitPattern: raw)
            for index in produced..<(produced + run) { out[index] = value }
            return run
        case 1:
            guard input.count - position >= 2 else { throw corrupt("RLE v2 direct header is cut off") }
            let width = Self.decodeWidth((header >> 1) & 31)
            let length = (Int(header & 1) << 8 | Int(input[position + 1])) + 1
            position += 2
            guard length <= count - produced else { throw corrupt("RLE v2 run of \(length) values overshoots the \(count) values of the column") }
            let target = UnsafeMutableBufferPointer(rebasing: out[produced..<(produced + length)])
            try unpack(input, &position, width: width, into: target)
            if signed {
                for index in target.indices { target[index] = decodeZigzag(UInt64(bitPattern: target[index])) }
            }
            return length
        case 2:
            return try decodePatchedBase(input, &position, out, produced: produced)
        default:
            return try decodeDelta(input, &position, out, produced: produced, signed: signed)
        }
    }

    // Reads `target.count` big-endian values of `width` bits, padded to a whole byte at the end.
    private func unpack(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, width: Int, into target: UnsafeMutableBufferPointer<Int64>) throws {
        let byteCount = (width * target.count + 7) / 8
        guard byteCount <= input.count - position else { throw corrupt("RLE v2 bit-packed values run past the end") }
        var offset = position
        position += byteCount
        guard let base = input.baseAddress, !target.isEmpty else { return }

        switch width {
        case 8:
            for index in target.indices { target[index] = Int64(base[offset + index]) }
        case 16:
            for index in target.indices {
                let raw = UnsafeRawPointer(base + offset + 2 * index).loadUnaligned(as: UInt16.self)
                target[index] = Int64(UInt16(bigEndian: raw))
            }
        case 32:
            for index in target.indices {
                let raw = UnsafeRawPointer(base + offset + 4 * index).loadUnaligned(as: UInt32.self)
                target[index] = Int64(UInt32(bigEndian: raw))
            }
        case 64:
            for index in target.indices {
                let raw = UnsafeRawPointer(base + offset + 8 * index).loadUnaligned(as: UInt64.self)
                target[index] = Int64(bitPattern: UInt64(bigEndian: raw))
            }
        case 24, 40, 48, 56:
            let widthBytes = width / 8
            for index in target.indices {
                var value: UInt64 = 0
                for byte in 0..<widthBytes { value = value << 8 | UInt64(base[offset + byte]) }
                target[index] = Int64(bitPattern: value)
                offset += widthBytes
            }
        default:
            // Every other width in the table is at most 30 bits, so the accumulator, which keeps
            // fewer than `width` leftover bits plus one new byte at a time, never overflows.
            precondition(width <= 30, "RLE v2 widths above 30 bits are whole bytes")
            let mask: UInt64 = (1 << UInt64(width)) - 1
            var accumulator: UInt64 = 0
            var bits = 0
            for index in target.indices {
                while bits < width {
                    accumulator = accumulator << 8 | UInt64(base[offset])
                    offset += 1
                    bits += 8
                }
                bits -= width
                target[index] = Int64(bitPattern: (accumulator >> UInt64(bits)) & mask)
            }
        }
    }

    private func decodePatchedBase(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ out: UnsafeMutableBufferPointer<Int64>, produced: Int) throws -> Int {
        guard input.count - position >= 4 else { throw corrupt("RLE v2 patched base header is cut off") }
        let first = input[position]
        let width = Self.decodeWidth((first >> 1) & 31)
        let length = (Int(first & 1) << 8 | Int(input[position + 1])) + 1
        let third = input[position + 2]
        let baseWidth = Int(third >> 5) + 1
        let patchWidth = Self.decodeWidth(third & 31)
        let fourth = input[position + 3]
        let gapWidth = Int(fourth >> 5) + 1
        let patchCount = Int(fourth & 31)
        position += 4
        guard length <= out.count - produced else { throw corrupt("RLE v2 run of \(length) values overshoots the \(out.count) values of the column") }
        guard patchWidth + gapWidth <= 64, width + patchWidth <= 64 else {
            throw corrupt("RLE v2 patch of \(patchWidth) bits with a gap of \(gapWidth) bits exceeds 64 bits")
        }

        guard baseWidth <= input.count - position else { throw corrupt("RLE v2 patched base value is cut off") }
        var rawBase: UInt64 = 0
        for index in 0..<baseWidth { rawBase = rawBase << 8 | UInt64(input[position + index]) }
        position += baseWidth
        let signBit: UInt64 = 1 << UInt64(baseWidth * 8 - 1)
        let base = rawBase & signBit != 0 ? 0 &- Int64(bitPattern: rawBase & ~signBit) : Int64(bitPattern: rawBase)

        let target = UnsafeMutableBufferPointer(rebasing: out[produced..<(produced + length)])
        try unpack(input, &position, width: width, into: target)

        let entryWidth = Self.closestFixedWidth(patchWidth + gapWidth)
        var patches = [Int64](repeating: 0, count: patchCount)
        try patches.withUnsafeMutableBufferPointer { entries in
            try unpack(input, &position, width: entryWidth, into: entries)
        }
        let patchMask: UInt64 = patchWidth == 64 ? .max : (1 << UInt64(patchWidth)) - 1
        var index = 0
        for entry in patches {
            let raw = UInt64(bitPattern: entry)
            index += Int(raw >> UInt64(patchWidth))
            let patch = raw & patchMask
            if patch != 0 {
                guard index < length else { throw corrupt("RLE v2 patch gap points past the run of \(length) values") }
                target[index] = Int64(bitPattern: UInt64(bitPattern: target[index]) | patch << UInt64(width))
            }
        }
        for position in target.indices { target[position] = base &+ target[position] }
        return length
    }

    private func decodeDelta(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ out: UnsafeMutableBufferPointer<Int64>, produced: Int, signed: Bool) throws -> Int {
        guard input.count - position >= 2 else { throw corrupt("RLE v2 delta header is cut off") }
        let first = input[position]
        let widthCode = (first >> 1) & 31
        let width = widthCode == 0 ? 0 : Self.decodeWidth(widthCode)
        let length = (Int(first & 1) << 8 | Int(input[position + 1])) + 1
        position += 2
        guard length <= out.count - produced else { throw corrupt("RLE v2 run of \(length) values overshoots the \(out.count) values of the column") }

        let rawBase = try readVarint(input, &position)
        let base = signed ? decodeZigzag(rawBase) : Int64(bitPattern: rawBase)
        let deltaBase = decodeZigzag(try readVarint(input, &position))
        let target = UnsafeMutableBufferPointer(rebasing: out[produced..<(produced + length)])
        target[0] = base
        guard length > 1 else { return length }
        target[1] = base &+ deltaBase
        guard length > 2 else { return length }

        if width == 0 {
            var value = target[1]
            for index in 2..<length {
                value = value &+ deltaBase
                target[index] = value
            }
            return length
        }
        let deltas = UnsafeMutableBufferPointer(rebasing: target[2..<length])
        try unpack(input, &position, width: width, into: deltas)
        var value = target[1]
        if deltaBase < 0 {
            for index in 2..<length {
                value = value &- target[index]
                target[index] = value
            }
        } else {
            for index in 2..<length {
                value = value &+ target[index]
                target[index] = value
            }
        }
        return length
    }
}
