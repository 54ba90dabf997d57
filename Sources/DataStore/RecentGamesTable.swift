import Strategies

/// The latest N games of every player, ordered by (action time, position), in flat arrays.
///
/// This is the per-worker state of the columnar engine. A player gets a dense slot the first time
/// they appear. User ids in `0..<denseIDLimit` find their slot through a flat lookup table, other ids
/// through a dictionary. Each slot owns `capacity` consecutive entries that form a ring sorted from
/// oldest to newest, so the usual case, a game newer than all kept ones, is an O(1) overwrite.
/// Memory is O(players × N) plus 4 bytes per id below the largest dense id seen.
public struct RecentGamesTable: Sendable {
    /// One kept game: its time and its position shifted left by one, with the loss flag in bit 0.
    ///
    /// Positions are unique, so comparing the tagged positions orders games exactly as the positions do.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var time: Int64
        @usableFromInline var taggedPosition: Int64

        @inlinable
        init(time: Int64, taggedPosition: Int64) {
            self.time = time
            self.taggedPosition = taggedPosition
        }

        @inlinable
        func isAfter(_ other: Entry) -> Bool {
            time > other.time || (time == other.time && taggedPosition > other.taggedPosition)
        }

        @inlinable
        var isLoss: Bool { taggedPosition & 1 == 1 }
    }

    // The ring of one slot: `count` entries starting at `head`, oldest first. It also keeps a copy
    // of the newest entry and, once full, the oldest time, because most inserts compare only against
    // those two and the rings of all players stay in cache far better than their entries.
    @usableFromInline
    struct Ring: Sendable {
        @usableFromInline var head: Int32 = 0
        @usableFromInline var count: Int32 = 0
        @usableFromInline var oldestTime: Int64 = .min
        @usableFromInline var newest = Entry(time: 0, taggedPosition: 0)

        @inlinable
        init() {}
    }

    /// User ids below this bound use the flat lookup table; larger or negative ids use a dictionary.
    public static let denseIDLimit: Int64 = 1 << 24

    /// The number of latest games kept per player (N).
    public let capacity: Int
    /// The number of rows recorded, over all batches and merged tables.
    public private(set) var rowsRead = 0

    @usableFromInline var denseSlots: ContiguousArray<Int32> = []
    @usableFromInline var sparseSlots: [Int64: Int32] = [:]
    @usableFromInline var userIDs: ContiguousArray<Int64> = []
    @usableFromInline var rings: ContiguousArray<Ring> = []
    @usableFromInline var entries: ContiguousArray<Entry> = []
    @usableFromInline var slotScratch: ContiguousArray<Int32> = []

    /// Creates an empty table that keeps the latest `capacity` games of each player.
    public init(capacity: Int) {
        precondition(capacity >= 1, "the table keeps at least one game per player")
        self.capacity = capacity
    }

    /// The number of distinct players recorded.
    public var userCount: Int { userIDs.count }

    /// Returns the slot of `userID`, creating it on first sight.
    @usableFromInline
    mutating func slot(for userID: Int64) -> Int32 {
        if userID >= 0 && userID < Int64(denseSlots.count) {
            let slot = denseSlots[Int(userID)]
            if slot >= 0 { return slot }
        }
        return makeSlot(for: userID)
    }

    @usableFromInline
    mutating func makeSlot(for userID: Int64) -> Int32 {
        let isDense = userID >= 0 && userID < Self.denseIDLimit
        if isDense {
            growDenseSlots(toInclude: userID)
            let existing = denseSlots[Int(userID)]
            if existing >= 0 { return existing }
        } else if let existing = sparseSlots[userID] {
            return existing
        }

        let slot = Int32(userIDs.count)
        userIDs.append(userID)
        rings.append(Ring())
        entries.append(contentsOf: repeatElement(Entry(time: 0, taggedPosition: 0), count: capacity))
        if isDense {
            denseSlots[Int(userID)] = slot
        } else {
            sparseSlots[userID] = slot
        }
        return slot
    }

    /// Records every complete row of a batch with the user, time and result columns.
    ///
    /// - Complexity: O(rows) for rows newer than the kept games of their player, O(N) per other row.
    public mutating func record(_ batch: ActionBatch) {
        guard batch.count > 0 else { return }
        precondition(batch.userIDs.count == batch.count && batch.actionTimes.count == batch.count
                     && batch.results.count == batch.count,
                     "the columnar engine needs the user, time and result columns")

        assignSlots(batch)
        var recorded = 0
        let capacity = self.capacity
        slotScratch.withUnsafeBufferPointer { slots in
        batch.actionTimes.withUnsafeBufferPointer { times in
        batch.results.withUnsafeBufferPointer { results in
        rings.withUnsafeMutableBufferPointer { rings in
        entries.withUnsafeMutableBufferPointer { entries in
            let taggedBase = batch.firstPosition << 1
            for row in 0..<batch.count {
                let slot = slots[row]
                if slot < 0 { continue }
                let tagged = (taggedBase + Int64(row) << 1) | (results[row] < 0 ? 1 : 0)
                Self.insert(Entry(time: times[row], taggedPosition: tagged),
                            ring: &rings[Int(slot)],
                            entries: entries.baseAddress! + Int(slot) * capacity,
                            capacity: capacity)
                recorded += 1
            }
        }
        }
        }
        }
        }
        rowsRead += recorded
    }

    // Fills `slotScratch` with each row's slot, or -1 for a row with a null detection column.
    @usableFromInline
    mutating func assignSlots(_ batch: ActionBatch) {
        growDenseSlots(toInclude: batch.userIDs.max() ?? 0)
        slotScratch.removeAll(keepingCapacity: true)
        slotScratch.append(contentsOf: repeatElement(-1, count: batch.count))

        var missing = false
        batch.userIDs.withUnsafeBufferPointer { ids in
            denseSlots.withUnsafeBufferPointer { dense in
                slotScratch.withUnsafeMutableBufferPointer { slots in
                    let denseCount = Int64(dense.count)
                    for row in 0..<ids.count {
                        let id = ids[row]
                        let slot = id >= 0 && id < denseCount ? dense[Int(id)] : -1
                        slots[row] = slot
                        if slot < 0 { missing = true }
                    }
                }
            }
        }

        // Rows of players seen for the first time, sparse ids and null rows take the slow path.
        guard missing || batch.isComplete != nil else { return }
        for row in 0..<batch.count {
            if let isComplete = batch.isComplete, !isComplete[row] {
                slotScratch[row] = -1
            } else if slotScratch[row] < 0 {
                slotScratch[row] = slot(for: batch.userIDs[row])
            }
        }
    }

    mutating func growDenseSlots(toInclude userID: Int64) {
        guard userID >= Int64(denseSlots.count), userID < Self.denseIDLimit else { return }
        let newCount = min(Self.denseIDLimit, max(userID + 1, Int64(denseSlots.count) * 2))
        denseSlots.append(contentsOf: repeatElement(-1, count: Int(newCount) - denseSlots.count))
    }

    // Inserts a game into one player's ring of at most `capacity` entries, oldest first.
    @inlinable @inline(__always)
    static func insert(_ entry: Entry, ring: inout Ring, entries: UnsafeMutablePointer<Entry>, capacity: Int) {
        let head = Int(ring.head)
        let count = Int(ring.count)
        if count == 0 {
            entries[head] = entry
            ring.count = 1
            ring.newest = entry
            return
        }

        if entry.isAfter(ring.newest) {
            if count < capacity {
                var index = head + count
                if index >= capacity { index -= capacity }
                entries[index] = entry
                ring.count += 1
                if count + 1 == capacity { ring.oldestTime = entries[head].time }
            } else {
                entries[head] = entry
                let newHead = head + 1 == capacity ? 0 : head + 1
                ring.head = Int32(newHead)
                ring.oldestTime = entries[newHead].time
            }
            ring.newest = entry
            return
        }
        if count == capacity && entry.time < ring.oldestTime { return }
        insertOutOfOrder(entry, ring: &ring, entries: entries, capacity: capacity)
    }

    // The game is older than the newest kept one, so it is sorted into place. This happens for
    // every game of a part file read after a later one, so it avoids divisions: ring indices wrap
    // by one subtraction.
    @usableFromInline @inline(never)
    static func insertOutOfOrder(_ entry: Entry, ring: inout Ring, entries: UnsafeMutablePointer<Entry>,
                                 capacity: Int) {
        var head = Int(ring.head)
        var count = Int(ring.count)
        if count == capacity {
            guard entry.isAfter(entries[head]) else { return }
            head = head + 1 == capacity ? 0 : head + 1
            count -= 1
        }

        // Shift the kept games newer than `entry` one step toward the newest end.
        var index = head + count
        if index >= capacity { index -= capacity }
        while index != head {
            let previous = index == 0 ? capacity - 1 : index - 1
            guard entries[previous].isAfter(entry) else { break }
            entries[index] = entries[previous]
            index = previous
        }
        entries[index] = entry
        ring.head = Int32(head)
        ring.count = Int32(count + 1)
        if count + 1 == capacity { ring.oldestTime = entries[head].time }
    }

    /// Adds the kept games of `other` to this table, as if this table had read its rows too.
    ///
    /// The result does not depend on which table read which rows, because games are ordered by
    /// (time, position), a total order.
    ///
    /// - Complexity: O(players of `other` × N).
    public mutating func merge(_ other: RecentGamesTable) {
        precondition(other.capacity == capacity, "merged tables keep the same number of games")
        for otherSlot in 0..<other.userIDs.count {
            let slot = Int(slot(for: other.userIDs[otherSlot]))
            let ring = other.rings[otherSlot]
            for index in 0..<Int(ring.count) {
                let entry = other.entries[otherSlot * capacity + (Int(ring.head) + index) % capacity]
                entries.withUnsafeMutableBufferPointer { entries in
                    Self.insert(entry, ring: &rings[slot], entries: entries.baseAddress! + slot * capacity,
                                capacity: capacity)
                }
            }
        }
        rowsRead += other.rowsRead
    }

    /// Applies the rule to every player and returns the result, flagged players sorted by user id.
    ///
    /// - Complexity: O(players × N + flagged × log flagged).
    public func evaluate(_ rule: LossRatioRule) -> DetectionResult {
        var flagged: [FlaggedUser] = []
        for slot in 0..<userIDs.count {
            let ring = rings[slot]
            let games = Int(ring.count)
            var losses = 0
            var newest = entries[slot * capacity + Int(ring.head)]
            for index in 0..<games {
                let entry = entries[slot * capacity + (Int(ring.head) + index) % capacity]
                if entry.isLoss { losses += 1 }
                newest = entry
            }
            if rule.isFlagged(losses: losses, games: games) {
                flagged.append(FlaggedUser(userID: userIDs[slot], losses: losses, games: games,
                                           lastActionTime: newest.time))
            }
        }
        flagged.sort { $0.userID < $1.userID }
        return DetectionResult(rowsRead: rowsRead, usersSeen: userIDs.count, flagged: flagged)
    }
}
