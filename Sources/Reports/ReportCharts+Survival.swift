import Foundation
import Simulator

extension ReportCharts {
    /// Draws the share of players still playing after n games, one line per strategy.
    ///
    /// The x axis ends where every strategy has fewer than 0.1% of players left (or at the game
    /// limit), because the long tail would squeeze the informative start of the curves.
    static func survival(_ outcomes: [StrategyOutcome], colors: [String], maxGames: Int) -> String {
        let cutoff = 0.001
        var lastInformative = 1
        for outcome in outcomes {
            let curve = outcome.simulation.survival
            let index = curve.lastIndex(where: { $0 >= cutoff }) ?? 0
            lastInformative = max(lastInformative, index + 1)
        }
        let end = min(maxGames, max(10, Int(niceDomain(lower: 0, upper: Double(lastInformative)).1)))
        let isCut = end < maxGames

        let title = "Share of players still playing after n games"
        var canvas = SVGCanvas(width: width, height: 470, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        let labels = coincidenceLabels(outcomes.map(\.strategy.label), series: outcomes.map(\.simulation.survival))
        let legend = labels.enumerated().map { LegendItem(label: $1, color: colors[$0], mark: .line(dash: nil)) }
        let legendHeight = drawLegend(legend, on: &canvas, x: 90, y: 48, maxWidth: width - 110)

        let frame = ChartFrame(left: 90, top: 48 + legendHeight, width: width - 120, height: 470 - 48 - legendHeight - 70,
                               xDomain: (0, Double(end)), yDomain: (0, 1))
        let axisTitle = isCut
            ? "games played n (axis ends at \(end) of \(maxGames): fewer than 0.1% of players play longer)"
            : "games played n"
        frame.drawXAxis(on: &canvas, title: axisTitle)
        frame.drawYAxis(on: &canvas, title: "players still playing", ticks: stride(from: 0, through: 1, by: 0.2).map { $0 },
                        label: { String(format: "%.0f%%", $0 * 100) })
        for (index, outcome) in outcomes.enumerated() {
            let curve = outcome.simulation.survival
            let points = (0...min(end, curve.count - 1)).map { n in (frame.x(Double(n)), frame.y(curve[n])) }
            canvas.polyline(points, stroke: colors[index], width: layeredLineWidth(index, of: outcomes.count))
        }
        return canvas.render()
    }

    /// Returns a line width that shrinks from the first series drawn to the last, so a series
    /// that coincides with a later one still shows as a colored edge around it.
    static func layeredLineWidth(_ index: Int, of count: Int) -> Double {
        1.5 + 0.9 * Double(count - 1 - index)
    }
}
