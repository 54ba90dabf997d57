@testable import ORC

/// A seeded table with one column of every type the writer supports, with nulls, extreme
/// values, long and empty strings, timestamps before 1970 and dates before 1900, and integer
/// patterns that exercise every RLE v2 sub-encoding.
struct WriterTestTable {
    /// The schema: a struct of the columns below.
    let schema: OrcType
    /// The root struct vector.
    let root: ColumnVector

    /// The top-level fields and their types, in schema order.
    static let fields: [(name: String, type: OrcType)] = [
        ("flag", OrcType(.boolean)),
        ("tiny", OrcType(.byte)),
        ("small", OrcType(.short)),
        ("medium", OrcType(.int)),
        ("large", OrcType(.long)),
        ("all_null", OrcType(.long)),
        ("single", OrcType(.float)),
        ("real", OrcType(.double)),
        ("game", OrcType(.string)),
        ("label", OrcType(.string)),
        ("payload", OrcType(.binary)),
        ("moment", OrcType(.timestamp)),
        ("day", OrcType(.date)),
        ("price", .decimal(precision: 10, scale: 2)),
        ("amount", .decimal(precision: 38, scale: 6)),
    ]

    /// Makes `rows` rows from `seed`.
    ///
    /// - Parameters:
    ///   - withNestedStruct: Whether to add a struct column with two fields.
    ///   - withCollections: Whether to add a list, a map and a union column.
    init(rows: Int, seed: UInt64, withNestedStruct: Bool = false, withCollections: Bool = false) {
        var generator = SeededGenerator(seed: seed)
        var fields = Self.fields
        if withNestedStruct {
            fields.append(("detail", .struct([("level", OrcType(.int)), ("note", OrcType(.string))])))
        }
        if withCollections {
            fields.append(("scores", .list(OrcType(.long))))
            fields.append(("prices", .map(key: OrcType(.string), value: OrcType(.double))))
            fields.append(("choice", .union([OrcType(.long), OrcType(.string)])))
        }
        schema = .struct(fields)
        var vectors: [ColumnVector] = []
        for (index, field) in fields.enumerated() {
            vectors.append(Self.makeVector(field.type, name: field.name, rows: rows, column: index, generator: &generator))
        }
        root = ColumnVector(count: rows, values: .struct(vectors))
    }

