/// A place along a sweep axis where the best strategy changes.
public struct StrategyChange: Sendable, Hashable {
    /// The swept field path, such as `rules.bonusCost`.
    public var axis: String
    /// The values of the other sweep axes, which stay fixed along this slice.
    public var fixed: [SweepCoordinate]
    /// The last swept value with the old best strategy.
    public var lowerValue: Double
    /// The first swept value with the new best strategy.
    public var upperValue: Double
    /// The best strategy at `lowerValue`.
    public var before: String
    /// The best strategy at `upperValue`.
    public var after: String
    /// The estimated value where the two strategies' revenues are equal, by linear
    /// interpolation between the two points. The estimate is exact when both revenues are
    /// linear in the axis, as they are in the bonus cost for fixed policies.
    public var crossing: Double
}

/// A break-even value along a sweep axis: on one side some bonus strategy earns more than
/// `never`, on the other none does.
public struct BreakEven: Sendable, Hashable {
    /// The swept field path, such as `rules.bonusCost`.
    public var axis: String
    /// The values of the other sweep axes, which stay fixed along this slice.
    public var fixed: [SweepCoordinate]
    /// The last swept value on the side of `lowerValue`.
    public var lowerValue: Double
    /// The first swept value on the other side.
    public var upperValue: Double
    /// The estimated break-even value by linear interpolation of the lead of the best bonus
    /// strategy over `never`.
    public var crossing: Double
    /// The bonus strategy with the largest lead on the side where bonuses pay.
    public var strategy: String
    /// Whether bonuses pay below the crossing (true for a cost) or above it.
    public var bonusPaysBelow: Bool

    /// Whether the crossing is only a lower bound: along the bonus cost it follows the policy at
    /// the cheaper point, but `greedy` and `optimal` choose their bonuses again at every cost, so
    /// they may keep their lead past it.
    public var isLowerBound: Bool {
        axis == ExperimentResult.bonusCostPath && ["greedy", "optimal"].contains(strategy)
    }
}

extension ExperimentResult {
    static let bonusCostPath = "rules.bonusCost"

    /// Finds every place where the best strategy changes between neighbouring values of a sweep
    /// axis, with the other axes fixed.
    ///
    /// - Complexity: O(a · p · s) for a axes, p points and s strategies.
    public func strategyChanges() -> [StrategyChange] {
        var changes: [StrategyChange] = []
        for (axis, fixed, slice) in sweepSlices() {
            for (left, right) in zip(slice, slice.dropFirst()) {
                guard let before = left.result.best, let after = right.result.best,
                      before.strategy != after.strategy,
                      let beforeRight = right.result.outcomes.first(where: { $0.strategy == before.strategy }),
                      let afterLeft = left.result.outcomes.first(where: { $0.strategy == after.strategy }) else {
                    continue
                }
                var crossing = interpolateZero(
                    x0: left.value, y0: before.revenueLead(over: afterLeft),
                    x1: right.value, y1: beforeRight.revenueLead(over: after))
                // Along the bonus cost, a fixed policy's revenue falls by its bonuses per player
                // for each unit of cost, so the lead shrinks at the difference of the bonus rates.
                let rateDifference = (before.bonusesPerPlayer - afterLeft.bonusesPerPlayer) * 1000
                if axis == Self.bonusCostPath, rateDifference > 0 {
                    crossing = clamp(left.value + before.revenueLead(over: afterLeft) / rateDifference,
                                     between: left.value, and: right.value)
                }
                changes.append(StrategyChange(
                    axis: axis, fixed: fixed, lowerValue: left.value, upperValue: right.value,
                    before: before.strategy.label, after: after.strategy.label, crossing: crossing))
            }
        }
        return changes
    }

