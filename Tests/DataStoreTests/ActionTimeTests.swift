import DataStore
import Testing

@Suite("Action time text")
struct ActionTimeTests {
    @Test("parses the accepted forms", arguments: [
        ("1970-01-01 00:00:00", Int64(0)),
        ("1970-01-01T00:00:01Z", Int64(1_000_000_000)),
        ("2026-01-01 00:00:00.5", Int64(1_767_225_600_500_000_000)),
        ("2026-01-01T01:00:00+01:00", Int64(1_767_225_600_000_000_000)),
        ("2024-02-29 23:59:59.123456789", Int64(1_709_251_199_123_456_789)),
        ("1969-12-31 23:59:59.999", Int64(-1_000_000)),
    ])
    func parses(text: String, nanoseconds: Int64) {
        #expect(ActionTime.parse(text) == nanoseconds)
    }

    @Test("rejects malformed times", arguments: [
        "2026-13-01 00:00:00", "2023-02-29 00:00:00", "2026-01-01", "2026-01-01 24:00:00",
        "2026-01-01 00:00:00.", "2026-01-01 00:00:00.1234567890", "2026-01-01 00:00:00 ", "yesterday",
    ])
    func rejects(text: String) {
        #expect(ActionTime.parse(text) == nil)
    }

    @Test("formats back to text")
    func formats() {
        #expect(ActionTime.format(0) == "1970-01-01 00:00:00")
        #expect(ActionTime.format(1_767_225_600_500_000_000) == "2026-01-01 00:00:00.500")
        #expect(ActionTime.format(-1_000) == "1969-12-31 23:59:59.999999")
        #expect(ActionTime.format(1_709_251_199_123_456_789) == "2024-02-29 23:59:59.123456789")
    }
}
