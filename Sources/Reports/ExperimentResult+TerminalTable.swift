import Foundation
import Simulator
import Strategies

extension ExperimentResult {
    /// Renders the comparison table printed after a run, one row per sweep point and strategy.
    ///
    /// A row shows the exact revenue when known, the simulated mean with its 99% confidence
    /// half-width, SE, SD, games and bonuses per player, and the shares of players who went
    /// broke or reached the game limit.
    ///
    /// Revenues are per 1000 players. A `*` marks the best strategy at each point, and the
    /// lines after the table list where the best strategy changes along a sweep.
    ///
    /// - Complexity: O(points × strategies).
    public func terminalTable() -> String {
        let isSweep = config.isSweep
        var header = ["strategy", "evaluated", "exact", "simulated ± 99% CI", "SE", "SD",
                      "games/player", "bonuses/player", "broke", "game limit"]
        if isSweep { header.insert("point", at: 0) }

        var rows: [[String]] = []
        for result in points {
            let best = result.best?.strategy
            for outcome in result.outcomes {
                let simulation = outcome.simulation
                let halfWidth = (simulation.confidenceInterval99.upperBound - simulation.confidenceInterval99.lowerBound) / 2
                var row = [
                    (outcome.strategy == best ? "* " : "  ") + outcome.strategy.label,
                    outcome.isExact ? "exact+sim" : "sim only",
                    outcome.exact.map { Self.format($0.revenuePer1000Players, digits: 1) } ?? "-",
                    "\(Self.format(simulation.meanRevenuePer1000Players, digits: 1)) ± \(Self.format(halfWidth, digits: 1))",
                    Self.format(simulation.standardError, digits: 1),
                    Self.format(simulation.standardDeviation, digits: 1),
                    Self.format(simulation.gamesPerPlayer, digits: 2),
                    Self.format(simulation.bonusesPerPlayer, digits: 3),
                    Self.percent(simulation.shareBroke),
                    Self.percent(simulation.shareAtGameLimit),
                ]
                if isSweep { row.insert(result.point.label, at: 0) }
                rows.append(row)
            }
        }

        var lines = [headline, legend, ""]
        lines += Self.alignColumns([header] + rows, rightAligned: Set((isSweep ? 3 : 2)..<header.count))
        lines += exactSkipNotes()
        lines += sweepFindings()
        return lines.joined(separator: "\n")
    }

    /// Lists each reason why Markovian strategies were simulated only, naming the strategies
    /// and, in a sweep, the points.
    func exactSkipNotes() -> [String] {
        var reasons: [String] = []
        var subjects: [String: [String]] = [:]
        for result in points {
            for outcome in result.outcomes {
                guard let reason = outcome.exactSkipReason else { continue }
                let subject = config.isSweep ? "\(outcome.strategy.label) at \(result.point.label)" : outcome.strategy.label
                if subjects[reason] == nil { reasons.append(reason) }
                subjects[reason, default: []].append(subject)
            }
        }
        return reasons.map { reason in
            "Note for \(subjects[reason]!.joined(separator: config.isSweep ? "; " : ", ")): \(reason)."
        }
    }

    /// The experiment name, revenue model, seed and sizes in one line.
    var headline: String {
        let first = points.first?.point
        let replications = first.map { String($0.replications) } ?? "?"
        let players = first.map { counted($0.rules.playersPerPopulation, "player") } ?? "? players"
        return "Experiment \(config.name): \(config.revenueModel.rawValue) revenue, \(replications) replications of "
            + "\(players), seed \(first.map { String($0.seed) } ?? "?"), generator \(config.generator.rawValue)"
    }

    var legend: String {
        "Revenue per 1000 players. * best strategy (exact value when known, else simulated mean); "
            + "'exact+sim' strategies were also evaluated exactly, 'sim only' ones depend on the game history "
            + "or have too many states for an exact evaluation."
    }

