import Strategies

/// The values a numeric config field accepts, with the wording used in error messages.
public enum ExperimentDomain: Sendable, Hashable {
    /// A probability in [0, 1].
    case probability
    /// A real number of at least 0, such as a stake or a cost in currency units.
    case nonNegative
    /// A real number greater than 0.
    case positive
    /// A whole number of at least `minimum`, such as a count of games or players.
    case integer(minimum: Int)
    /// A number, or a whole number when `isInteger`, within `range`.
    case bounded(ClosedRange<Double>, isInteger: Bool)

    /// The allowed range in words, such as "a probability in [0, 1]".
    public var allowedRange: String {
        switch self {
        case .probability: "a probability in [0, 1]"
        case .nonNegative: "a number of at least 0"
        case .positive: "a number greater than 0"
        case .integer(let minimum): "an integer of at least \(minimum)"
        case .bounded(let range, let isInteger):
            "\(isInteger ? "an integer" : "a number") in [\(formatConfigNumber(range.lowerBound)), \(formatConfigNumber(range.upperBound))]"
        }
    }

    /// Returns whether `value` lies in the domain.
    public func contains(_ value: JSONNumber) -> Bool {
        switch self {
        case .probability: (0...1).contains(value.value)
        case .nonNegative: value.value >= 0
        case .positive: value.value > 0
        case .integer(let minimum): value.isInteger && value.value >= Double(minimum)
        case .bounded(let range, let isInteger): range.contains(value.value) && (!isInteger || value.isInteger)
        }
    }
}

/// One numeric field of an experiment config: its path, allowed values, default and unit.
///
/// Every numeric field accepts a single number or a non-empty array of numbers. An array makes
/// the field a sweep axis, and the runner evaluates every combination of the axes.
public struct ExperimentField: Sendable, Hashable {
    /// The dotted path in the config, such as `rules.winProbability`.
    public var path: String
    /// The allowed values.
    public var domain: ExperimentDomain
    /// The value used when the config omits the field, or nil when it follows another field.
    public var defaultValue: Double?
    /// The unit or meaning, for help text and reports.
    public var unit: String

    /// The last path component, such as `winProbability`.
    public var name: String { String(path.split(separator: ".").last ?? "") }
}

extension ExperimentField {
    /// Every numeric field of a config, in the order of sweep expansion and of report columns,
    /// with the defaults of `GameRules.standard`.
    public static let all: [ExperimentField] = {
        let standard = GameRules.standard
        return [
            ExperimentField(path: "rules.startingBalance", domain: .integer(minimum: 0),
                            defaultValue: Double(standard.startingBalance), unit: "money units a player starts with"),
            ExperimentField(path: "rules.stake", domain: .integer(minimum: 1),
                            defaultValue: Double(standard.stake), unit: "money units wagered per game"),
            ExperimentField(path: "rules.winProbability", domain: .probability,
                            defaultValue: standard.winProbability, unit: "probability that the player wins a game"),
            ExperimentField(path: "rules.continuation.afterWin", domain: .probability,
                            defaultValue: standard.continueAfterWin,
                            unit: "probability of playing on after exactly one win or bonus"),
            ExperimentField(path: "rules.continuation.afterWinStreak", domain: .probability,
                            defaultValue: standard.continueAfterWinStreak,
                            unit: "probability of playing on after two or more wins or bonuses in a row"),
            ExperimentField(path: "rules.continuation.afterLoss", domain: .probability,
                            defaultValue: standard.continueAfterLoss,
                            unit: "probability of playing on after exactly one loss"),
            ExperimentField(path: "rules.continuation.afterLossStreak", domain: .probability,
                            defaultValue: standard.continueAfterLossStreak,
                            unit: "probability of playing on after two or more losses in a row"),
            ExperimentField(path: "rules.maxGames", domain: .bounded(1...Double(GameRules.maxGamesLimit), isInteger: true),
                            defaultValue: Double(standard.maxGames), unit: "games after which every player stops"),
            ExperimentField(path: "rules.playersPerPopulation", domain: .integer(minimum: 1),
                            defaultValue: Double(standard.playersPerPopulation),
                            unit: "players in one simulated population (one replication)"),
            ExperimentField(path: "rules.bonusAmount", domain: .integer(minimum: 0),
                            defaultValue: Double(standard.bonusAmount), unit: "money units credited to the player per bonus"),
            // The default bonus cost follows the bonus amount of the same sweep point.
            ExperimentField(path: "rules.bonusCost", domain: .nonNegative, defaultValue: nil,
                            unit: "money units a bonus costs the operator (default: the bonus amount)"),
            ExperimentField(path: "simulation.replications", domain: .integer(minimum: 2), defaultValue: 100,
                            unit: "simulated populations per strategy and sweep point"),
            ExperimentField(path: "simulation.seed", domain: .bounded(0...maximumSeed, isInteger: true), defaultValue: 20_261_204,
                            unit: "seed of the random number generator"),
        ]
    }()

    /// The largest seed a config may give: 2^53, the largest integer a JSON number carries exactly.
    public static let maximumSeed = 9_007_199_254_740_992.0

    /// Returns the field at a dotted path, or nil when no field has that path.
    public static func named(_ path: String) -> ExperimentField? {
        all.first(where: { $0.path == path })
    }
}
