/// A failure to read or write an ORC file: the message names the file, stripe, column and byte
/// offset where they are known, and what to do about it.
public struct OrcError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case io
        case notOrc
        case truncated
        case corrupt
        case unsupported
        case invalidArgument
        case invalidTypeString
    }

    private let kind: Kind

    /// The problem itself, without the location.
    public let message: String

    /// The path of the file, when known.
    public var file: String?

    /// The index of the stripe, when the problem is inside one.
    public var stripe: Int?

    /// The column id (pre-order, the root is 0), when the problem concerns one column.
    public var column: Int?

    /// The byte offset in the file where the bad data starts, when known.
    public var offset: UInt64?

    /// The dotted field path of `column`, such as `middle.list`, when known.
    public var columnPath: String?

    private init(_ kind: Kind, _ message: String, file: String? = nil, offset: UInt64? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.offset = offset
    }

    /// Makes an error for a failed file operation such as open or read.
    public static func io(_ message: String, file: String? = nil) -> OrcError {
        OrcError(.io, message, file: file)
    }

    /// Makes an error for input that is not an ORC file at all.
    public static func notOrc(_ message: String, file: String? = nil, offset: UInt64? = nil) -> OrcError {
        OrcError(.notOrc, message, file: file, offset: offset)
    }

    /// Makes an error for a file that ends before a section it declares.
    public static func truncated(_ message: String, file: String? = nil, offset: UInt64? = nil) -> OrcError {
        OrcError(.truncated, message, file: file, offset: offset)
    }

    /// Makes an error for bytes that contradict the ORC specification.
    public static func corrupt(_ message: String, file: String? = nil, offset: UInt64? = nil) -> OrcError {
        OrcError(.corrupt, message, file: file, offset: offset)
    }

    /// Makes an error for a valid feature that this implementation does not support.
    public static func unsupported(_ message: String, file: String? = nil) -> OrcError {
        OrcError(.unsupported, message, file: file)
    }

    /// Makes an error for a bad argument from the caller, such as an unknown column name.
    public static func invalidArgument(_ message: String) -> OrcError {
        OrcError(.invalidArgument, message)
    }

    /// Makes an error for a type string that does not parse, naming the character offset.
    public static func invalidTypeString(_ message: String) -> OrcError {
        OrcError(.invalidTypeString, message)
    }

    /// Whether the error reports damaged or truncated file contents (as opposed to I/O or usage).
    public var isDataError: Bool {
        switch kind {
        case .notOrc, .truncated, .corrupt: true
        case .io, .unsupported, .invalidArgument, .invalidTypeString: false
        }
    }

    /// Returns a copy with the missing location fields filled in; fields already set are kept.
    public func located(file: String? = nil, stripe: Int? = nil, column: Int? = nil, offset: UInt64? = nil) -> OrcError {
        var copy = self
        copy.file = copy.file ?? file
        copy.stripe = copy.stripe ?? stripe
        copy.column = copy.column ?? column
        copy.offset = copy.offset ?? offset
        return copy
    }

    /// The location, then the message, such as `data.orc, stripe 2, column 5: ...`.
    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let stripe { location.append("stripe \(stripe)") }
        if let column {
            let path = columnPath.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
            location.append("column \(column)\(path)")
        }
        if let offset { location.append("byte offset \(offset)") }
        guard !location.isEmpty else { return message }
        return location.joined(separator: ", ") + ": " + message
    }
}
