import Strategies
import Foundation

extension ExperimentConfig {
    /// Reads and validates a config file.
    ///
    /// - Parameter path: The path of a JSON config.
    /// - Returns: The validated config, with `file` set to `path`.
    /// - Throws: `ExperimentError` naming the file and, for invalid content, every field path
    ///   with its problem and allowed range.
    public static func load(path: String) throws(ExperimentError) -> ExperimentConfig {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unreadableFile(path, reason: "it is a folder; give the path of a JSON config file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path, reason: fileSystemReason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path, reason: "the file is not valid UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses and validates a config from JSON text.
    ///
    /// - Parameters:
    ///   - text: The JSON document.
    ///   - file: The file name for error messages and for the default experiment name.
    /// - Returns: The validated config.
    /// - Throws: `ExperimentError` listing every problem with its field path and position.
    public static func parse(_ text: String, file: String? = nil) throws(ExperimentError) -> ExperimentConfig {
        let root: JSONNode
        do {
            root = try JSONNode.parse(text)
        } catch {
            throw .invalidConfig([syntaxIssue(text, error)], file: file)
        }

        var reader = ExperimentConfigReader()
        let config = reader.readConfig(root, file: file)
        guard reader.issues.isEmpty, let config else {
            throw .invalidConfig(reader.issues, file: file)
        }
        let pointIssues = config.validatePoints()
        guard pointIssues.isEmpty else {
            throw .invalidConfig(pointIssues, file: file)
        }
        return config
    }

    static let exampleConfig = #"{"strategies": ["never"]}"#

    // A text that does not even start like a JSON object or array is probably not a config at
    // all, so the message shows what a config looks like instead of what the parser expected.
    private static func syntaxIssue(_ text: String, _ error: JSONSyntaxError) -> ExperimentIssue {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else if scalar == " " || scalar == "\t" || scalar == "\r" {
                column += 1
            } else {
                guard scalar != "{", scalar != "[" else { break }
                return ExperimentIssue(
                    path: "", position: nil,
                    message: "the file is not valid JSON: unexpected '\(scalar)' at line \(line), column \(column); "
                        + "an experiment config is a JSON object such as \(exampleConfig)")
            }
        }
        guard text.unicodeScalars.contains(where: { !" \t\r\n".unicodeScalars.contains($0) }) else {
            return ExperimentIssue(path: "", position: nil,
                                   message: "the file is empty; an experiment config is a JSON object such as \(exampleConfig)")
        }
        return ExperimentIssue(path: "", position: error.position, message: "malformed JSON: \(error.reason)")
    }

    /// The largest number of sweep points a config may expand to.
    public static let maximumPointCount = 10_000

    // Checks the rules at every sweep point, because some limits span fields (the starting
    // balance must cover one stake) and only hold or fail in particular combinations.
    private func validatePoints() -> [ExperimentIssue] {
        guard pointCount <= Self.maximumPointCount else {
            let axes = sweepAxes.map { "\($0.path) (\(values(of: $0).count) values)" }.joined(separator: " × ")
            return [ExperimentIssue(
                path: sweepAxes.first?.path ?? "", position: nil,
                message: "the sweep has \(pointCount) points (\(axes)); at most \(Self.maximumPointCount) are allowed, so sweep fewer values")]
        }

        var issues: [ExperimentIssue] = []
        for point in points() {
            do {
                try point.rules.validate()
            } catch {
                let location = point.coordinates.isEmpty ? "" : " at sweep point \(point.label)"
                let issue = ExperimentIssue(path: "rules", position: nil, message: "invalid rules\(location): \(error.message)")
                if !issues.contains(issue) { issues.append(issue) }
            }
            if let issue = optimalTableIssue(point), !issues.contains(issue) { issues.append(issue) }
            if issues.count == 10 { break }
        }
        return issues
    }

    // The optimal policy is a decision table, so it cannot run where the states do not fit one.
    // Other Markovian strategies are then simulated only.
    private func optimalTableIssue(_ point: ExperimentPoint) -> ExperimentIssue? {
        guard strategies.contains(where: { $0.name == "optimal" }),
              (try? point.rules.validate()) != nil, !DecisionTable.fits(point.rules) else { return nil }
        let location = point.coordinates.isEmpty ? "" : " at sweep point \(point.label)"
        return ExperimentIssue(
            path: "strategies", position: nil,
            message: "strategy \"optimal\" needs a decision table, but rules.maxGames \(point.rules.maxGames)\(location) "
                + "gives \(BalanceGrid(rules: point.rules).stateCount) decision states, more than the limit of "
                + "\(DecisionTable.maxStateCount); lower rules.maxGames to at most "
                + "\(DecisionTable.largestFittingMaxGames(point.rules)) or remove \"optimal\"")
    }
}

/// The top-level sections of a config and the string fields beside the numeric ones.
enum ExperimentConfigKeys {
    // `run` contains what the runner records in a results folder's config.json (versions, date).
    // The reader ignores its content, so that file can be run again.
    static let topLevel = ["name", "description", "rules", "strategies", "simulation", "run"]
    static let revenue = "revenue"
    static let generator = "generator"
    static let threads = "threads"
    static let revenueModels = GameRules.RevenueModel.allCases.map(\.rawValue)
}

/// Walks a parsed JSON document and collects every problem instead of stopping at the first.
struct ExperimentConfigReader {
    var issues: [ExperimentIssue] = []

