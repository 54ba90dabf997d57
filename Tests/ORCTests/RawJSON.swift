/// A JSON value that keeps each number's text, so decimals compare digit by digit.
enum RawJSON: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([RawJSON])
    case object([(String, RawJSON)])

    static func == (left: RawJSON, right: RawJSON) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses one JSON text; bare `NaN`, `Infinity` and `-Infinity` count as numbers.
    static func parse(_ text: String) throws -> RawJSON {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpaces()
        guard parser.position == parser.scalars.count else { throw parser.error("trailing text") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        func error(_ problem: String) -> ParseError {
            ParseError(description: "invalid JSON at character \(position): \(problem)")
        }

        mutating func skipSpaces() {
            while position < scalars.count, [" ", "\n", "\t", "\r"].contains(scalars[position]) { position += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let wordScalars = Array(word.unicodeScalars)
            guard position + wordScalars.count <= scalars.count,
                  Array(scalars[position..<(position + wordScalars.count)]) == wordScalars else { return false }
            position += wordScalars.count
            return true
        }

        mutating func value() throws -> RawJSON {
            skipSpaces()
            guard position < scalars.count else { throw error("unexpected end") }
            if consume("null") { return .null }
            if consume("true") { return .bool(true) }
            if consume("false") { return .bool(false) }
            if consume("NaN") { return .number("NaN") }
            if consume("Infinity") { return .number("Infinity") }
            if consume("-Infinity") { return .number("-Infinity") }
            switch scalars[position] {
            case "\"": return .string(try string())
            case "[":
                position += 1
                var elements: [RawJSON] = []
                skipSpaces()
                if consume("]") { return .array(elements) }
                repeat {
                    elements.append(try value())
                    skipSpaces()
                } while consume(",")
                guard consume("]") else { throw error("expected ]") }
                return .array(elements)
            case "{":
                position += 1
                var members: [(String, RawJSON)] = []
                skipSpaces()
                if consume("}") { return .object(members) }
                repeat {
                    skipSpaces()
                    let key = try string()
                    skipSpaces()
                    guard consume(":") else { throw error("expected :") }
                    members.append((key, try value()))
                    skipSpaces()
                } while consume(",")
                guard consume("}") else { throw error("expected }") }
                return .object(members)
            default:
                let start = position
                while position < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[position]) { position += 1 }
                guard position > start else { throw error("unexpected character '\(scalars[position])'") }
                return .number(String(String.UnicodeScalarView(scalars[start..<position])))
            }
        }

        mutating func string() throws -> String {
            guard consume("\"") else { throw error("expected a string") }
            var result = String.UnicodeScalarView()
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                if scalar == "\"" { return String(result) }
                guard scalar == "\\" else {
                    result.append(scalar)
                    continue
                }
                guard position < scalars.count else { break }
                let escaped = scalars[position]
                position += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{8}")
                case "f": result.append("\u{c}")
                case "u":
                    guard position + 4 <= scalars.count,
                          let code = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + 4)])), radix: 16) else {
                        throw error("invalid \\u escape")
                    }
                    position += 4
                    var value = code
                    if (0xD800..<0xDC00).contains(code), consume("\\u"), position + 4 <= scalars.count,
                       let low = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + 4)])), radix: 16) {
                        position += 4
                        value = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                default: result.append(escaped)
                }
            }
            throw error("unterminated string")
        }
    }
}
