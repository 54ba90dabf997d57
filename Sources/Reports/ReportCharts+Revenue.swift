import Foundation
import Simulator

/// The charts of the HTML report, each rendered as an inline SVG string.
enum ReportCharts {
    static let width = 1000.0
    static let labelMargin = 200.0
    static let rowHeight = 36.0

    /// Draws the expected revenue per strategy: the simulated mean with its 99% confidence
    /// interval as a dot with error bars, and the exact value as a diamond where known.
    static func revenueIntervals(_ outcomes: [StrategyOutcome], colors: [String],
                                 title: String = "Expected revenue per 1000 players by strategy") -> String {
        var values: [Double] = []
        for outcome in outcomes {
            values += [outcome.simulation.confidenceInterval99.lowerBound, outcome.simulation.confidenceInterval99.upperBound]
            if let exact = outcome.exactRevenuePer1000Players { values.append(exact) }
        }
        let domain = niceDomain(lower: values.min() ?? 0, upper: values.max() ?? 1)
        let plotHeight = rowHeight * Double(outcomes.count)
        var canvas = SVGCanvas(width: width, height: 70 + plotHeight + 80, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        let legend = [
            LegendItem(label: "simulated mean with 99% confidence interval", color: "#555", mark: .dot),
            LegendItem(label: "exact expected value", color: "#555", mark: .diamond),
        ]
        drawLegend(legend, on: &canvas, x: labelMargin, y: 48, maxWidth: width - labelMargin - 20)

        let frame = ChartFrame(left: labelMargin, top: 62, width: width - labelMargin - 30, height: plotHeight,
                               xDomain: domain, yDomain: (0, Double(outcomes.count)))
        frame.drawXAxis(on: &canvas, title: "revenue per 1000 players (money units)")
        drawZeroLine(frame, on: &canvas)
        for (row, outcome) in outcomes.enumerated() {
            let y = frame.top + rowHeight * (Double(row) + 0.5)
            let color = colors[row]
            let interval = outcome.simulation.confidenceInterval99
            let mean = outcome.simulation.meanRevenuePer1000Players
            canvas.text(outcome.strategy.label, x: labelMargin - 10, y: y + 4, anchor: .end, size: 12)
            canvas.line(frame.x(interval.lowerBound), y, frame.x(interval.upperBound), y, stroke: color, width: 2)
            canvas.line(frame.x(interval.lowerBound), y - 7, frame.x(interval.lowerBound), y + 7, stroke: color, width: 2)
            canvas.line(frame.x(interval.upperBound), y - 7, frame.x(interval.upperBound), y + 7, stroke: color, width: 2)
            canvas.circle(frame.x(mean), y, radius: 5, fill: color,
                          tooltip: "\(outcome.strategy.label): mean \(String(format: "%.1f", mean)), 99% CI "
                              + "[\(String(format: "%.1f", interval.lowerBound)), \(String(format: "%.1f", interval.upperBound))]")
            if let exact = outcome.exactRevenuePer1000Players {
                canvas.diamond(frame.x(exact), y, size: 7, fill: "#fff", stroke: color,
                               tooltip: "\(outcome.strategy.label): exact \(String(format: "%.1f", exact))")
            }
        }
        return canvas.render()
    }

    /// Draws the spread of the revenue estimate: revenue per 1000 players in each replication as
    /// box plots, with every replication as a faint dot.
    static func revenueDistribution(_ outcomes: [StrategyOutcome], colors: [String]) -> String {
        let all = outcomes.flatMap(\.simulation.replicationRevenuesPer1000Players)
        let title = "Spread of the estimate: revenue per 1000 players in each replication"
        let domain = niceDomain(lower: all.min() ?? 0, upper: all.max() ?? 1)
        let plotHeight = rowHeight * Double(outcomes.count)
        var canvas = SVGCanvas(width: width, height: 70 + plotHeight + 80, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        canvas.text("Box: quartiles; bar inside: median; whiskers: furthest replication within 1.5 × IQR of the box; "
                    + "dots: one per replication.", x: labelMargin, y: 46, size: 12, fill: "#555")

        let frame = ChartFrame(left: labelMargin, top: 62, width: width - labelMargin - 30, height: plotHeight,
                               xDomain: domain, yDomain: (0, Double(outcomes.count)))
        frame.drawXAxis(on: &canvas, title: "revenue per 1000 players in one replication (money units)")
        drawZeroLine(frame, on: &canvas)
        for (row, outcome) in outcomes.enumerated() {
            let center = frame.top + rowHeight * (Double(row) + 0.5)
            let color = colors[row]
            canvas.text(outcome.strategy.label, x: labelMargin - 10, y: center + 4, anchor: .end, size: 12)
            let values = outcome.simulation.replicationRevenuesPer1000Players
            for (index, value) in values.enumerated() {
                // A fixed jitter pattern spreads the dots without randomness in the report.
                let jitter = (Double((index * 37) % 17) / 16 - 0.5) * rowHeight * 0.6
                canvas.circle(frame.x(value), center + jitter, radius: 2, fill: color, opacity: 0.35)
            }
            guard let box = BoxSummary(values) else { continue }
            canvas.line(frame.x(box.lowerWhisker), center, frame.x(box.firstQuartile), center, stroke: "#333")
            canvas.line(frame.x(box.thirdQuartile), center, frame.x(box.upperWhisker), center, stroke: "#333")
            canvas.line(frame.x(box.lowerWhisker), center - 6, frame.x(box.lowerWhisker), center + 6, stroke: "#333")
            canvas.line(frame.x(box.upperWhisker), center - 6, frame.x(box.upperWhisker), center + 6, stroke: "#333")
            canvas.rect(frame.x(box.firstQuartile), center - 10, frame.x(box.thirdQuartile) - frame.x(box.firstQuartile), 20,
                        fill: color, stroke: "#333", opacity: 0.45,
                        tooltip: "\(outcome.strategy.label): median \(String(format: "%.1f", box.median)), quartiles "
                            + "\(String(format: "%.1f", box.firstQuartile))–\(String(format: "%.1f", box.thirdQuartile))")
            canvas.line(frame.x(box.median), center - 10, frame.x(box.median), center + 10, stroke: "#111", width: 2.5)
        }
        return canvas.render()
    }

    static func drawZeroLine(_ frame: ChartFrame, on canvas: inout SVGCanvas) {
        guard frame.x.domainLower < 0, frame.x.domainUpper > 0 else { return }
        canvas.line(frame.x(0), frame.top, frame.x(0), frame.bottom, stroke: "#999", width: 1.5, dash: "4 3")
    }
}

/// The five numbers of a box plot: quartiles by linear interpolation (type 7, as in R and
/// NumPy) and Tukey's whiskers.
struct BoxSummary {
    var firstQuartile: Double
    var median: Double
    var thirdQuartile: Double
    var lowerWhisker: Double
    var upperWhisker: Double

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func quantile(_ probability: Double) -> Double {
            let position = probability * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(sorted.count - 1, lower + 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        firstQuartile = quantile(0.25)
        median = quantile(0.5)
        thirdQuartile = quantile(0.75)
        let lowerFence = firstQuartile - 1.5 * (thirdQuartile - firstQuartile)
        let upperFence = thirdQuartile + 1.5 * (thirdQuartile - firstQuartile)
        lowerWhisker = sorted.first(where: { $0 >= lowerFence }) ?? sorted[0]
        upperWhisker = sorted.last(where: { $0 <= upperFence }) ?? sorted[sorted.count - 1]
    }
}
