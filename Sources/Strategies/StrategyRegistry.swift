/// The strategies a config can name, each with its parameters and a constructor.
///
/// Adding a strategy takes one new `BonusStrategy` type and one entry in `entries`.
public enum StrategyRegistry {
    /// One parameter of a strategy.
    public struct Parameter: Sendable, Hashable {
        /// The key in configs, such as `N`.
        public let key: String
        /// A one-line description of the value the parameter sets.
        public let summary: String
        /// The value used when a config leaves the parameter out.
        public let defaultValue: Double
        /// The allowed values.
        public let range: ClosedRange<Double>
        /// Whether only whole numbers are allowed.
        public let isInteger: Bool
    }

    /// One registered strategy.
    public struct Entry: Sendable {
        /// The name in configs.
        public let name: String
        /// A one-line description of the strategy.
        public let summary: String
        /// The parameters it accepts.
        public let parameters: [Parameter]
        /// Whether it can be evaluated exactly, which `loss-streak` can only for k of 1 or 2.
        public let isExactlyEvaluable: Bool
        let make: @Sendable ([String: Double], GameRules) -> any BonusStrategy
    }

    /// The registered strategies, in the order reports list them.
    public static let entries: [Entry] = [
        Entry(name: "never", summary: "never gives a bonus", parameters: [], isExactlyEvaluable: true) { _, _ in
            NeverStrategy()
        },
        Entry(name: "after-loss", summary: "gives a bonus after every lost game", parameters: [],
              isExactlyEvaluable: true) { _, _ in
            AfterLossStrategy()
        },
        Entry(name: "loss-streak", summary: "gives a bonus after k lost games in a row",
              parameters: [Parameter(key: "k", summary: "losses in a row before a bonus", defaultValue: 2,
                                     range: 1...Double(GameRules.maxGamesLimit), isInteger: true)],
              isExactlyEvaluable: true) { values, _ in
            LossStreakStrategy(length: Int(values["k"]!))
        },
        Entry(name: "loss-ratio", summary: "gives a bonus when a share p of the last N games were lost",
              parameters: [
                  Parameter(key: "N", summary: "the number of last games looked at", defaultValue: 10,
                            range: 1...Double(LossRatioStrategy.maxWindow), isInteger: true),
                  Parameter(key: "p", summary: "the share of those games that must be losses",
                            defaultValue: 0.7, range: 0...1, isInteger: false),
              ],
              isExactlyEvaluable: false) { values, _ in
            LossRatioStrategy(rule: LossRatioRule(lastGames: Int(values["N"]!), threshold: values["p"]!))
        },
        Entry(name: "greedy", summary: "gives a bonus when the next game's expected revenue gain exceeds its cost",
              parameters: [], isExactlyEvaluable: true) { _, rules in
            GreedyStrategy(rules: rules)
        },
        Entry(name: "optimal", summary: "gives a bonus exactly where it raises expected revenue (dynamic programming)",
              parameters: [], isExactlyEvaluable: true) { _, rules in
            OptimalStrategy(rules: rules)
        },
    ]

    /// The registered names.
    public static var names: [String] { entries.map(\.name) }

    /// Returns the entry named `name`, or nil.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// Creates the strategy `name` for `rules`, with `parameters` by key and defaults for the rest.
    ///
    /// - Parameters:
    ///   - name: a registered name, such as `loss-ratio`.
    ///   - parameters: parameter values by key, such as `["N": 20]`.
    ///   - rules: valid game rules, which `greedy` and `optimal` are computed for.
    /// - Throws: `StrategyError` for an unknown name, an unknown key, a value out of range, or
    ///   `optimal` for rules with more than `DecisionTable.maxStateCount` states.
    /// - Complexity: O(number of decision states) for `optimal`, which solves its policy.
    public static func makeStrategy(named name: String, parameters: [String: Double] = [:],
                                    rules: GameRules) throws(StrategyError) -> any BonusStrategy {
        guard let entry = entry(named: name) else {
            throw .unknownStrategy(name, known: names)
        }

        let keys = entry.parameters.map(\.key)
        for key in parameters.keys.sorted() where !keys.contains(key) {
            let accepted = keys.isEmpty ? "it takes no parameters" : "it takes \(keys.joined(separator: ", "))"
            throw .invalidParameter("strategy '\(name)' has no parameter '\(key)'; \(accepted)")
        }
        var values = [String: Double]()
        for parameter in entry.parameters {
            let value = parameters[parameter.key] ?? parameter.defaultValue
            guard parameter.range.contains(value), !parameter.isInteger || value == value.rounded() else {
                let kind = parameter.isInteger ? "a whole number" : "a number"
                throw .invalidParameter("parameter '\(parameter.key)' of strategy '\(name)' is \(value); it must be "
                    + "\(kind) in \(format(parameter.range.lowerBound))...\(format(parameter.range.upperBound))")
            }
            values[parameter.key] = value
        }

        if name == "optimal", !DecisionTable.fits(rules) {
            throw .tooManyStates(BalanceGrid(rules: rules).stateCount, for: "the optimal policy")
        }
        return entry.make(values, rules)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
