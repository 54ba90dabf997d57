import ORC

/// Compares one row of a column vector with the reference reader's JSON value, by value:
/// integers and floating-point numbers after parsing, decimals digit by digit, timestamps and
/// dates as their `YYYY-MM-DD HH:MM:SS.f` text, binary as byte arrays.
enum ExpectedValueComparison {
    /// Returns nil when the row matches, else a description of the first difference and its path.
    static func mismatch(_ vector: ColumnVector, type: OrcType, row: Int, expected: RawJSON, path: String = "$") -> String? {
        if vector.isNull(row) {
            return expected == .null ? nil : "\(path): read null, expected \(expected)"
        }
        if expected == .null {
            return "\(path): read a value, expected null"
        }
        switch (vector.values, expected) {
        case let (.boolean(values), .bool(flag)):
            return values[row] == flag ? nil : "\(path): read \(values[row]), expected \(flag)"
        case let (.integer(values), .number(text)):
            return Int64(text) == values[row] ? nil : "\(path): read \(values[row]), expected \(text)"
        case let (.float(values), .number(text)):
            let expectedValue = Float(text)
            let matches = expectedValue == values[row] || (expectedValue?.isNaN == true && values[row].isNaN)
            return matches ? nil : "\(path): read \(values[row]), expected \(text)"
        case let (.double(values), .number(text)):
            let expectedValue = Double(text)
            let matches = expectedValue == values[row] || (expectedValue?.isNaN == true && values[row].isNaN)
            return matches ? nil : "\(path): read \(values[row]), expected \(text)"
        case let (.bytes(column), .string(text)):
            let actual = column.string(at: row)
            return actual == text ? nil : "\(path): read \"\(actual)\", expected \"\(text)\""
        case let (.bytes(column), .array(elements)):
            let actual = column.bytes(at: row).map { RawJSON.number(String($0)) }
            return actual == elements ? nil : "\(path): read bytes \(column.bytes(at: row)), expected \(elements)"
        case let (.timestamp(column), .string(text)):
            let actual = CivilTime.formatTimestamp(seconds: column.seconds[row], nanoseconds: column.nanoseconds[row])
            return actual == text ? nil : "\(path): read \(actual), expected \(text)"
        case let (.date(days), .string(text)):
            let actual = CivilTime.formatDate(days: Int64(days[row]))
            return actual == text ? nil : "\(path): read \(actual), expected \(text)"
        case let (.decimal(column), .number(text)), let (.decimal(column), .string(text)):
            let actual = column.string(at: row)
            return actual == text ? nil : "\(path): read \(actual), expected \(text)"
        case let (.struct(fields), .object(members)):
            guard members.map(\.0) == type.fieldNames else {
                return "\(path): fields \(type.fieldNames), expected \(members.map(\.0))"
            }
            for (index, field) in fields.enumerated() {
                let childPath = path + "." + type.fieldNames[index]
                if let difference = mismatch(field, type: type.children[index], row: row, expected: members[index].1, path: childPath) {
                    return difference
                }
            }
            return nil
        case let (.list(list), .array(elements)):
            let range = list.offsets[row]..<list.offsets[row + 1]
            guard range.count == elements.count else { return "\(path): read \(range.count) elements, expected \(elements.count)" }
            for (position, element) in zip(range, elements) {
                if let difference = mismatch(list.elements, type: type.children[0], row: position, expected: element, path: "\(path)[\(position - range.lowerBound)]") {
                    return difference
                }
            }
            return nil
        case let (.map(map), .array(entries)):
            let range = map.offsets[row]..<map.offsets[row + 1]
            guard range.count == entries.count else { return "\(path): read \(range.count) entries, expected \(entries.count)" }
            for (position, entry) in zip(range, entries) {
                guard case .object(let members) = entry, members.count == 2 else { return "\(path): expected entry \(entry) is not a key and value" }
                let entryPath = "\(path)[\(position - range.lowerBound)]"
                if let difference = mismatch(map.keys, type: type.children[0], row: position, expected: members[0].1, path: entryPath + ".key")
                    ?? mismatch(map.values, type: type.children[1], row: position, expected: members[1].1, path: entryPath + ".value") {
                    return difference
                }
            }
            return nil
        case let (.union(union), .object(members)):
            guard members.count == 2, members[0] == ("tag", .number(String(union.tags[row]))) else {
                return "\(path): read variant \(union.tags[row]), expected \(expected)"
            }
            let tag = Int(union.tags[row])
            return mismatch(union.variants[tag], type: type.children[tag], row: union.offsets[row], expected: members[1].1, path: path + ".value")
        default:
            return "\(path): a \(type) value cannot match expected \(expected)"
        }
    }
}
