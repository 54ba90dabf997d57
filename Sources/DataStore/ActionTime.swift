import ORC

/// Conversion between action times, as nanoseconds since 1970-01-01 00:00:00 UTC, and the text
/// forms that CSV files and reports use.
public enum ActionTime {
    /// Nanoseconds per second.
    public static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// Parses `YYYY-MM-DD HH:MM:SS[.fff]` or the ISO-8601 form `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
    ///
    /// A time without an offset is read as UTC. The fraction may have 1 to 9 digits.
    /// - Returns: Nanoseconds since the Unix epoch, or nil when the text is not such a time.
    public static func parse<Text: StringProtocol>(_ text: Text) -> Int64? {
        var scanner = Scanner(bytes: Array(text.utf8))

        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2),
              scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")),
              let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2) else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }

        var nanoseconds: Int64 = 0
        if scanner.take(UInt8(ascii: ".")) {
            var digitCount = 0
            while let digit = scanner.digit() {
                guard digitCount < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + Int64(digit)
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<9 { nanoseconds *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if scanner.take(UInt8(ascii: "Z")) {
            offsetSeconds = 0
        } else if let sign = scanner.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.index += 1
            guard let offsetHours = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
                  let offsetMinutes = scanner.digits(2), offsetHours < 24, offsetMinutes < 60 else { return nil }
            offsetSeconds = Int64(offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard scanner.isAtEnd else { return nil }

        let days = CivilTime.days(year: Int64(year), month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        return seconds * nanosecondsPerSecond + nanoseconds
    }

    /// Formats a time as `YYYY-MM-DD HH:MM:SS` in UTC, with 3, 6 or 9 fraction digits when needed.
    public static func format(_ time: Int64) -> String {
        let (seconds, nanoseconds) = floorDivide(time, nanosecondsPerSecond)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = CivilTime.date(fromDays: days)

        var text = "\(padded(year, 4))-\(padded(Int64(month), 2))-\(padded(Int64(day), 2)) "
        text += "\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2))"
        if nanoseconds % 1_000_000 == 0 && nanoseconds != 0 {
            text += "." + padded(nanoseconds / 1_000_000, 3)
        } else if nanoseconds % 1000 == 0 && nanoseconds != 0 {
            text += "." + padded(nanoseconds / 1000, 6)
        } else if nanoseconds != 0 {
            text += "." + padded(nanoseconds, 9)
        }
        return text
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // A cursor over the bytes of one time value.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            index += 1
            return Int(byte - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}
