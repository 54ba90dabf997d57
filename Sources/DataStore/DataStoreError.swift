/// An error from reading, writing or validating a game-action data store.
///
/// The message names the file, the row or column and the offending value, and what to do.
public struct DataStoreError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case invalidInput
        case schemaMismatch
        case io
        case engineMismatch
    }

    private let kind: Kind
    /// The full message, naming the value, its location and the fix.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Returns whether the error reports a column that is missing or has an incompatible type.
    public var isSchemaMismatch: Bool { kind == .schemaMismatch }

    static func invalidInput(_ message: String) -> DataStoreError {
        DataStoreError(.invalidInput, message)
    }

    static func schemaMismatch(_ message: String) -> DataStoreError {
        DataStoreError(.schemaMismatch, message)
    }

    static func io(_ message: String) -> DataStoreError {
        DataStoreError(.io, message)
    }

    static func engineMismatch(_ message: String) -> DataStoreError {
        DataStoreError(.engineMismatch, message)
    }
}