    mutating func report(_ path: String, _ node: JSONNode?, _ message: String) {
        issues.append(ExperimentIssue(path: path, position: node?.position, message: message))
    }

    mutating func readConfig(_ root: JSONNode, file: String?) -> ExperimentConfig? {
        guard let top = members(of: root, path: "", allowed: ExperimentConfigKeys.topLevel) else { return nil }

        let name = readName(top["name"], file: file)
        if let run = top["run"], run.typeName != "an object" {
            report("run", run, "expected an object with the versions a run recorded, got \(run.typeName)")
        }
        var description = ""
        if let node = top["description"] {
            description = readString(node, path: "description") ?? ""
        }

        var values: [String: [Double]] = [:]
        var revenueModel = GameRules.RevenueModel.net
        var generator = RandomGeneratorKind.mt19937
        var threads: Int?
        let rulesExtras = readSection(top["rules"], path: "rules", values: &values, extraKeys: [ExperimentConfigKeys.revenue])
        if let node = rulesExtras[ExperimentConfigKeys.revenue] {
            let path = "rules.\(ExperimentConfigKeys.revenue)"
            revenueModel = readChoice(node, path: path, choices: ExperimentConfigKeys.revenueModels, what: "revenue model")
                .flatMap(GameRules.RevenueModel.init(rawValue:)) ?? revenueModel
        }
        let simulationExtras = readSection(top["simulation"], path: "simulation", values: &values,
                                           extraKeys: [ExperimentConfigKeys.generator, ExperimentConfigKeys.threads])
        if let node = simulationExtras[ExperimentConfigKeys.generator] {
            let path = "simulation.\(ExperimentConfigKeys.generator)"
            generator = readChoice(node, path: path, choices: RandomGeneratorKind.allCases.map(\.rawValue), what: "generator")
                .flatMap(RandomGeneratorKind.init(rawValue:)) ?? generator
        }
        if let node = simulationExtras[ExperimentConfigKeys.threads] {
            threads = readThreads(node, path: "simulation.\(ExperimentConfigKeys.threads)")
        }
        let strategies = readStrategies(top["strategies"])

        guard let name else { return nil }
        return ExperimentConfig(
            name: name, description: description, values: values, revenueModel: revenueModel,
            strategies: strategies, generator: generator, threads: threads, file: file)
    }

    /// Returns the members of an object, reporting a wrong type and every unknown key with the
    /// nearest known name.
    mutating func members(of node: JSONNode, path: String, allowed: [String]) -> [String: JSONNode]? {
        guard case .object(let pairs) = node.value else {
            report(path, node, "expected an object, got \(node.typeName)")
            return nil
        }
        var result: [String: JSONNode] = [:]
        for (key, value) in pairs {
            let memberPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                report(memberPath, value, unknownFieldMessage(key, allowed: allowed))
                continue
            }
            result[key] = value
        }
        return result
    }

    func unknownFieldMessage(_ key: String, allowed: [String]) -> String {
        var message = "unknown field \"\(key)\""
        if let elsewhere = ExperimentField.all.first(where: { $0.name == key }) {
            message += "; it belongs at \(elsewhere.path)."
        } else if let nearest = nearestName(to: key, among: allowed) {
            message += "; did you mean \"\(nearest)\"?"
        } else {
            message += "."
        }
        return message + " Known fields here: \(allowed.joined(separator: ", "))"
    }

