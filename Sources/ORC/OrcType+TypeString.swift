extension OrcType {
    /// The type as an ORC type string, such as `struct<a:int,b:array<string>>`.
    public var description: String {
        switch kind {
        case .boolean: return "boolean"
        case .byte: return "tinyint"
        case .short: return "smallint"
        case .int: return "int"
        case .long: return "bigint"
        case .float: return "float"
        case .double: return "double"
        case .string: return "string"
        case .binary: return "binary"
        case .timestamp: return "timestamp"
        case .timestampInstant: return "timestamp with local time zone"
        case .date: return "date"
        case .decimal: return "decimal(\(precision ?? 38),\(scale ?? 10))"
        case .varchar: return "varchar(\(maximumLength ?? 65535))"
        case .char: return "char(\(maximumLength ?? 255))"
        case .list: return "array<\(children.first?.description ?? "")>"
        case .map: return "map<\(children.map(\.description).joined(separator: ","))>"
        case .union: return "uniontype<\(children.map(\.description).joined(separator: ","))>"
        case .struct:
            let fields = zip(fieldNames, children).map { name, child in
                "\(Self.quotedFieldName(name)):\(child.description)"
            }
            return "struct<\(fields.joined(separator: ","))>"
        }
    }

    // A field name needs backquotes unless it is a plain identifier; a backquote inside doubles.
    private static func quotedFieldName(_ name: String) -> String {
        let isPlain = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "." || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
        if isPlain { return name }
        return "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// Parses an ORC type string such as `struct<a:int,b:map<string,decimal(10,2)>>`.
    ///
    /// - Parameter typeString: The type as Hive and the ORC tools print it; case and spaces
    ///   around punctuation do not matter, and field names may be backquoted.
    /// - Throws: `OrcError` naming the character offset of the first unexpected input.
    public init(parsing typeString: String) throws {
        var parser = TypeStringParser(text: Array(typeString.unicodeScalars))
        let parsed = try parser.parseType()
        parser.skipSpaces()
        guard parser.position == parser.text.count else {
            throw parser.error("unexpected text after the type")
        }
        self = parsed
    }
}

private struct TypeStringParser {
    let text: [Unicode.Scalar]
    var position = 0

    func error(_ problem: String) -> OrcError {
        let shown = String(String.UnicodeScalarView(text))
        return .invalidTypeString("invalid ORC type string '\(shown)' at character \(position): \(problem)")
    }

    mutating func skipSpaces() {
        while position < text.count, text[position] == " " { position += 1 }
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws {
        skipSpaces()
        guard position < text.count, text[position] == scalar else {
            throw error("expected '\(scalar)'")
        }
        position += 1
    }

    mutating func peek(_ scalar: Unicode.Scalar) -> Bool {
        skipSpaces()
        return position < text.count && text[position] == scalar
    }

    mutating func word() -> String {
        skipSpaces()
        var scalars = String.UnicodeScalarView()
        while position < text.count {
            let scalar = text[position]
            guard scalar == "_" || scalar == "." || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { break }
            scalars.append(scalar)
            position += 1
        }
        return String(scalars)
    }

    mutating func integer() throws -> Int {
        let digits = word()
        guard let value = Int(digits), value >= 0, value < 1 << 31 else {
            throw error("expected a non-negative integer, found '\(digits)'")
        }
        return value
    }

    mutating func fieldName() throws -> String {
        skipSpaces()
        guard position < text.count, text[position] == "`" else {
            let name = word()
            guard !name.isEmpty else { throw error("expected a field name") }
            return name
        }
        position += 1
        var scalars = String.UnicodeScalarView()
        while position < text.count {
            if text[position] == "`" {
                if position + 1 < text.count, text[position + 1] == "`" {
                    scalars.append("`")
                    position += 2
                    continue
                }
                position += 1
                return String(scalars)
            }
            scalars.append(text[position])
            position += 1
        }
        throw error("unterminated backquoted field name")
    }

    mutating func parseType() throws -> OrcType {
        let start = position
        let name = word().lowercased()
        switch name {
        case "boolean": return OrcType(.boolean)
        case "tinyint": return OrcType(.byte)
        case "smallint": return OrcType(.short)
        case "int": return OrcType(.int)
        case "bigint": return OrcType(.long)
        case "float": return OrcType(.float)
        case "double": return OrcType(.double)
        case "string": return OrcType(.string)
        case "binary": return OrcType(.binary)
        case "date": return OrcType(.date)
        case "timestamp":
            let afterTimestamp = position
            if word().lowercased() == "with", word().lowercased() == "local", word().lowercased() == "time", word().lowercased() == "zone" {
                return OrcType(.timestampInstant)
            }
            position = afterTimestamp
            return OrcType(.timestamp)
        case "decimal":
            guard peek("(") else { return .decimal(precision: 38, scale: 10) }
            try expect("(")
            let precision = try integer()
            try expect(",")
            let scale = try integer()
            try expect(")")
            guard (1...38).contains(precision), scale <= precision else {
                throw error("decimal precision must be 1 to 38 and scale at most the precision, found (\(precision),\(scale))")
            }
            return .decimal(precision: precision, scale: scale)
        case "varchar", "char":
            try expect("(")
            let length = try integer()
            try expect(")")
            return name == "char" ? .char(length) : .varchar(length)
        case "array":
            try expect("<")
            let element = try parseType()
            try expect(">")
            return .list(element)
        case "map":
            try expect("<")
            let key = try parseType()
            try expect(",")
            let value = try parseType()
            try expect(">")
            return .map(key: key, value: value)
        case "uniontype":
            try expect("<")
            var variants = [try parseType()]
            while peek(",") {
                try expect(",")
                variants.append(try parseType())
            }
            try expect(">")
            return .union(variants)
        case "struct":
            try expect("<")
            var fields: [(name: String, type: OrcType)] = []
            if peek(">") {
                try expect(">")
                return .struct(fields)
            }
            repeat {
                if !fields.isEmpty { try expect(",") }
                let name = try fieldName()
                try expect(":")
                fields.append((name, try parseType()))
            } while peek(",")
            try expect(">")
            return .struct(fields)
        default:
            position = start
            throw error(name.isEmpty ? "expected a type name" : "unknown type '\(name)'")
        }
    }
}