    private static func makeVector(_ type: OrcType, name: String, rows: Int, column: Int, generator: inout SeededGenerator) -> ColumnVector {
        // Every column has nulls at its own rows; all_null has nothing else.
        let present = (0..<rows).map { row in name != "all_null" && (row + column) % 11 != 7 }
        switch type.kind {
        case .boolean:
            return ColumnVector(count: rows, present: present, values: .boolean((0..<rows).map { _ in Bool.random(using: &generator) }))
        case .byte:
            return ColumnVector(count: rows, present: present, values: .integer(integers(rows, range: -128...127, &generator)))
        case .short:
            return ColumnVector(count: rows, present: present, values: .integer(integers(rows, range: -32768...32767, &generator)))
        case .int:
            return ColumnVector(count: rows, present: present, values: .integer(integers(rows, range: Int64(Int32.min)...Int64(Int32.max), &generator)))
        case .long:
            return ColumnVector(count: rows, present: present, values: .integer(integers(rows, range: .min ... .max, &generator)))
        case .float:
            let edges: [Float] = [-0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
            let values = (0..<rows).map { row in row < edges.count ? edges[row] : Float.random(in: -1e6...1e6, using: &generator) }
            return ColumnVector(count: rows, present: present, values: .float(values))
        case .double:
            let edges: [Double] = [-0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
            let values = (0..<rows).map { row in row < edges.count ? edges[row] : Double.random(in: -1e12...1e12, using: &generator) }
            return ColumnVector(count: rows, present: present, values: .double(values))
        case .string where name == "game" || name == "note":
            let pool = ["", "poker", "slots", "blackjack", "roulette", "ünïcödé ✓", String(repeating: "x", count: 3000) + "end"]
            let values = (0..<rows).map { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] }
            return ColumnVector(count: rows, present: present, values: .bytes(BytesColumn(strings: values)))
        case .string:
            let values = (0..<rows).map { row in
                row % 97 == 3 ? String(repeating: "long-\(row)-", count: 700) : row % 13 == 5 ? "" : "user-\(row)-\(generator.next() % 100_000)"
            }
            return ColumnVector(count: rows, present: present, values: .bytes(BytesColumn(strings: values)))
        case .binary:
            let values: [[UInt8]] = (0..<rows).map { row in
                (0..<(row % 17)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
            var bytes: [UInt8] = []
            var offsets = [0]
            for value in values {
                bytes += value
                offsets.append(bytes.count)
            }
            return ColumnVector(count: rows, present: present, values: .bytes(BytesColumn(bytes: bytes, offsets: offsets)))
        case .timestamp:
            return ColumnVector(count: rows, present: present, values: .timestamp(timestamps(rows, &generator)))
        case .date:
            let edges: [Int32] = [-25567, -80000, 0, -1, 80000]
            let values = (0..<rows).map { row in row < edges.count ? edges[row] : Int32.random(in: -80000...80000, using: &generator) }
            return ColumnVector(count: rows, present: present, values: .date(values))
        case .decimal:
            let precision = type.precision ?? 38
            var limit: Int128 = 1
            for _ in 0..<precision { limit *= 10 }
            let values = (0..<rows).map { row -> Int128 in
                switch row {
                case 0: limit - 1
                case 1: -(limit - 1)
                case 2: 0
                default: Int128(truncatingIfNeeded: UInt128(generator.next()) << 64 | UInt128(generator.next())) % limit
                }
            }
            return ColumnVector(count: rows, present: present, values: .decimal(DecimalColumn(values: values, precision: precision, scale: type.scale ?? 0)))
        case .list, .map:
            // Null rows and every fifth row are empty; the others hold up to 6 entries.
            var offsets = [0]
            for row in 0..<rows {
                let length = present[row] && row % 5 != 0 ? Int.random(in: 1...6, using: &generator) : 0
                offsets.append(offsets.last! + length)
            }
            let entries = offsets.last!
            let first = makeVector(type.children[0], name: "\(name).key", rows: entries, column: column + 1, generator: &generator)
            if type.kind == .list {
                return ColumnVector(count: rows, present: present, values: .list(ListColumn(offsets: offsets, elements: first)))
            }
            // Map keys cannot be null; the values keep their nulls.
            let keys = ColumnVector(count: entries, values: first.values)
            let values = makeVector(type.children[1], name: "\(name).value", rows: entries, column: column + 2, generator: &generator)
            return ColumnVector(count: rows, present: present, values: .map(MapColumn(offsets: offsets, keys: keys, values: values)))
        case .union:
            // Every third row is a string; nulls sit inside the variants, as pyarrow's unions
            // have no nulls of their own.
            let tags = (0..<rows).map { UInt8($0 % 3 == 0 ? 1 : 0) }
            var counts = [0, 0]
            var offsets: [Int] = []
            for tag in tags {
                offsets.append(counts[Int(tag)])
                counts[Int(tag)] += 1
            }
            let variants = type.children.enumerated().map { index, child in
                makeVector(child, name: "\(name).\(index)", rows: counts[index], column: column + index + 1, generator: &generator)
            }
            return ColumnVector(count: rows, values: .union(UnionColumn(tags: tags, offsets: offsets, variants: variants)))
        case .struct:
            var fields: [ColumnVector] = []
            for (index, child) in type.children.enumerated() {
                fields.append(makeVector(child, name: type.fieldNames[index], rows: rows, column: column + index + 1, generator: &generator))
            }
            return ColumnVector(count: rows, present: present, values: .struct(fields))
        default:
            fatalError("no test data for \(type)")
        }
    }

    /// Integers in segments of 50 rows that cycle through the patterns RLE v2 encodes
    /// differently: full-range random values, equal runs, fixed steps, irregular increases,
    /// small values with rare outliers, and small values.
    static func integers(_ rows: Int, range: ClosedRange<Int64>, _ generator: inout SeededGenerator) -> [Int64] {
        var values: [Int64] = []
        values.reserveCapacity(rows)
        let edges = [range.lowerBound, range.upperBound, 0, -1, 1]
        var current: Int64 = 0
        for row in 0..<rows {
            if row < edges.count {
                values.append(edges[row])
                continue
            }
            let segment = (row / 50) % 6
            let value: Int64
            switch segment {
            case 0: value = Int64.random(in: range, using: &generator)
            case 1: value = Int64(row / 7 % 5) - 2
            case 2: value = Int64(row % 50) * 3 - 60
            case 3:
                current = row % 50 == 0 ? -40 : current + Int64.random(in: 0...4, using: &generator)
                value = current
            case 4: value = row % 23 == 0 ? range.upperBound - Int64(row) : Int64.random(in: 0...15, using: &generator)
            default: value = Int64.random(in: -10...10, using: &generator)
            }
            values.append(min(max(value, range.lowerBound), range.upperBound))
        }
        return values
    }

    private static func timestamps(_ rows: Int, _ generator: inout SeededGenerator) -> TimestampColumn {
        // Before 1970 with sub-second parts, at the epoch, and far from it in both directions.
        let edges: [(Int64, Int32)] = [
            (-2, 500_000_000), (-1, 500), (0, 0), (-2_208_988_800, 123_456_789), (1_420_070_400, 1000),
            (4_102_444_799, 999_999_999), (-86_400 * 365 * 80, 100_000),
        ]
        var seconds: [Int64] = []
        var nanoseconds: [Int32] = []
        for row in 0..<rows {
            if row < edges.count {
                seconds.append(edges[row].0)
                nanoseconds.append(edges[row].1)
                continue
            }
            var second = Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator)
            let nanosecond: Int32 = switch row % 4 {
            case 0: 0
            case 1: Int32.random(in: 0...999_999, using: &generator) * 1000
            case 2: Int32.random(in: 0...999_999_999, using: &generator)
            default: 999_999_999
            }
            // Instants between -1 and 0 seconds do not survive the reference readers.
            if second == -1 { second = -2 }
            seconds.append(second)
            nanoseconds.append(nanosecond)
        }
        return TimestampColumn(seconds: seconds, nanoseconds: nanoseconds)
    }
}
