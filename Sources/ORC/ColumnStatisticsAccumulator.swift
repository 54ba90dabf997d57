/// Running column statistics for one row group, stripe or file, as the ORC specification's
/// "Column Statistics" section defines them.
///
/// One accumulator type serves every column kind; each writer updates only the fields of its
/// kind, and `statistics(for:scale:)` emits the message that kind uses.
struct ColumnStatisticsAccumulator {
    /// The number of non-null values.
    var count: UInt64 = 0
    /// Whether any value was null.
    var hasNull = false

    var integerMinimum = Int64.max
    var integerMaximum = Int64.min
    var integerSum: Int64 = 0
    var integerSumOverflowed = false

    var doubleMinimum = Double.infinity
    var doubleMaximum = -Double.infinity
    var doubleSum = 0.0

    /// The byte-wise smallest and largest string or binary value.
    var bytesMinimum: [UInt8]?
    var bytesMaximum: [UInt8]?
    /// The total length of the string or binary values in bytes.
    var lengthSum: Int64 = 0

    var trueCount: UInt64 = 0

    /// The minimum and maximum number of children of one list or map, and the total of all.
    var childrenMinimum = UInt64.max
    var childrenMaximum: UInt64 = 0
    var childrenTotal: UInt64 = 0

    var decimalMinimum = Int128.max
    var decimalMaximum = Int128.min
    var decimalSum: Int128 = 0
    var decimalSumOverflowed = false

    /// The smallest and largest timestamp as (seconds, nanoseconds) since the epoch.
    var timestampMinimum: (seconds: Int64, nanoseconds: Int32) = (.max, 0)
    var timestampMaximum: (seconds: Int64, nanoseconds: Int32) = (.min, 0)

    /// Folds in the statistics of another range of the same column.
    mutating func merge(_ other: ColumnStatisticsAccumulator) {
        count += other.count
        hasNull = hasNull || other.hasNull

        integerMinimum = min(integerMinimum, other.integerMinimum)
        integerMaximum = max(integerMaximum, other.integerMaximum)
        let (sum, overflowed) = integerSum.addingReportingOverflow(other.integerSum)
        integerSum = sum
        integerSumOverflowed = integerSumOverflowed || other.integerSumOverflowed || overflowed

        doubleMinimum = min(doubleMinimum, other.doubleMinimum)
        doubleMaximum = max(doubleMaximum, other.doubleMaximum)
        doubleSum += other.doubleSum

        if let otherMinimum = other.bytesMinimum, bytesMinimum.map({ otherMinimum.lexicographicallyPrecedes($0) }) ?? true {
            bytesMinimum = otherMinimum
        }
        if let otherMaximum = other.bytesMaximum, bytesMaximum.map({ $0.lexicographicallyPrecedes(otherMaximum) }) ?? true {
            bytesMaximum = otherMaximum
        }
        lengthSum &+= other.lengthSum

        trueCount += other.trueCount

        childrenMinimum = min(childrenMinimum, other.childrenMinimum)
        childrenMaximum = max(childrenMaximum, other.childrenMaximum)
        childrenTotal += other.childrenTotal

        decimalMinimum = min(decimalMinimum, other.decimalMinimum)
        decimalMaximum = max(decimalMaximum, other.decimalMaximum)
        let (decimalTotal, decimalOverflowed) = decimalSum.addingReportingOverflow(other.decimalSum)
        decimalSum = decimalTotal
        decimalSumOverflowed = decimalSumOverflowed || other.decimalSumOverflowed || decimalOverflowed

        if other.timestampMinimum < timestampMinimum { timestampMinimum = other.timestampMinimum }
        if other.timestampMaximum > timestampMaximum { timestampMaximum = other.timestampMaximum }
    }

    /// Records a decimal value, tracking overflow of the sum past 38 digits.
    @inline(__always)
    mutating func addDecimal(_ value: Int128) {
        decimalMinimum = min(decimalMinimum, value)
        decimalMaximum = max(decimalMaximum, value)
        let (sum, overflowed) = decimalSum.addingReportingOverflow(value)
        decimalSum = sum
        decimalSumOverflowed = decimalSumOverflowed || overflowed || sum.magnitude >= Self.decimalLimit
    }

    private static let decimalLimit: UInt128 = {
        var limit: UInt128 = 1
        for _ in 0..<38 { limit *= 10 }
        return limit
    }()

