import Foundation
import Testing
import ORC

@Suite("Civil time")
struct CivilTimeTests {
    @Test("Days match the Gregorian calendar", arguments: [
        (Int64(0), "1970-01-01"), (-1, "1969-12-31"), (-25_567, "1900-01-01"), (11_016, "2000-02-29"),
        (109_573, "2270-01-01"), (-719_162, "0001-01-01"), (2_932_896, "9999-12-31"),
    ])
    func daysMatchCalendar(days: Int64, text: String) {
        #expect(CivilTime.formatDate(days: days) == text)
        let (year, month, day) = CivilTime.date(fromDays: days)
        #expect(CivilTime.days(year: year, month: month, day: day) == days)
    }

    @Test("Day counts agree with Foundation")
    func dayCountsAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: Int64(-80_000), through: 120_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let (year, month, day) = CivilTime.date(fromDays: days)
            #expect(Int(year) == parts.year, "day \(days)")
            #expect(month == parts.month, "day \(days)")
            #expect(day == parts.day, "day \(days)")
        }
    }

    @Test("Timestamps keep significant fraction digits")
    func timestampFractions() {
        #expect(CivilTime.formatTimestamp(seconds: 0, nanoseconds: 0) == "1970-01-01 00:00:00.0")
        #expect(CivilTime.formatTimestamp(seconds: -1, nanoseconds: 100_000_000) == "1969-12-31 23:59:59.1")
        #expect(CivilTime.formatTimestamp(seconds: 2_114_380_800, nanoseconds: 999_000) == "2037-01-01 00:00:00.000999")
    }
}
