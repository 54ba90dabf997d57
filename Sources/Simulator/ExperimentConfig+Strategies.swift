import Strategies

extension ExperimentConfigReader {
    /// Reads the strategy list: each entry is a name or an object with `name` and parameters.
    /// A parameter written as an array expands into one strategy per combination of values.
    mutating func readStrategies(_ node: JSONNode?) -> [StrategySpec] {
        guard let node else {
            report("strategies", nil, "missing strategy list; add for example \"strategies\": [\"never\", \"after-loss\"]")
            return []
        }
        guard case .array(let elements) = node.value else {
            report("strategies", node, "expected an array of strategies, got \(node.typeName)")
            return []
        }
        guard !elements.isEmpty else {
            report("strategies", node, "empty strategy list; name at least one of: \(StrategyRegistry.names.joined(separator: ", "))")
            return []
        }

        var result: [StrategySpec] = []
        for (index, element) in elements.enumerated() {
            let path = "strategies[\(index)]"
            for spec in readStrategy(element, path: path) {
                if result.contains(spec) {
                    report(path, element, "strategy \"\(spec.label)\" is listed twice; list each strategy once")
                } else {
                    result.append(spec)
                }
            }
        }
        return result
    }

    mutating func readStrategy(_ node: JSONNode, path: String) -> [StrategySpec] {
        var nameNode = node
        var parameterNodes: [(key: String, value: JSONNode)] = []
        switch node.value {
        case .string:
            break
        case .object(let pairs):
            guard let name = pairs.first(where: { $0.key == "name" })?.value else {
                report(path, node, "missing strategy \"name\"; use one of: \(StrategyRegistry.names.joined(separator: ", "))")
                return []
            }
            nameNode = name
            parameterNodes = pairs.filter { $0.key != "name" }
        default:
            report(path, node, "expected a strategy name or an object such as {\"name\": \"loss-streak\", \"k\": 3}, got \(node.typeName)")
            return []
        }

        let namePath = node.position == nameNode.position ? path : "\(path).name"
        guard let name = readChoice(nameNode, path: namePath, choices: StrategyRegistry.names, what: "strategy"),
              let entry = StrategyRegistry.entry(named: name) else {
            return []
        }

        var axes: [(name: String, values: [Double])] = []
        var hasInvalidParameter = false
        let known = entry.parameters.map(\.key)
        for (key, value) in parameterNodes where !known.contains(key) {
            let allowed = known.isEmpty ? "strategy \"\(name)\" takes no parameters" : "parameters of \"\(name)\": \(known.joined(separator: ", "))"
            var message = "unknown parameter \"\(key)\""
            if let nearest = nearestName(to: key, among: known) {
                message += "; did you mean \"\(nearest)\"? The \(allowed)"
            } else {
                message += "; the \(allowed)"
            }
            report("\(path).\(key)", value, message)
        }
        for parameter in entry.parameters {
            let parameterPath = "\(path).\(parameter.key)"
            guard let value = parameterNodes.first(where: { $0.key == parameter.key })?.value else {
                axes.append((parameter.key, [parameter.defaultValue]))
                continue
            }
            let domain = ExperimentDomain.bounded(parameter.range, isInteger: parameter.isInteger)
            // Reading on after an invalid parameter reports the problems of the others too.
            guard let values = readNumbers(value, path: parameterPath, domain: domain) else {
                hasInvalidParameter = true
                continue
            }
            axes.append((parameter.key, values))
        }
        guard !hasInvalidParameter else { return [] }

        return cartesianProduct(axes.map(\.values)).map { combination in
            StrategySpec(name: name, parameters: zip(axes, combination).map {
                StrategyParameterValue(name: $0.0.name, value: $0.1)
            })
        }
    }
}

/// Returns every combination of one value per axis, the first axis varying slowest.
///
/// - Complexity: O(product of the axis lengths × number of axes).
public func cartesianProduct(_ axes: [[Double]]) -> [[Double]] {
    axes.reduce([[]]) { partial, axis in
        partial.flatMap { prefix in axis.map { prefix + [$0] } }
    }
}
