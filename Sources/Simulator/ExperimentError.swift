import Foundation

/// A failure to read, validate or run an experiment config.
///
/// The description names the file, the field path (such as `rules.continuation.afterLoss[2]`),
/// the line and column, the offending value and the allowed range or the fix. Validation collects
/// every problem in a config, so one run reports all of them.
public struct ExperimentError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case invalidConfig([ExperimentIssue])
        case unreadableFile(String)
        case failedRun(String)
    }

    private let kind: Kind
    /// The config file, or nil when the config came from memory.
    public let file: String?

    /// The problems found in the config, or an empty array for an I/O or run failure.
    public var issues: [ExperimentIssue] {
        if case .invalidConfig(let issues) = kind { return issues }
        return []
    }

    /// Creates an error for a config with one or more invalid fields.
    public static func invalidConfig(_ issues: [ExperimentIssue], file: String?) -> ExperimentError {
        ExperimentError(kind: .invalidConfig(issues), file: file)
    }

    /// Creates an error for a config file that could not be read.
    public static func unreadableFile(_ file: String, reason: String) -> ExperimentError {
        ExperimentError(kind: .unreadableFile(reason), file: file)
    }

    /// Creates an error for a run that failed after the config was valid.
    public static func failedRun(_ reason: String, file: String?) -> ExperimentError {
        ExperimentError(kind: .failedRun(reason), file: file)
    }

    public var description: String {
        let name = file ?? "config"
        switch kind {
        case .invalidConfig(let issues):
            let header = issues.count == 1
                ? "invalid experiment config \(name):"
                : "invalid experiment config \(name) (\(issues.count) problems):"
            return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
        case .unreadableFile(let reason):
            return "cannot read experiment config \(name): \(reason)"
        case .failedRun(let reason):
            return "experiment \(name) failed: \(reason)"
        }
    }
}

/// One problem in a config: where it is and what is wrong.
public struct ExperimentIssue: Sendable, Hashable, CustomStringConvertible {
    /// The field path, such as `rules.continuation.afterLoss[2]`, or empty for the whole document.
    public var path: String
    /// The position of the offending value in the file, when known.
    public var position: JSONPosition?
    /// The problem and the allowed values.
    public var message: String

    /// Creates an issue at a field path.
    public init(path: String, position: JSONPosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String {
        let location = position.map { " (\($0))" } ?? ""
        let field = path.isEmpty ? "document" : path
        return "\(field)\(location): \(message)"
    }
}

/// Returns the candidate closest to `name` by edit distance, or nil when none is close enough to
/// be a likely typo.
///
/// - Complexity: O(c · n · m) for c candidates of length m and a name of length n.
func nearestName(to name: String, among candidates: [String]) -> String? {
    // A unique candidate that starts with the name is what a user abbreviated.
    let prefixed = candidates.filter { $0.lowercased().hasPrefix(name.lowercased()) }
    if !name.isEmpty, prefixed.count == 1 { return prefixed[0] }

    let lowered = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()))
        if best == nil || distance < best!.distance {
            best = (candidate, distance)
        }
    }
    guard let best else { return nil }

    // A third of the length tolerates one typo in a short name and a few in a long one.
    let limit = max(2, max(lowered.count, best.name.count) / 3)
    return best.distance <= limit ? best.name : nil
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Returns the cause of a file-system error in a few words, such as "no such file or folder",
/// in place of Foundation's generic "The operation could not be completed".
public func fileSystemReason(_ error: any Error) -> String {
    if let error = error as? CocoaError {
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteFileExists: return "a file of that name is in the way"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteUnknown: return "the path cannot be created there (is a part of it a file?)"
        default: break
        }
    }
    var text = (error as NSError).localizedDescription
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