    mutating func readName(_ node: JSONNode?, file: String?) -> String? {
        guard let node else {
            // Without a name, the file name names the results folder.
            let base = file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            guard let base, !base.isEmpty else { return "experiment" }
            return base
        }
        guard let name = readString(node, path: "name") else { return nil }
        let allowedScalars = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowedScalars.contains) else {
            report("name", node, "invalid name \"\(name)\"; the results folder is named after it, so use letters, digits, '-', '_' and '.' (not first)")
            return nil
        }
        return name
    }

    mutating func readString(_ node: JSONNode, path: String) -> String? {
        guard case .string(let text) = node.value else {
            report(path, node, "expected a string, got \(node.typeName)")
            return nil
        }
        return text
    }

    mutating func readChoice(_ node: JSONNode, path: String, choices: [String], what: String) -> String? {
        guard let text = readString(node, path: path) else { return nil }
        guard choices.contains(text) else {
            let list = choices.joined(separator: ", ")
            var message = "unknown \(what) \"\(text)\""
            if let nearest = nearestName(to: text, among: choices) {
                message += "; did you mean \"\(nearest)\"? Expected one of: \(list)"
            } else {
                message += "; expected one of: \(list)"
            }
            report(path, node, message)
            return nil
        }
        return text
    }

    mutating func readThreads(_ node: JSONNode, path: String) -> Int? {
        guard case .number(let number) = node.value else {
            report(path, node, "expected an integer of at least 1, got \(node.typeName); the thread count cannot be swept because it does not change the results")
            return nil
        }
        guard ExperimentDomain.integer(minimum: 1).contains(number), number.value <= 4096 else {
            report(path, node, "invalid value \(number.literal); expected an integer in [1, 4096]")
            return nil
        }
        return Int(number.value)
    }

    /// Reads a section of numeric fields, possibly nested such as `rules.continuation`, into
    /// `values` and returns the members named in `extraKeys` for the caller to read.
    mutating func readSection(
        _ node: JSONNode?, path: String, values: inout [String: [Double]], extraKeys: [String] = []
    ) -> [String: JSONNode] {
        guard let node else { return [:] }
        let prefix = path + "."
        let fields = ExperimentField.all.filter { $0.path.hasPrefix(prefix) }
        var allowed: [String] = []
        for field in fields {
            let child = String(field.path.dropFirst(prefix.count).prefix(while: { $0 != "." }))
            if !allowed.contains(child) { allowed.append(child) }
        }
        allowed += extraKeys
        guard let members = members(of: node, path: path, allowed: allowed) else { return [:] }

        var extras: [String: JSONNode] = [:]
        for key in allowed {
            guard let child = members[key] else { continue }
            let childPath = prefix + key
            if extraKeys.contains(key) {
                extras[key] = child
            } else if let field = fields.first(where: { $0.path == childPath }) {
                if let read = readNumbers(child, path: childPath, domain: field.domain) { values[childPath] = read }
            } else {
                _ = readSection(child, path: childPath, values: &values)
            }
        }
        return extras
    }

    /// Reads a number or a non-empty array of distinct numbers, each in `domain`.
    mutating func readNumbers(_ node: JSONNode, path: String, domain: ExperimentDomain) -> [Double]? {
        switch node.value {
        case .number(let number):
            return readNumber(number, node: node, path: path, domain: domain).map { [$0] }
        case .array(let elements):
            guard !elements.isEmpty else {
                report(path, node, "empty sweep; give \(domain.allowedRange) or a non-empty array of them")
                return nil
            }
            var result: [Double] = []
            var isValid = true
            for (index, element) in elements.enumerated() {
                let elementPath = "\(path)[\(index)]"
                guard case .number(let number) = element.value else {
                    report(elementPath, element, "expected \(domain.allowedRange), got \(element.typeName)")
                    isValid = false
                    continue
                }
                guard let value = readNumber(number, node: element, path: elementPath, domain: domain) else {
                    isValid = false
                    continue
                }
                if result.contains(value) {
                    report(elementPath, element, "value \(number.literal) appears twice in the sweep; list each value once")
                    isValid = false
                }
                result.append(value)
            }
            return isValid ? result : nil
        default:
            report(path, node, "expected \(domain.allowedRange) or a non-empty array of them, got \(node.typeName)")
            return nil
        }
    }

    mutating func readNumber(_ number: JSONNumber, node: JSONNode, path: String, domain: ExperimentDomain) -> Double? {
        guard domain.contains(number) else {
            report(path, node, "invalid value \(number.literal); expected \(domain.allowedRange)")
            return nil
        }
        return number.value
    }
}