    /// Returns the statistics message for a column of the given kind.
    ///
    /// - Parameters:
    ///   - kind: The column's type kind.
    ///   - scale: The scale of a decimal column, used to format its minimum, maximum and sum.
    func statistics(for kind: OrcType.Kind, scale: Int) -> OrcProto.ColumnStatistics {
        var result = OrcProto.ColumnStatistics()
        result.numberOfValues = count
        result.hasNull = hasNull
        let hasValues = count > 0
        switch kind {
        case .boolean:
            var bucket = OrcProto.BucketStatistics()
            bucket.count = [trueCount]
            result.bucketStatistics = bucket
        case .byte, .short, .int, .long:
            var integer = OrcProto.IntegerStatistics()
            if hasValues {
                integer.minimum = integerMinimum
                integer.maximum = integerMaximum
                integer.sum = integerSumOverflowed ? nil : integerSum
            }
            result.intStatistics = integer
        case .float, .double:
            var double = OrcProto.DoubleStatistics()
            if hasValues {
                double.minimum = doubleMinimum
                double.maximum = doubleMaximum
                double.sum = doubleSum.isFinite ? doubleSum : nil
            }
            result.doubleStatistics = double
        case .string, .varchar, .char:
            var string = OrcProto.StringStatistics()
            if hasValues {
                // Like the Java writer, values over 1,024 bytes become truncated bounds.
                if let bytesMinimum {
                    let minimum = String(decoding: bytesMinimum, as: UTF8.self)
                    if bytesMinimum.count > Self.maximumStringBytes {
                        string.lowerBound = Self.prefix(of: minimum)
                    } else {
                        string.minimum = minimum
                    }
                }
                if let bytesMaximum {
                    let maximum = String(decoding: bytesMaximum, as: UTF8.self)
                    if bytesMaximum.count > Self.maximumStringBytes {
                        string.upperBound = Self.incrementedPrefix(of: maximum)
                    } else {
                        string.maximum = maximum
                    }
                }
                string.sum = lengthSum
            }
            result.stringStatistics = string
        case .binary:
            var binary = OrcProto.BinaryStatistics()
            binary.sum = lengthSum
            result.binaryStatistics = binary
        case .decimal:
            var decimal = OrcProto.DecimalStatistics()
            if hasValues {
                decimal.minimum = DecimalColumn.format(decimalMinimum, scale: scale)
                decimal.maximum = DecimalColumn.format(decimalMaximum, scale: scale)
                decimal.sum = decimalSumOverflowed ? nil : DecimalColumn.format(decimalSum, scale: scale)
            }
            result.decimalStatistics = decimal
        case .date:
            var date = OrcProto.DateStatistics()
            if hasValues {
                date.minimum = Int32(truncatingIfNeeded: integerMinimum)
                date.maximum = Int32(truncatingIfNeeded: integerMaximum)
            }
            result.dateStatistics = date
        case .timestamp, .timestampInstant:
            var timestamp = OrcProto.TimestampStatistics()
            if hasValues {
                let minimumMillis = Self.milliseconds(timestampMinimum)
                let maximumMillis = Self.milliseconds(timestampMaximum)
                timestamp.minimum = minimumMillis
                timestamp.maximum = maximumMillis
                timestamp.minimumUtc = minimumMillis
                timestamp.maximumUtc = maximumMillis
                // The nanoseconds below the millisecond, stored plus one so that 0 means absent.
                timestamp.minimumNanos = timestampMinimum.nanoseconds % 1_000_000 + 1
                timestamp.maximumNanos = timestampMaximum.nanoseconds % 1_000_000 + 1
            }
            result.timestampStatistics = timestamp
        case .list, .map:
            var collection = OrcProto.CollectionStatistics()
            if hasValues {
                collection.minChildren = childrenMinimum
                collection.maxChildren = childrenMaximum
                collection.totalChildren = childrenTotal
            }
            result.collectionStatistics = collection
        case .struct, .union:
            break
        }
        return result
    }

    /// The maximum length, in UTF-8 bytes, of a string minimum or maximum kept whole in the statistics.
    static let maximumStringBytes = 1024

    // The longest prefix of whole characters within `maximumStringBytes` bytes: a lower bound.
    private static func prefix(of value: String) -> String {
        var scalars = String.UnicodeScalarView()
        var length = 0
        for scalar in value.unicodeScalars {
            length += UTF8.width(scalar)
            guard length <= maximumStringBytes else { break }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    // The prefix with its last character incremented, which sorts after every string that
    // starts with the prefix: an upper bound.
    private static func incrementedPrefix(of value: String) -> String? {
        var scalars = Array(prefix(of: value).unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }
            if let incremented = Unicode.Scalar(next) {
                scalars.append(incremented)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
        }
        return nil
    }

    private static func milliseconds(_ timestamp: (seconds: Int64, nanoseconds: Int32)) -> Int64 {
        timestamp.seconds &* 1000 &+ Int64(timestamp.nanoseconds / 1_000_000)
    }
}
