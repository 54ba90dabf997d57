/// An error from the Strategies library: invalid game rules, an unknown strategy or parameter, or a
/// policy file that cannot be read.
///
/// The message names the bad value, where it sits (field, parameter or byte offset) and the fix.
public struct StrategyError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case invalidRules
        case unknownStrategy
        case invalidParameter
        case notExactlyEvaluable
        case tooManyStates
        case invalidPolicyFile
    }

    private let kind: Kind
    /// The complete message, ready to show to a user.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Whether the error reports a policy file that is corrupt, truncated or of another version.
    public var isInvalidPolicyFile: Bool { kind == .invalidPolicyFile }

    static func invalidRules(field: String, value: String, allowed: String) -> StrategyError {
        StrategyError(.invalidRules, "game rule '\(field)' is \(value); it must be \(allowed)")
    }

    static func unknownStrategy(_ name: String, known: [String]) -> StrategyError {
        StrategyError(.unknownStrategy,
                      "unknown strategy '\(name)'; use one of: \(known.joined(separator: ", "))")
    }

    static func invalidParameter(_ message: String) -> StrategyError {
        StrategyError(.invalidParameter, message)
    }

    /// Returns the error for an exact evaluation of a strategy that depends on the game history.
    public static func notExactlyEvaluable(_ strategy: String) -> StrategyError {
        StrategyError(.notExactlyEvaluable,
                      "strategy '\(strategy)' depends on the game history, so it has no exact evaluation; "
                          + "estimate it with a Monte Carlo run instead")
    }

    /// Returns the error for rules whose decision states do not fit a `DecisionTable`.
    public static func tooManyStates(_ count: Int, for purpose: String) -> StrategyError {
        StrategyError(.tooManyStates,
                      "\(purpose) needs one decision state per (games played, streak, balance), and these rules "
                          + "give \(count), more than the limit of \(DecisionTable.maxStateCount); "
                          + "lower maxGames, or use a Monte Carlo run with a history-based strategy")
    }

    static func invalidPolicyFile(_ path: String, _ problem: String) -> StrategyError {
        StrategyError(.invalidPolicyFile,
                      "policy file '\(path)' cannot be loaded: \(problem); "
                          + "solve it again with 'retention policy solve CONFIG --out FILE'")
    }
}
