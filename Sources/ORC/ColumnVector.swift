/// The values of one column for a run of rows, with an optional null mask.
///
/// Every vector has one slot per row, nulls included: a null row contains zero, an empty string or
/// an empty list in `values`, and `present[row]` is false. Children of a struct have the parent's
/// row count. List and map children contain the elements, and union children only their variant's
/// rows. The reader fills these vectors and the writer consumes the same types.
public struct ColumnVector: Sendable {
    /// The number of rows.
    public var count: Int

    /// Whether each row has a value, or nil when no row in this vector is null.
    public var present: [Bool]?

    /// The values, shaped by the column's type.
    public var values: ColumnValues

    /// Makes a vector from its values and null mask.
    ///
    /// - Parameters:
    ///   - count: The number of rows, which must match the value storage.
    ///   - present: The null mask with `count` entries, or nil when nothing is null.
    ///   - values: The values, one slot per row.
    public init(count: Int, present: [Bool]? = nil, values: ColumnValues) {
        precondition(present == nil || present!.count == count, "the null mask has \(present!.count) entries for \(count) rows")
        self.count = count
        self.present = present
        self.values = values
    }

    /// Returns whether the row is null.
    @inlinable
    public func isNull(_ row: Int) -> Bool {
        guard let present else { return false }
        return !present[row]
    }

    /// The number of null rows.
    ///
    /// - Complexity: O(n) when the vector has a null mask.
    public var nullCount: Int {
        guard let present else { return 0 }
        return present.reduce(0) { $0 + ($1 ? 0 : 1) }
    }
}

/// The storage of a column vector, one case per family of ORC types.
public indirect enum ColumnValues: Sendable {
    /// `boolean` values.
    case boolean([Bool])
    /// `tinyint`, `smallint`, `int` and `bigint` values, widened to 64 bits.
    case integer([Int64])
    /// `float` values.
    case float([Float])
    /// `double` values.
    case double([Double])
    /// `string`, `varchar`, `char` and `binary` values.
    case bytes(BytesColumn)
    /// `timestamp` and `timestamp with local time zone` values.
    case timestamp(TimestampColumn)
    /// `date` values in days since 1970-01-01.
    case date([Int32])
    /// `decimal` values.
    case decimal(DecimalColumn)
    /// `struct` fields in schema order, each with the struct's row count.
    case `struct`([ColumnVector])
    /// `array` values.
    case list(ListColumn)
    /// `map` values.
    case map(MapColumn)
    /// `uniontype` values.
    case union(UnionColumn)
}

/// Variable-length values stored back to back in one byte buffer.
public struct BytesColumn: Sendable {
    /// The UTF-8 text or binary data of all rows, concatenated.
    public var bytes: [UInt8]

    /// The `count + 1` offsets, so that row `i` spans `bytes[offsets[i]..<offsets[i + 1]]`.
    public var offsets: [Int]

    /// Makes a column from concatenated bytes and `count + 1` offsets starting at 0.
    public init(bytes: [UInt8], offsets: [Int]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "offsets must run from 0 to bytes.count")
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Makes a column from strings, one per row.
    public init(strings: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        offsets.reserveCapacity(strings.count + 1)
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// The number of rows.
    public var count: Int { offsets.count - 1 }

    /// Returns the byte range of a row within `bytes`.
    @inlinable
    public func range(at row: Int) -> Range<Int> {
        offsets[row]..<offsets[row + 1]
    }

    /// Returns a row's bytes as a new array.
    public func bytes(at row: Int) -> [UInt8] {
        Array(bytes[range(at: row)])
    }

    /// Returns a row decoded as UTF-8, with invalid sequences replaced.
    public func string(at row: Int) -> String {
        String(decoding: bytes[range(at: row)], as: UTF8.self)
    }
}

/// Timestamps as whole seconds since 1970-01-01 00:00:00 UTC and a nanosecond part.
///
/// For `timestamp` columns the seconds are the wall-clock time the writer stored, read as if it
/// were UTC; for `timestamp with local time zone` they are the instant in UTC.
public struct TimestampColumn: Sendable {
    /// Seconds since the epoch, rounded toward negative infinity.
    public var seconds: [Int64]

