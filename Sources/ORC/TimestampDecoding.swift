import Foundation

/// Converts stored timestamp seconds into epoch seconds, as the ORC specification's
/// "Timestamp Columns" section defines them.
///
/// A `timestamp` stores seconds since 2015-01-01 00:00:00 in the writer's time zone, computed
/// from the UTC instant of the writer's wall-clock time. This converter rebuilds that instant and
/// returns the wall-clock time the writer saw, expressed as if it were UTC, so the value reads the
/// same in every zone. A `timestamp with local time zone` stores seconds since 2015-01-01 UTC and
/// converts to the UTC instant.
final class TimestampConverter {
    /// 2015-01-01 00:00:00 UTC in seconds since the epoch.
    static let orcEpoch: Int64 = 1_420_070_400

    private let zone: TimeZone?
    private let zoneBase: Int64
    private static let cacheSize = 4096
    private var cachedBuckets: [Int64] = []
    private var cachedOffsets: [Int64] = []
    private var lastBucket: Int64 = .min
    private var lastOffset: Int64 = 0

    /// Creates a converter for the writer's zone of one stripe.
    ///
    /// - Parameters:
    ///   - writerTimezone: The stripe footer's zone name. Nil, UTC and GMT need no offsets.
    ///   - isInstant: Whether the column is `timestamp with local time zone`.
    /// - Throws: `OrcError` when the zone name is unknown to the system time zone database.
    init(writerTimezone: String?, isInstant: Bool) throws {
        let utcNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT"]
        guard !isInstant, let name = writerTimezone, !name.isEmpty, !utcNames.contains(name) else {
            zone = nil
            zoneBase = Self.orcEpoch
            return
        }
        guard let zone = TimeZone(identifier: name) else {
            throw OrcError.unsupported("unknown writer time zone '\(name)'; install the tzdata package that defines it")
        }
        self.zone = zone
        cachedBuckets = [Int64](repeating: .min, count: Self.cacheSize)
        cachedOffsets = [Int64](repeating: 0, count: Self.cacheSize)
        let offset2015 = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.orcEpoch))))
        zoneBase = Self.orcEpoch - offset2015
    }

    /// Returns epoch seconds and nanoseconds (0 to 999,999,999) for stored seconds and the
    /// decoded nanoseconds.
    @inline(__always)
    func epochTime(stored: Int64, nanoseconds: Int64) -> (seconds: Int64, nanoseconds: Int32) {
        var instant = stored &+ zoneBase
        var nanos = nanoseconds
        if nanos < 0 {
            // The C++ writer behind pyarrow stores instants before 1970 as seconds truncated
            // toward zero and negative nanoseconds, which normalize to the second before.
            instant &-= 1
            nanos += 1_000_000_000
        } else if instant < 0, nanos > 999_999 {
            // The Java writer also truncates toward zero but stores the positive fraction, so an
            // instant before 1970 with at least a millisecond of fraction is one second too late.
            instant &-= 1
        }
        let seconds = zone == nil ? instant : instant &+ offset(at: instant)
        return (seconds, Int32(truncatingIfNeeded: nanos))
    }

    // Offsets are cached per 1,024-second bucket. A bucket whose first and last second have the
    // same offset has no transition inside, since zones never change twice within 17 minutes.
    // In a bucket with a transition, every value looks its offset up in the zone.
    private func offset(at instant: Int64) -> Int64 {
        let bucket = instant >> 10
        if bucket == lastBucket { return lastOffset }
        let slot = Int(truncatingIfNeeded: bucket) & (Self.cacheSize - 1)
        if cachedBuckets[slot] == bucket {
            lastBucket = bucket
            lastOffset = cachedOffsets[slot]
            return lastOffset
        }

        let first = zoneOffset(at: bucket &<< 10)
        guard first == zoneOffset(at: (bucket &<< 10) &+ 1023) else { return zoneOffset(at: instant) }
        cachedBuckets[slot] = bucket
        cachedOffsets[slot] = first
        lastBucket = bucket
        lastOffset = first
        return first
    }

    private func zoneOffset(at instant: Int64) -> Int64 {
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
    }

    /// Decodes the SECONDARY stream form of nanoseconds: the low 3 bits give the number of
    /// trailing decimal zeros removed minus one (0 means none), the rest the remaining digits.
    ///
    /// - Returns: Nanoseconds from -999,999,999 to 999,999,999, or nil when out of that range.
    ///   Negative values come from writers that store instants before 1970 with a negative fraction.
    @inline(__always)
    static func decodeNanoseconds(_ encoded: Int64) -> Int64? {
        let zeros = encoded & 7
        var value = encoded >> 3
        if zeros != 0 {
            for _ in 0...zeros {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = product
            }
        }
        guard value > -1_000_000_000, value < 1_000_000_000 else { return nil }
        return value
    }
}
