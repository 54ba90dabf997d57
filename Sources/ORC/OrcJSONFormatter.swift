/// Formats rows of a column batch as JSON lines, with the value conventions of the ORC tools.
///
/// A struct root prints as an object keyed by field name and any other root as the bare value.
/// Timestamps print as `YYYY-MM-DD HH:MM:SS.f`, dates as `YYYY-MM-DD`, decimals as numbers with
/// exactly `scale` digits after the point, binary as an array of byte values, maps as arrays of
/// `{"key": ..., "value": ...}` objects, unions as `{"tag": ..., "value": ...}` and null as `null`.
/// Integral floating-point values print without a fraction, and NaN and infinities print as the
/// bare words `NaN`, `Infinity` and `-Infinity`, as Python's `json` module writes them.
public struct OrcJSONFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// Returns one row of the batch as a JSON text without a trailing newline.
    public func format(_ batch: ColumnBatch, row: Int) -> String {
        var output = ""
        append(batch.root, type: batch.schema, row: row, to: &output)
        return output
    }

    /// Appends one row of a vector of the given type to `output`.
    public func append(_ vector: ColumnVector, type: OrcType, row: Int, to output: inout String) {
        guard !vector.isNull(row) else {
            output += "null"
            return
        }
        switch vector.values {
        case .boolean(let values):
            output += values[row] ? "true" : "false"
        case .integer(let values):
            output += String(values[row])
        case .float(let values):
            appendNumber(Double(values[row]), shortest: values[row].description, to: &output)
        case .double(let values):
            appendNumber(values[row], shortest: values[row].description, to: &output)
        case .bytes(let column):
            if type.kind == .binary {
                output += "["
                output += column.bytes[column.range(at: row)].map(String.init).joined(separator: ", ")
                output += "]"
            } else {
                appendString(column.string(at: row), to: &output)
            }
        case .timestamp(let column):
            output += "\""
            output += CivilTime.formatTimestamp(seconds: column.seconds[row], nanoseconds: column.nanoseconds[row])
            output += "\""
        case .date(let days):
            output += "\"" + CivilTime.formatDate(days: Int64(days[row])) + "\""
        case .decimal(let column):
            output += column.string(at: row)
        case .struct(let fields):
            output += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { output += ", " }
                appendString(type.fieldNames[index], to: &output)
                output += ": "
                append(field, type: type.children[index], row: row, to: &output)
            }
            output += "}"
        case .list(let list):
            output += "["
            for element in list.offsets[row]..<list.offsets[row + 1] {
                if element > list.offsets[row] { output += ", " }
                append(list.elements, type: type.children[0], row: element, to: &output)
            }
            output += "]"
        case .map(let map):
            output += "["
            for entry in map.offsets[row]..<map.offsets[row + 1] {
                if entry > map.offsets[row] { output += ", " }
                output += "{\"key\": "
                append(map.keys, type: type.children[0], row: entry, to: &output)
                output += ", \"value\": "
                append(map.values, type: type.children[1], row: entry, to: &output)
                output += "}"
            }
            output += "]"
        case .union(let union):
            let tag = Int(union.tags[row])
            output += "{\"tag\": \(tag), \"value\": "
            append(union.variants[tag], type: type.children[tag], row: union.offsets[row], to: &output)
            output += "}"
        }
    }

    private func appendNumber(_ value: Double, shortest: String, to output: inout String) {
        if value.isNaN {
            output += "NaN"
        } else if value.isInfinite {
            output += value < 0 ? "-Infinity" : "Infinity"
        } else if value == value.rounded(), value.magnitude < 1e15 {
            output += String(Int64(value))
        } else {
            output += shortest
        }
    }

    private func appendString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
