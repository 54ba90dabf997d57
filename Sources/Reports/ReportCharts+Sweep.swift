import Foundation
import Simulator
import Synchronization

extension ReportCharts {
    /// Draws the revenue of every strategy across one sweep axis, with the other axes fixed.
    ///
    /// Filled dots are exact values and hollow dots simulated means with their 99% confidence
    /// intervals. Vertical lines mark where the best strategy changes and where bonuses stop
    /// paying.
    static func sweep(axis: String, fixed: [SweepCoordinate], points: [(value: Double, result: PointResult)],
                      strategies: [StrategySpec], changes: [StrategyChange], breakEvens: [BreakEven],
                      yDomain fixedDomain: (Double, Double)? = nil) -> String {
        let colors = strategies.indices.map(StrategyPalette.color)
        var values: [Double] = []
        for (_, result) in points {
            for outcome in result.outcomes {
                values += [outcome.rankingRevenue, outcome.simulation.confidenceInterval99.lowerBound,
                           outcome.simulation.confidenceInterval99.upperBound]
            }
        }
        let xValues = points.map(\.value)
        let title = fixedDomain == nil
            ? "Revenue per 1000 players across \(axis)"
            : "Close-up near the best strategy: revenue per 1000 players across \(axis)"
        var canvas = SVGCanvas(width: width, height: 540, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        if !fixed.isEmpty {
            let note = "with " + fixed.map { "\($0.path) = \(formatConfigNumber($0.value))" }.joined(separator: ", ")
            canvas.text(note, x: 20, y: 42, size: 12, fill: "#555")
        }
        let series = strategies.map { strategy in
            points.map { point in point.result.outcomes.first(where: { $0.strategy == strategy })?.rankingRevenue ?? .nan }
        }
        let labels = coincidenceLabels(strategies.map(\.label), series: series)
        var legend = labels.enumerated().map { LegendItem(label: $1, color: colors[$0], mark: .line(dash: nil)) }
        legend += [
            LegendItem(label: "exact value", color: "#555", mark: .dot),
            LegendItem(label: "simulated mean (no exact value) with 99% CI", color: "#555", mark: .hollowDot),
            LegendItem(label: "best strategy changes", color: "#777", mark: .line(dash: "5 4")),
        ]
        if !breakEvens.isEmpty {
            legend.append(LegendItem(label: "break-even: bonuses stop paying", color: "#C00000", mark: .line(dash: "2 3")))
        }
        let legendHeight = drawLegend(legend, on: &canvas, x: 90, y: 64, maxWidth: width - 110)

        let yDomain = fixedDomain ?? niceDomain(lower: values.min() ?? 0, upper: values.max() ?? 1)
        let xSpan = (xValues.max() ?? 1) - (xValues.min() ?? 0)
        let xPad = xSpan == 0 ? 1 : xSpan * 0.03
        let top = 64 + legendHeight + 20
        let frame = ChartFrame(left: 90, top: top, width: width - 130, height: 540 - top - 60,
                               xDomain: ((xValues.min() ?? 0) - xPad, (xValues.max() ?? 1) + xPad), yDomain: yDomain)
        if xValues.count <= 12 {
            frame.drawXAxis(on: &canvas, title: axis, ticks: xValues, label: formatConfigNumber)
        } else {
            frame.drawXAxis(on: &canvas, title: axis)
        }
        frame.drawYAxis(on: &canvas, title: "revenue per 1000 players")

        // Labels of nearby lines would overlap, so each label sits one line below the previous.
        for (index, change) in changes.enumerated() {
            let x = frame.x(change.crossing)
            canvas.line(x, frame.top, x, frame.bottom, stroke: "#777", width: 1.5, dash: "5 4")
            canvas.text("\(change.before) → \(change.after)", x: x + 4, y: frame.top + 14 + Double(index % 6) * 14,
                        size: 11, fill: "#444")
        }
        for (index, breakEven) in breakEvens.enumerated() {
            let x = frame.x(breakEven.crossing)
            canvas.line(x, frame.top, x, frame.bottom, stroke: "#C00000", width: 1.5, dash: "2 3")
            canvas.text("break-even \(breakEven.isLowerBound ? "≥" : "≈") \(String(format: "%.2f", breakEven.crossing))", x: x + 4,
                        y: frame.bottom - 8 - Double(index % 4) * 14, size: 11, fill: "#C00000")
        }
        let clipIdentifier = "plot-\(clipCounter.add(1, ordering: .relaxed).newValue)"
        canvas.append("<clipPath id=\"\(clipIdentifier)\"><rect x=\"\(svgNumber(frame.left))\" y=\"\(svgNumber(frame.top))\" "
            + "width=\"\(svgNumber(frame.width))\" height=\"\(svgNumber(frame.height))\"/></clipPath>")
        canvas.append("<g clip-path=\"url(#\(clipIdentifier))\">")

        for (index, strategy) in strategies.enumerated() {
            let series = points.compactMap { point -> (Double, StrategyOutcome)? in
                point.result.outcomes.first(where: { $0.strategy == strategy }).map { (point.value, $0) }
            }
            canvas.polyline(series.map { (frame.x($0.0), frame.y($0.1.rankingRevenue)) }, stroke: colors[index],
                            width: layeredLineWidth(index, of: strategies.count))
            for (value, outcome) in series {
                let x = frame.x(value)
                let interval = outcome.simulation.confidenceInterval99
                if !outcome.isExact {
                    canvas.line(x, frame.y(interval.lowerBound), x, frame.y(interval.upperBound), stroke: colors[index], width: 1.5)
                }
                canvas.circle(x, frame.y(outcome.rankingRevenue), radius: 4,
                              fill: outcome.isExact ? colors[index] : "#fff", stroke: outcome.isExact ? nil : colors[index],
                              tooltip: "\(strategy.label) at \(axis) = \(formatConfigNumber(value)): "
                                  + String(format: "%.1f", outcome.rankingRevenue))
            }
        }
        canvas.append("</g>")
        return canvas.render()
    }

    /// Returns the labels with "(same as X)" added where a series equals an earlier one, because
    /// the later line hides the earlier one in the chart.
    static func coincidenceLabels(_ labels: [String], series: [[Double]]) -> [String] {
        labels.indices.map { index in
            let twin = series[..<index].firstIndex { earlier in
                earlier.count == series[index].count && zip(earlier, series[index]).allSatisfy {
                    abs($0 - $1) <= 1e-9 * max(1, abs($0))
                }
            }
            return twin.map { "\(labels[index]) (same as \(labels[$0]))" } ?? labels[index]
        }
    }

    /// Returns a y range around the best strategy's revenue across a sweep, or nil when the
    /// full chart already shows that region at a readable scale.
    static func sweepCloseUpDomain(_ points: [(value: Double, result: PointResult)]) -> (Double, Double)? {
        let best = points.compactMap { $0.result.best }
        guard !best.isEmpty else { return nil }
        let highest = best.map(\.rankingRevenue).max()!
        let lowest = best.map(\.rankingRevenue).min()!
        let noise = best.map { ($0.simulation.confidenceInterval99.upperBound - $0.simulation.confidenceInterval99.lowerBound) / 2 }.max()!
        let margin = max((highest - lowest) / 2, 3 * noise, 1)
        let closeUp = niceDomain(lower: lowest - margin, upper: highest + noise)

        var all: [Double] = []
        for (_, result) in points {
            for outcome in result.outcomes {
                all += [outcome.rankingRevenue, outcome.simulation.confidenceInterval99.lowerBound]
            }
        }
        let fullSpan = (all.max() ?? highest) - (all.min() ?? lowest)
        return fullSpan > 3 * (closeUp.1 - closeUp.0) ? closeUp : nil
    }
}

// Numbers the clip paths, whose identifiers must be unique within the page.
private let clipCounter = Atomic<Int>(0)
