/// Conversions between day counts since 1970-01-01 and proleptic Gregorian calendar dates,
/// and the text forms that ORC tools print.
public enum CivilTime {
    /// Returns the year, month (1...12) and day (1...31) of a day count since 1970-01-01.
    ///
    /// The computation shifts the year to start in March, so the leap day falls last, and
    /// counts 400-year eras of 146,097 days.
    public static func date(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        let month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Returns the day count since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int64, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Formats a day count as `YYYY-MM-DD`.
    public static func formatDate(days: Int64) -> String {
        let (year, month, day) = date(fromDays: days)
        return pad(year, 4) + "-" + pad(Int64(month), 2) + "-" + pad(Int64(day), 2)
    }

    /// Formats epoch seconds and nanoseconds as `YYYY-MM-DD HH:MM:SS.f`, with the fraction's
    /// trailing zeros dropped but at least one digit, as the reference tools print timestamps.
    public static func formatTimestamp(seconds: Int64, nanoseconds: Int32) -> String {
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (wholeDays, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        var fraction = pad(Int64(nanoseconds), 9)
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return formatDate(days: wholeDays) + " " + pad(second / 3600, 2) + ":" + pad(second / 60 % 60, 2) + ":"
            + pad(second % 60, 2) + "." + fraction
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