    /// The nanoseconds after `seconds`, 0 to 999,999,999.
    public var nanoseconds: [Int32]

    /// Makes a column from parallel seconds and nanoseconds arrays.
    public init(seconds: [Int64], nanoseconds: [Int32]) {
        precondition(seconds.count == nanoseconds.count, "seconds and nanoseconds must have the same count")
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}

/// Decimals as unscaled 128-bit integers with one scale for the column.
public struct DecimalColumn: Sendable {
    /// The unscaled values: the decimal is `values[i] / 10^scale`.
    public var values: [Int128]

    /// The total number of digits the column allows.
    public var precision: Int

    /// The number of digits after the point.
    public var scale: Int

    /// Makes a column from unscaled values and the column's precision and scale.
    public init(values: [Int128], precision: Int, scale: Int) {
        self.values = values
        self.precision = precision
        self.scale = scale
    }

    /// Returns a row as a decimal string with exactly `scale` digits after the point.
    public func string(at row: Int) -> String {
        Self.format(values[row], scale: scale)
    }

    /// Formats an unscaled value with exactly `scale` digits after the point, such as `-12.50`.
    public static func format(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let pointIndex = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<pointIndex] + "." + digits[pointIndex...]
    }
}

/// Lists as offsets into one vector of elements.
public struct ListColumn: Sendable {
    /// The `count + 1` offsets, so that row `i` is `elements` rows `offsets[i]..<offsets[i + 1]`.
    public var offsets: [Int]

    /// The elements of all lists, back to back.
    public var elements: ColumnVector

    /// Makes a column from `count + 1` offsets and the element vector.
    public init(offsets: [Int], elements: ColumnVector) {
        self.offsets = offsets
        self.elements = elements
    }
}

/// Maps as offsets into parallel key and value vectors.
public struct MapColumn: Sendable {
    /// The `count + 1` offsets, so that row `i` is entries `offsets[i]..<offsets[i + 1]`.
    public var offsets: [Int]

    /// The keys of all maps, back to back.
    public var keys: ColumnVector

    /// The values of all maps, parallel to `keys`.
    public var values: ColumnVector

    /// Makes a column from `count + 1` offsets and the key and value vectors.
    public init(offsets: [Int], keys: ColumnVector, values: ColumnVector) {
        self.offsets = offsets
        self.keys = keys
        self.values = values
    }
}

/// Unions as a variant tag per row and an index into that variant's vector.
public struct UnionColumn: Sendable {
    /// The variant of each row, or 0 for a null row.
    public var tags: [UInt8]

    /// The row within `variants[tags[i]]` that contains row `i`'s value, or 0 for a null row.
    public var offsets: [Int]

    /// One vector per variant, holding only the rows of that variant.
    public var variants: [ColumnVector]

    /// Makes a column from tags, per-row offsets into the variants, and the variant vectors.
    public init(tags: [UInt8], offsets: [Int], variants: [ColumnVector]) {
        self.tags = tags
        self.offsets = offsets
        self.variants = variants
    }
}

/// The rows of one stripe for the selected columns.
public struct ColumnBatch: Sendable {
    /// The type of `root`: the file schema restricted to the selected columns.
    public var schema: OrcType

    /// For each column of `schema` in pre-order, its column id in the file.
    public var fileColumnIds: [Int]

    /// The number of rows.
    public var rowCount: Int { root.count }

    /// The values of the root column, usually a struct.
    public var root: ColumnVector

    /// Makes a batch from a schema, the file column id of each of its nodes and the root vector.
    public init(schema: OrcType, fileColumnIds: [Int], root: ColumnVector) {
        self.schema = schema
        self.fileColumnIds = fileColumnIds
        self.root = root
    }

    /// Returns the vector of a top-level struct field, or nil when the field was not selected.
    public func column(named name: String) -> ColumnVector? {
        guard case .struct(let fields) = root.values, let index = schema.fieldNames.firstIndex(of: name) else {
            return nil
        }
        return fields[index]
    }
}