    /// Sentences on the break-even values and the changes of the best strategy along sweeps.
    func sweepFindings() -> [String] {
        guard config.isSweep else { return [] }
        var lines = [""]
        let exactBreakEvens = breakEvens(exactOnly: true)
        let breakEvens = breakEvens().filter { !exactBreakEvens.contains($0) }
        let changes = strategyChanges()
        if breakEvens.isEmpty && exactBreakEvens.isEmpty && changes.isEmpty {
            lines.append("The best strategy is the same at every sweep point.")
        }
        for breakEven in exactBreakEvens {
            let side = breakEven.bonusPaysBelow ? "below" : "above"
            lines.append("Break-even \(breakEven.axis) ≈ \(Self.format(breakEven.crossing, digits: 3)) among exactly "
                + "evaluated strategies (between \(formatConfigNumber(breakEven.lowerValue)) and "
                + "\(formatConfigNumber(breakEven.upperValue)))" + Self.fixedSuffix(breakEven.fixed)
                + ": \(side) it, \(breakEven.strategy) earns more than never" + lowerBoundNote(breakEven) + ".")
        }
        for breakEven in breakEvens {
            let side = breakEven.bonusPaysBelow ? "below" : "above"
            let payingValue = breakEven.bonusPaysBelow ? breakEven.lowerValue : breakEven.upperValue
            lines.append("Break-even \(breakEven.axis) ≈ \(Self.format(breakEven.crossing, digits: 3)) counting "
                + "simulated-only strategies (between \(formatConfigNumber(breakEven.lowerValue)) and \(formatConfigNumber(breakEven.upperValue)))"
                + Self.fixedSuffix(breakEven.fixed)
                + ": \(side) it, \(breakEven.strategy) earns more than never" + lowerBoundNote(breakEven)
                + noiseNote(breakEven.strategy, versus: "never", axis: breakEven.axis, value: payingValue, fixed: breakEven.fixed)
                + ".")
        }
        for change in changes {
            lines.append("Best strategy changes along \(change.axis) from \(change.before) to \(change.after) "
                + "between \(formatConfigNumber(change.lowerValue)) and \(formatConfigNumber(change.upperValue))"
                + " (revenues equal near \(Self.format(change.crossing, digits: 3)))" + Self.fixedSuffix(change.fixed)
                + noiseNote(change.after, versus: change.before, axis: change.axis, value: change.upperValue, fixed: change.fixed)
                + ".")
        }
        return lines
    }

    /// Returns the caveat for a break-even that is only a lower bound, or an empty string.
    func lowerBoundNote(_ breakEven: BreakEven) -> String {
        guard breakEven.isLowerBound else { return "" }
        return " (a lower bound: \(breakEven.strategy) re-optimises its bonuses at each cost, so it may "
            + "earn more than never above it too)"
    }

    /// Returns a remark when a lead rests on simulated means and the paired 99% interval of the
    /// difference contains zero, or an empty string.
    func noiseNote(_ leader: String, versus other: String, axis: String, value: Double, fixed: [SweepCoordinate]) -> String {
        guard let result = points.first(where: { result in
                  result.point.coordinates.contains(SweepCoordinate(path: axis, value: value))
                      && fixed.allSatisfy(result.point.coordinates.contains)
              }),
              let leading = result.outcomes.first(where: { $0.strategy.label == leader }),
              let trailing = result.outcomes.first(where: { $0.strategy.label == other }),
              !(leading.isExact && trailing.isExact),
              let difference = leading.simulatedDifference(from: trailing),
              abs(difference.mean) <= difference.halfWidth else {
            return ""
        }
        return "; the simulated lead there, \(Self.format(difference.mean, digits: 1)) ± "
            + "\(Self.format(difference.halfWidth, digits: 1)) (99%, paired), is within simulation noise"
    }

    static func fixedSuffix(_ fixed: [SweepCoordinate]) -> String {
        guard !fixed.isEmpty else { return "" }
        return " with " + fixed.map { "\($0.path)=\(formatConfigNumber($0.value))" }.joined(separator: ", ")
    }

    static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    /// Pads every column to its widest cell, with a rule under the header.
    static func alignColumns(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let header = rows.first else { return [] }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.dropFirst().map(line)
    }
}
