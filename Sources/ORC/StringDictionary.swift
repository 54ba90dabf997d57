/// The distinct byte strings of one stripe in insertion order, found by an open-addressing
/// hash table.
struct StringDictionary {
    private let storage = ByteSink(initialCapacity: 1 << 12)
    // Entry `i` spans `storage` bytes `starts[i]..<starts[i + 1]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    // Each slot contains an entry id, or -1 when empty. The slot count is a power of two.
    private var slots = [Int32](repeating: -1, count: 1024)

    /// The number of distinct values.
    var count: Int { hashes.count }

    /// The total length of the distinct values in bytes.
    var byteCount: Int { storage.count }

    /// Returns the id of a value, adding it when it is new.
    ///
    /// - Complexity: O(length) expected.
    @inline(__always)
    mutating func insert(_ value: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        let hash = Self.hash(value, length)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash {
                let start = starts[Int(id)]
                if starts[Int(id) + 1] - start == length
                    && compareBytes(value, length, storage.base + start, length) == 0 {
                    return id
                }
            }
            slot = (slot + 1) & mask
        }

        let id = Int32(hashes.count)
        storage.append(value, count: length)
        starts.append(storage.count)
        hashes.append(hash)
        slots[slot] = id
        if hashes.count * 2 > slots.count {
            grow()
        }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Returns the start and length of an entry's bytes, valid until the next insertion.
    func entry(_ id: Int32) -> (start: UnsafePointer<UInt8>, length: Int) {
        let start = starts[Int(id)]
        return (UnsafePointer(storage.base + start), starts[Int(id) + 1] - start)
    }

    /// Returns a copy of an entry's bytes.
    func bytes(of id: Int32) -> [UInt8] {
        let (start, length) = entry(id)
        return Array(UnsafeBufferPointer(start: start, count: length))
    }

    /// Orders two entries byte-wise: negative, zero or positive.
    func compare(_ left: Int32, _ right: Int32) -> Int {
        let (leftStart, leftLength) = entry(left)
        let (rightStart, rightLength) = entry(right)
        return compareBytes(leftStart, leftLength, rightStart, rightLength)
    }

    /// Returns the entry ids sorted byte-wise, the order of a DICTIONARY_DATA stream.
    ///
    /// - Complexity: O(n log n) comparisons.
    func sortedIds() -> [Int32] {
        var ids = (0..<Int32(count)).map { $0 }
        ids.sort { compare($0, $1) < 0 }
        return ids
    }

    // A multiply-xorshift hash over 8-byte words; good enough for hash table slots.
    @inline(__always)
    private static func hash(_ value: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: length) &* multiplier
        var offset = 0
        let raw = UnsafeRawPointer(value)
        while offset + 8 <= length {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < length {
            tail |= UInt64(value[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        return hash
    }
}
