/// A line and column in a JSON text, both counted from 1.
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// The line number, from 1.
    public var line: Int
    /// The column number in Unicode scalars, from 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A JSON number with the literal it was written as.
public struct JSONNumber: Sendable, Hashable {
    /// The literal as written in the text, such as `0.5` or `1e3`.
    public var literal: String
    /// The value as a double.
    public var value: Double

    /// Whether the value is a whole number that a double represents exactly (up to 2^53).
    public var isInteger: Bool {
        value.rounded() == value && abs(value) <= 9_007_199_254_740_992
    }
}

/// A parsed JSON value with the position where it starts, so that validation errors can point
/// at the offending text.
public struct JSONNode: Sendable {
    /// The kinds of JSON values; objects keep their members in the order of the text.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    /// The value.
    public var value: Value
    /// The position of the first character of the value.
    public var position: JSONPosition

    /// The JSON type name used in error messages: "null", "a boolean", "a number", and so on.
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A malformed JSON text: the message names what was expected and the position.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// The expectation that failed, or the text the parser found.
    public var reason: String
    /// The position at which parsing stopped.
    public var position: JSONPosition

    public var description: String { "malformed JSON at \(position): \(reason)" }
}

extension JSONNode {
    /// Parses a JSON text (RFC 8259) and keeps the position of every value.
    ///
    /// Duplicate object keys are rejected because a config with a key written twice silently
    /// losing one of them is a mistake worth reporting.
    ///
    /// - Parameter text: The whole JSON document.
    /// - Returns: The root value.
    /// - Throws: `JSONSyntaxError` with the line and column of the first error.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(scalars: Array(text.unicodeScalars))
        parser.skipWhitespace()
        let root = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.scalars.count else {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return root
    }
}

/// A recursive-descent parser over Unicode scalars that tracks line and column.
private struct JSONParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1

    // Deep nesting has no use in a config, and the limit keeps recursion off the stack's edge.
    static let maximumDepth = 64

    var position: JSONPosition { JSONPosition(line: line, column: column) }

    func error(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(reason: reason, position: position)
    }

    func describeCurrent() -> String {
        guard index < scalars.count else { return "end of input" }
        let scalar = scalars[index]
        if scalar.value < 0x20 { return "control character U+\(String(scalar.value, radix: 16, uppercase: true))" }
        return "character '\(scalar)'"
    }

    mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) {
            advance()
        }
    }

    mutating func expect(_ scalar: Unicode.Scalar, _ context: String) throws(JSONSyntaxError) {
        guard index < scalars.count, scalars[index] == scalar else {
            throw error("expected '\(scalar)' \(context), found \(describeCurrent())")
        }
        advance()
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
        guard index < scalars.count else {
            throw error("expected a value, found end of input")
        }
        let start = position
        switch scalars[index] {
        case "{": return JSONNode(value: try parseObject(depth: depth), position: start)
        case "[": return JSONNode(value: try parseArray(depth: depth), position: start)
        case "\"": return JSONNode(value: .string(try parseString()), position: start)
        case "t": try parseKeyword("true"); return JSONNode(value: .bool(true), position: start)
        case "f": try parseKeyword("false"); return JSONNode(value: .bool(false), position: start)
        case "n": try parseKeyword("null"); return JSONNode(value: .null, position: start)
        case "-", "0"..."9": return JSONNode(value: .number(try parseNumber()), position: start)
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    mutating func parseKeyword(_ keyword: String) throws(JSONSyntaxError) {
        for expected in keyword.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                throw error("expected '\(keyword)', found \(describeCurrent())")
            }
            advance()
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        advance()
        var members: [(key: String, value: JSONNode)] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == "\"" else {
                throw error("expected a quoted member name, found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                throw JSONSyntaxError(reason: "duplicate member name \"\(key)\"", position: keyPosition)
            }
            skipWhitespace()
            try expect(":", "after the member name \"\(key)\"")
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or '}' in an object, found end of input") }
            if scalars[index] == "}" {
                advance()
                return .object(members)
            }
            try expect(",", "or '}' in an object")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or ']' in an array, found end of input") }
            if scalars[index] == "]" {
                advance()
                return .array(elements)
            }
            try expect(",", "or ']' in an array")
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()
        var result = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw error("unterminated string") }
            let scalar = scalars[index]
            if scalar == "\"" {
                advance()
                return String(result)
            }
            guard scalar.value >= 0x20 else {
                throw error("\(describeCurrent()) inside a string; write it as an escape such as \\n")
            }
            advance()
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            result.append(try parseEscape())
        }
    }

    mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard index < scalars.count else { throw error("unterminated escape sequence") }
        let escape = scalars[index]
        advance()
        switch escape {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u": break
        default: throw error("invalid escape '\\\(escape)'")
        }

        let high = try parseHexQuad()
        guard (0xD800...0xDBFF).contains(high) else {
            guard !(0xDC00...0xDFFF).contains(high), let scalar = Unicode.Scalar(high) else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16))")
            }
            return scalar
        }
        guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
            throw error("unpaired surrogate \\u\(String(high, radix: 16))")
        }
        advance()
        advance()
        let low = try parseHexQuad()
        guard (0xDC00...0xDFFF).contains(low),
              let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
            throw error("invalid surrogate pair \\u\(String(high, radix: 16))\\u\(String(low, radix: 16))")
        }
        return scalar
    }

    mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16) else {
                throw error("expected four hexadecimal digits after \\u, found \(describeCurrent())")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if scalars[index] == "-" { advance() }
        try parseDigits(allowLeadingZero: false)
        if index < scalars.count, scalars[index] == "." {
            advance()
            try parseDigits(allowLeadingZero: true)
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            advance()
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { advance() }
            try parseDigits(allowLeadingZero: true)
        }

        var literal = String.UnicodeScalarView()
        literal.append(contentsOf: scalars[start..<index])
        let text = String(literal)
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is out of the range of a double")
        }
        return JSONNumber(literal: text, value: value)
    }

    mutating func parseDigits(allowLeadingZero: Bool) throws(JSONSyntaxError) {
        guard index < scalars.count, ("0"..."9").contains(scalars[index]) else {
            throw error("expected a digit, found \(describeCurrent())")
        }
        let first = scalars[index]
        advance()
        if !allowLeadingZero, first == "0" {
            if index < scalars.count, ("0"..."9").contains(scalars[index]) {
                throw error("leading zero in a number")
            }
            return
        }
        while index < scalars.count, ("0"..."9").contains(scalars[index]) {
            advance()
        }
    }
}
