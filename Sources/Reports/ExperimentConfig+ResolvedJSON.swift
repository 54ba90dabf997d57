import Foundation
import Simulator
import Strategies

extension ExperimentResult {
    /// Renders the resolved config as JSON: every field with its value or sweep values
    /// (defaults included), the strategies with all parameters, the thread count used, and a
    /// `run` object with the tool and GSL versions and the creation time.
    ///
    /// The file is itself a valid config, so `retention experiment run` can run it again.
    public func resolvedConfigJSON(createdAt: Date = Date()) -> String {
        var root = JSONTree.object([])
        root.set(["name"], .string(config.name))
        root.set(["description"], .string(config.description))

        // Sections appear in the order of the shipped configs: rules, strategies, simulation.
        root.set(["rules"], .object([]))
        root.set(["strategies"], .array([]))
        for field in ExperimentField.all {
            let values = config.values(of: field)
            guard !values.isEmpty else { continue }
            let components = field.path.split(separator: ".").map(String.init)
            root.set(components, values.count == 1 ? .number(values[0]) : .array(values.map(JSONTree.number)))
        }
        // An unset bonus cost follows the bonus amount; written out unless the amount is swept.
        let bonusAmounts = config.values["rules.bonusAmount"] ?? [Double(GameRules.standard.bonusAmount)]
        if config.values["rules.bonusCost"] == nil, bonusAmounts.count == 1 {
            root.set(["rules", "bonusCost"], .number(bonusAmounts[0]))
        }
        root.set(["rules", "revenue"], .string(config.revenueModel.rawValue))

        root.set(["strategies"], .array(config.strategies.map { spec in
            .object([("name", .string(spec.name))] + spec.parameters.map { ($0.name, .number($0.value)) })
        }))
        root.set(["simulation", "generator"], .string(config.generator.rawValue))
        root.set(["simulation", "threads"], .number(Double(threads)))

        root.set(["run"], .object([
            ("toolVersion", .string(toolVersion)),
            ("gslVersion", .string(gslVersion)),
            ("createdAt", .string(ISO8601DateFormatter().string(from: createdAt))),
            ("configFile", .string(config.file ?? "")),
            ("points", .number(Double(points.count))),
        ]))
        return root.render(indent: "") + "\n"
    }
}

/// A JSON value with ordered object members, for files people read.
indirect enum JSONTree {
    case string(String)
    case number(Double)
    case array([JSONTree])
    case object([(String, JSONTree)])

    /// Sets the value at a path of member names, creating objects on the way.
    mutating func set(_ path: [String], _ value: JSONTree) {
        guard let key = path.first else {
            self = value
            return
        }
        guard case .object(var members) = self else { preconditionFailure("JSON path \(path) runs through a non-object") }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1.set(Array(path.dropFirst()), value)
        } else {
            var child = JSONTree.object([])
            child.set(Array(path.dropFirst()), value)
            members.append((key, child))
        }
        self = .object(members)
    }

    func render(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .string(let text):
            return Self.quote(text)
        case .number(let value):
            return formatConfigNumber(value)
        case .array(let elements):
            if elements.allSatisfy({ if case .number = $0 { true } else { false } }) {
                return "[" + elements.map { $0.render(indent: inner) }.joined(separator: ", ") + "]"
            }
            guard !elements.isEmpty else { return "[]" }
            return "[\n" + elements.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let isFlat = members.count <= 4 && members.allSatisfy {
                switch $0.1 { case .object, .array: false; default: true }
            } && indent.count >= 4
            if isFlat {
                return "{" + members.map { "\(Self.quote($0.0)): \($0.1.render(indent: inner))" }.joined(separator: ", ") + "}"
            }
            return "{\n" + members.map { "\(inner)\(Self.quote($0.0)): \($0.1.render(indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