    /// Finds the break-even values where the lead of the best bonus strategy over `never`
    /// changes sign along a sweep axis.
    ///
    /// The result is empty when `never` or every other strategy is missing.
    ///
    /// A lead within a relative 1e-9 of zero counts as none, so an `optimal` policy that gives
    /// no bonus ties with `never` instead of beating it. Along `rules.bonusCost` the crossing is
    /// where the leading policy on the paying side breaks even: its revenue falls by its bonuses
    /// per player for each unit of cost. Strategies that adapt to the cost (`greedy`,
    /// `optimal`) switch policies, so for them the crossing is a lower bound. Along other axes
    /// the crossing interpolates the lead linearly.
    ///
    /// - Parameter exactOnly: Whether to consider only strategies with exact values, whose
    ///   break-even carries no simulation noise.
    /// - Complexity: O(a · p · s) for a axes, p points and s strategies.
    public func breakEvens(exactOnly: Bool = false) -> [BreakEven] {
        var result: [BreakEven] = []
        for (axis, fixed, slice) in sweepSlices() {
            let leads = slice.map { bonusLead(at: $0.result, exactOnly: exactOnly) }
            for index in slice.indices.dropLast() {
                guard let left = leads[index], let right = leads[index + 1] else { continue }
                let leftPays = left.lead > left.tolerance
                let rightPays = right.lead > right.tolerance
                guard leftPays != rightPays else { continue }

                let x0 = slice[index].value
                let x1 = slice[index + 1].value
                var crossing = interpolateZero(x0: x0, y0: left.lead, x1: x1, y1: right.lead)
                let paying = leftPays ? left : right
                if axis == Self.bonusCostPath, paying.bonusesPerThousand > 0 {
                    let payingValue = leftPays ? x0 : x1
                    crossing = clamp(payingValue + paying.lead / paying.bonusesPerThousand, between: x0, and: x1)
                }
                result.append(BreakEven(
                    axis: axis, fixed: fixed, lowerValue: x0, upperValue: x1,
                    crossing: crossing, strategy: paying.strategy, bonusPaysBelow: leftPays))
            }
        }
        return result
    }

    // The best bonus strategy's lead over `never` at one point, with its bonuses per 1000 players.
    private func bonusLead(at result: PointResult, exactOnly: Bool)
        -> (lead: Double, tolerance: Double, strategy: String, bonusesPerThousand: Double)? {
        guard let never = result.outcomes.first(where: { $0.strategy.name == "never" }),
              let best = result.outcomes.filter({ $0.strategy.name != "never" && (!exactOnly || $0.isExact) })
                  .max(by: { $0.revenueLead(over: never) < $1.revenueLead(over: never) }) else {
            return nil
        }
        return (best.revenueLead(over: never), best.tieTolerance(with: never), best.strategy.label,
                best.bonusesPerPlayer * 1000)
    }

    /// Groups the points into slices along each sweep axis: one slice per combination of the
    /// other axes, sorted by the axis value.
    ///
    /// - Complexity: O(a · p log p) for a axes and p points.
    public func sweepSlices() -> [(axis: String, fixed: [SweepCoordinate], points: [(value: Double, result: PointResult)])] {
        let axes = config.sweepAxes.map(\.path)
        var slices: [(axis: String, fixed: [SweepCoordinate], points: [(value: Double, result: PointResult)])] = []
        for axis in axes {
            var groups: [[SweepCoordinate]: [(value: Double, result: PointResult)]] = [:]
            var order: [[SweepCoordinate]] = []
            for result in points {
                guard let value = result.point.coordinates.first(where: { $0.path == axis })?.value else { continue }
                let fixed = result.point.coordinates.filter { $0.path != axis }
                if groups[fixed] == nil { order.append(fixed) }
                groups[fixed, default: []].append((value, result))
            }
            for fixed in order {
                let sorted = groups[fixed]!.sorted { $0.value < $1.value }
                slices.append((axis, fixed, sorted))
            }
        }
        return slices
    }
}

private func clamp(_ value: Double, between a: Double, and b: Double) -> Double {
    min(max(a, b), max(min(a, b), value))
}

// Returns where the line through (x0, y0) and (x1, y1) crosses zero, clamped to [x0, x1].
private func interpolateZero(x0: Double, y0: Double, x1: Double, y1: Double) -> Double {
    guard y0 != y1 else { return (x0 + x1) / 2 }
    let t = min(1, max(0, y0 / (y0 - y1)))
    return x0 + (x1 - x0) * t
}
