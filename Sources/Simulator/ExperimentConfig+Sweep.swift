import Strategies

/// The value of one sweep axis at one sweep point.
public struct SweepCoordinate: Sendable, Hashable {
    /// The field path, such as `rules.bonusCost`.
    public var path: String
    /// The value at this point.
    public var value: Double

    /// Creates a coordinate.
    public init(path: String, value: Double) {
        self.path = path
        self.value = value
    }
}

/// One combination of field values: the rules and simulation settings the runner evaluates
/// every strategy under.
public struct ExperimentPoint: Sendable {
    /// The position of this point in the expansion order, from 0.
    public var index: Int
    /// The values of the sweep axes at this point, empty when the config is no sweep.
    public var coordinates: [SweepCoordinate]
    /// The game rules at this point.
    public var rules: GameRules
    /// The number of simulated populations per strategy.
    public var replications: Int
    /// The seed shared by every strategy at this point, so strategies are compared on common
    /// random numbers.
    public var seed: UInt64

    /// A short label such as `bonusCost=3, stake=5`, or `default` when there is no sweep.
    public var label: String {
        guard !coordinates.isEmpty else { return "default" }
        return coordinates.map { "\(ExperimentField.named($0.path)?.name ?? $0.path)=\(formatConfigNumber($0.value))" }
            .joined(separator: ", ")
    }
}

extension ExperimentConfig {
    /// Expands the sweep axes into every combination of their values.
    ///
    /// The first axis in `ExperimentField.all` order varies slowest, as in nested loops, and a
    /// config without sweep axes gives one point.
    ///
    /// - Returns: The points in expansion order.
    /// - Complexity: O(p · f) for p points and f fields.
    public func points() -> [ExperimentPoint] {
        let axes = sweepAxes
        let combinations = cartesianProduct(axes.map { values(of: $0) })
        return combinations.enumerated().map { index, combination in
            var chosen: [String: Double] = [:]
            for field in ExperimentField.all {
                if let value = values(of: field).first { chosen[field.path] = value }
            }
            for (axis, value) in zip(axes, combination) {
                chosen[axis.path] = value
            }
            let coordinates = zip(axes, combination).map { SweepCoordinate(path: $0.0.path, value: $0.1) }
            return makePoint(index: index, coordinates: coordinates, values: chosen)
        }
    }

    /// The number of points, computed without expanding them.
    public var pointCount: Int {
        sweepAxes.reduce(1) { $0 * values(of: $1).count }
    }

    private func makePoint(index: Int, coordinates: [SweepCoordinate], values: [String: Double]) -> ExperimentPoint {
        func integer(_ path: String) -> Int { Int(values[path]!) }
        func real(_ path: String) -> Double { values[path]! }

        let bonusAmount = integer("rules.bonusAmount")
        let rules = GameRules(
            startingBalance: integer("rules.startingBalance"),
            stake: integer("rules.stake"),
            winProbability: real("rules.winProbability"),
            continueAfterWin: real("rules.continuation.afterWin"),
            continueAfterWinStreak: real("rules.continuation.afterWinStreak"),
            continueAfterLoss: real("rules.continuation.afterLoss"),
            continueAfterLossStreak: real("rules.continuation.afterLossStreak"),
            maxGames: integer("rules.maxGames"),
            playersPerPopulation: integer("rules.playersPerPopulation"),
            bonusAmount: bonusAmount,
            bonusCost: values["rules.bonusCost"] ?? Double(bonusAmount),
            revenueModel: revenueModel)
        return ExperimentPoint(
            index: index, coordinates: coordinates, rules: rules,
            replications: integer("simulation.replications"), seed: UInt64(real("simulation.seed")))
    }
}
