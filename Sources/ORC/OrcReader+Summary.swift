extension OrcReader {
    /// Returns a multi-line text description of the file: schema, rows, stripes, codec,
    /// writer, format version, file statistics per column and user metadata keys.
    ///
    /// - Complexity: O(stripes + columns).
    public func summary() -> String {
        var lines = [
            "file: \(path)",
            "schema: \(schema)",
            "rows: \(rowCount)",
            "compression: \(compression), block size \(compressionBlockSize)",
            "row index stride: \(rowIndexStride)",
            "format version: \(formatVersion)",
            "writer: \(writerName)" + (softwareVersion.map { " \($0)" } ?? "") + ", writer version \(writerVersion)",
            "content length: \(footer.contentLength ?? 0)",
            "stripes: \(stripes.count)",
        ]
        for (index, stripe) in stripes.enumerated() {
            lines.append("  stripe \(index): offset \(stripe.offset ?? 0), rows \(stripe.numberOfRows ?? 0), index \(stripe.indexLength ?? 0) bytes, data \(stripe.dataLength ?? 0) bytes, footer \(stripe.footerLength ?? 0) bytes")
        }
        lines.append("file statistics:")
        let columns = schema.flattened()
        for (id, statistics) in fileStatistics.enumerated() {
            // Compound types print as their path and kind; their full type string repeats the children.
            var label = "?"
            if id < columns.count {
                let node = columns[id]
                let path = schema.path(ofColumn: id).map { $0.isEmpty ? "root" : $0 } ?? "?"
                let kind = switch node.kind {
                case .struct: "struct"
                case .list: "array"
                case .map: "map"
                case .union: "uniontype"
                default: node.description
                }
                label = "\(path): \(kind)"
            }
            lines.append("  column \(id) (\(label)): " + Self.describe(statistics))
        }
        lines.append("user metadata keys: " + (userMetadata.isEmpty ? "(none)" : userMetadata.map(\.name).joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    /// Returns column statistics as one line, such as `count 10, hasNull false, min 1, max 9, sum 45`.
    public static func describe(_ statistics: OrcProto.ColumnStatistics) -> String {
        var parts = ["count \(statistics.numberOfValues ?? 0)", "hasNull \(statistics.hasNull ?? false)"]
        func add(_ name: String, _ value: (some CustomStringConvertible)?) {
            if let value { parts.append("\(name) \(value)") }
        }
        if let integer = statistics.intStatistics {
            add("min", integer.minimum)
            add("max", integer.maximum)
            add("sum", integer.sum)
        }
        if let double = statistics.doubleStatistics {
            add("min", double.minimum)
            add("max", double.maximum)
            add("sum", double.sum)
        }
        if let string = statistics.stringStatistics {
            add("min", string.minimum.map { "\"\($0)\"" })
            add("max", string.maximum.map { "\"\($0)\"" })
            add("lower bound", string.lowerBound.map { "\"\($0)\"" })
            add("upper bound", string.upperBound.map { "\"\($0)\"" })
            add("total length", string.sum)
        }
        if let bucket = statistics.bucketStatistics, let trueCount = bucket.count.first {
            add("true", trueCount)
        }
        if let decimal = statistics.decimalStatistics {
            add("min", decimal.minimum)
            add("max", decimal.maximum)
            add("sum", decimal.sum)
        }
        if let date = statistics.dateStatistics {
            add("min", date.minimum.map { CivilTime.formatDate(days: Int64($0)) })
            add("max", date.maximum.map { CivilTime.formatDate(days: Int64($0)) })
        }
        if let timestamp = statistics.timestampStatistics {
            add("min", (timestamp.minimumUtc ?? timestamp.minimum).map(Self.formatMilliseconds))
            add("max", (timestamp.maximumUtc ?? timestamp.maximum).map(Self.formatMilliseconds))
        }
        if let binary = statistics.binaryStatistics {
            add("total length", binary.sum)
        }
        if let collection = statistics.collectionStatistics {
            add("min children", collection.minChildren)
            add("max children", collection.maxChildren)
            add("total children", collection.totalChildren)
        }
        return parts.joined(separator: ", ")
    }

    private static func formatMilliseconds(_ milliseconds: Int64) -> String {
        let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = remainder < 0 ? (seconds - 1, remainder + 1000) : (seconds, remainder)
        return CivilTime.formatTimestamp(seconds: wholeSeconds, nanoseconds: Int32(millis * 1_000_000)) + " UTC"
    }
}
