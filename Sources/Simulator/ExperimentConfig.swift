import Strategies

/// A bonus strategy named in a config, with its numeric parameters.
public struct StrategySpec: Sendable, Hashable {
    /// The registry name, such as `loss-streak`.
    public var name: String
    /// The parameters in the order of the strategy's parameter list, such as `[("k", 3)]`.
    public var parameters: [StrategyParameterValue]

    /// Creates a strategy spec.
    public init(name: String, parameters: [StrategyParameterValue] = []) {
        self.name = name
        self.parameters = parameters
    }

    /// The label used in tables and charts, such as `loss-streak(k=3)`, in the form of
    /// `BonusStrategy.label`.
    public var label: String {
        guard !parameters.isEmpty else { return name }
        let values = parameters.map { "\($0.name)=\(formatConfigNumber($0.value))" }
        return "\(name)(\(values.joined(separator: ", ")))"
    }

    /// The parameters by name, as `StrategyRegistry.makeStrategy` takes them.
    public var parameterDictionary: [String: Double] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) })
    }

    /// Returns the value of a parameter, or nil when the spec has none of that name.
    public func parameter(_ name: String) -> Double? {
        parameters.first(where: { $0.name == name })?.value
    }
}

/// One named parameter value of a strategy.
public struct StrategyParameterValue: Sendable, Hashable {
    /// The parameter name, such as `k`.
    public var name: String
    /// The value.
    public var value: Double

    /// Creates a parameter value.
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// A validated experiment config: the game rules and simulation settings, where any numeric
/// field may hold several values, and the strategies to compare.
public struct ExperimentConfig: Sendable {
    /// The experiment name, used as the results folder name.
    public var name: String
    /// A sentence on what the experiment compares.
    public var description: String
    /// The values of every numeric field, in the order of `ExperimentField.all`; a field with
    /// several values is a sweep axis.
    public var values: [String: [Double]]
    /// The revenue model: net gaming revenue or turnover.
    public var revenueModel: GameRules.RevenueModel
    /// The strategies to compare; a strategy parameter written as an array becomes one
    /// strategy per value.
    public var strategies: [StrategySpec]
    /// The random number generator.
    public var generator: RandomGeneratorKind
    /// The number of worker threads, or nil for one per core.
    public var threads: Int?
    /// The file the config was read from, or nil for a config from memory.
    public var file: String?

    /// Returns the values of a field: those in the config, else its default alone, else none
    /// when the default follows another field (the bonus cost follows the bonus amount).
    public func values(of field: ExperimentField) -> [Double] {
        values[field.path] ?? field.defaultValue.map { [$0] } ?? []
    }

    /// The fields with more than one value, in the order of `ExperimentField.all`.
    public var sweepAxes: [ExperimentField] {
        ExperimentField.all.filter { values(of: $0).count > 1 }
    }

    /// Whether any field has more than one value.
    public var isSweep: Bool { !sweepAxes.isEmpty }
}

/// Formats a config number the way a person would write it: `3`, not `3.0`; `0.25`, not
/// `0.25000000000000000`.
public func formatConfigNumber(_ value: Double) -> String {
    if value.rounded() == value, abs(value) <= 9_007_199_254_740_992 {
        return String(Int64(value))
    }
    return "\(value)"
}
