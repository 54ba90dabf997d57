/// A table written as comma-separated values (RFC 4180): a header row, then data rows, with
/// CRLF-free `\n` line ends.
public struct CSVTable: Sendable {
    /// The column names.
    public var header: [String]
    /// The data rows; each has as many cells as the header.
    public private(set) var rows: [[String]] = []

    /// Creates an empty table with the given columns.
    public init(header: [String]) {
        self.header = header
    }

    /// Appends a row; traps when the cell count differs from the header's.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has \(row.count) cells for \(header.count) columns")
        rows.append(row)
    }

    /// The table as text, quoting cells that contain a comma, a quote or a line break.
    ///
    /// - Complexity: O(total length of the cells).
    public func render() -> String {
        var text = ""
        for row in [header] + rows {
            text += row.map(Self.escape).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// Returns a cell quoted when RFC 4180 requires it, with inner quotes doubled.
    public static func escape(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Returns a number as a CSV cell: the shortest text that reads back as the same double, or
    /// an empty cell for nil.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return "\(value)"
    }
}
