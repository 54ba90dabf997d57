import Foundation
import Testing
@testable import ORC

@Suite("Timestamp converter")
struct TimestampConverterTests {
    @Test("Cached offsets agree with the zone", arguments: ["US/Pacific", "Europe/Moscow", "Australia/Lord_Howe", "Asia/Kolkata"])
    func cachedOffsetsAgreeWithZone(name: String) throws {
        let zone = try #require(TimeZone(identifier: name))
        let converter = try TimestampConverter(writerTimezone: name, isInstant: false)
        let base = TimestampConverter.orcEpoch - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(TimestampConverter.orcEpoch))))
        var generator = SeededGenerator(seed: 1900)

        // Sorted runs exercise the per-bucket reuse and random values the transitions.
        var stored: [Int64] = (0..<3000).map { _ in Int64.random(in: -3_600_000_000...2_000_000_000, using: &generator) }
        stored += (0..<3000).map { Int64($0) * 997 - 40_000_000 }
        for value in stored {
            let instant = value + base
            let expected = instant + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
            #expect(converter.epochTime(stored: value, nanoseconds: 0).seconds == expected, "stored \(value) in \(name)")
        }
    }

    @Test("Instants ignore the writer zone")
    func instantsIgnoreWriterZone() throws {
        let converter = try TimestampConverter(writerTimezone: "US/Pacific", isInstant: true)
        #expect(converter.epochTime(stored: 0, nanoseconds: 5).seconds == TimestampConverter.orcEpoch)
        #expect(converter.epochTime(stored: -TimestampConverter.orcEpoch - 2, nanoseconds: 500_000_000) == (-3, 500_000_000))
        #expect(converter.epochTime(stored: -TimestampConverter.orcEpoch - 1, nanoseconds: -500_000_000) == (-2, 500_000_000))
    }

    @Test("Unknown zone names are rejected")
    func unknownZoneRejected() throws {
        let error = try #require(throws: OrcError.self) { try TimestampConverter(writerTimezone: "Mars/Olympus_Mons", isInstant: false) }
        #expect(error.description.contains("unknown writer time zone 'Mars/Olympus_Mons'"))
    }
}
