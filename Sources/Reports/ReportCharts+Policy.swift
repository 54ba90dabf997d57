import Foundation
import Simulator
import Strategies

extension ReportCharts {
    static let noBonusColor = (r: 0xDD, g: 0xE6, b: 0xEE)
    static let bonusColor = (r: 0xD5, g: 0x5E, b: 0x00)
    static let maximumColumns = 160

    /// Draws where the optimal policy gives bonuses: one strip per number of games played, with
    /// a row per streak and the balance across. Wide balance ranges are grouped into at most 160
    /// columns, colored by the share of their states that get a bonus.
    static func policyHeatMap(_ slices: [PolicySlice], startingBalance: Int) -> String {
        let title = "Where the optimal policy gives a bonus, by balance and streak"
        let stripHeight = 4 * 22.0
        let stripSpacing = stripHeight + 70
        let top = 78.0
        var canvas = SVGCanvas(width: width, height: top + stripSpacing * Double(slices.count) + 10, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        let legend = [
            LegendItem(label: "bonus", color: color(share: 1), mark: .box),
            LegendItem(label: "no bonus", color: color(share: 0), mark: .box),
            LegendItem(label: "column of several balances, half with a bonus (shade = share)", color: color(share: 0.5), mark: .box),
            LegendItem(label: "starting balance", color: "#222", mark: .line(dash: "4 3")),
        ]
        drawLegend(legend, on: &canvas, x: 150, y: 50, maxWidth: width - 170)

        for (index, slice) in slices.enumerated() {
            drawStrip(slice, on: &canvas, top: top + stripSpacing * Double(index), height: stripHeight,
                      startingBalance: startingBalance)
        }
        return canvas.render()
    }

    private static func drawStrip(_ slice: PolicySlice, on canvas: inout SVGCanvas, top: Double, height: Double,
                                  startingBalance: Int) {
        guard let lowest = slice.balances.first, let highest = slice.balances.last else { return }
        let step = slice.balances.count > 1 ? Double(slice.balances[1] - slice.balances[0]) : 1
        let domain = (Double(lowest) - step / 2, Double(highest) + step / 2)
        let frame = ChartFrame(left: 150, top: top + 18, width: width - 180, height: height,
                               xDomain: domain, yDomain: (0, 4))
        let states = slice.decisions.flatMap { $0.compactMap { $0 } }
        let bonusStates = states.filter { $0 }.count
        canvas.text("after \(slice.gamesPlayed) game\(slice.gamesPlayed == 1 ? "" : "s")", x: 20, y: top + 10,
                    size: 13, weight: "bold")
        canvas.text("bonus in \(bonusStates) of \(states.count) (balance, streak) states", x: 150, y: top + 10,
                    size: 12, fill: "#555")

        let columns = min(maximumColumns, slice.balances.count)
        let perColumn = Double(slice.balances.count) / Double(columns)
        let rowNames = ["won last 1", "won last 2+", "lost last 1", "lost last 2+"]
        for (row, decisions) in slice.decisions.enumerated() {
            let y = frame.top + Double(row) * height / 4
            canvas.text(rowNames[row], x: frame.left - 8, y: y + height / 8 + 4, anchor: .end, size: 11)
            for column in 0..<columns {
                let first = Int((Double(column) * perColumn).rounded(.down))
                let last = max(first, Int((Double(column + 1) * perColumn).rounded(.down)) - 1)
                let known = decisions[first...last].compactMap { $0 }
                guard !known.isEmpty else { continue }
                let share = Double(known.filter { $0 }.count) / Double(known.count)
                let x0 = frame.x(Double(slice.balances[first]) - step / 2)
                let x1 = frame.x(Double(slice.balances[last]) + step / 2)
                let range = first == last ? "balance \(slice.balances[first])"
                    : "balances \(slice.balances[first])–\(slice.balances[last])"
                canvas.rect(x0, y + 1, x1 - x0 + 0.3, height / 4 - 2, fill: color(share: share),
                            tooltip: "\(range), \(rowNames[row]): \(Int((share * 100).rounded()))% bonus")
            }
        }
        if Double(startingBalance) >= domain.0, Double(startingBalance) <= domain.1 {
            let x = frame.x(Double(startingBalance))
            canvas.line(x, frame.top - 4, x, frame.bottom + 4, stroke: "#222", width: 1.5, dash: "4 3")
        }
        let ticks = niceTicks(lower: domain.0, upper: domain.1, count: 8)
        for tick in ticks {
            let x = frame.x(tick)
            canvas.line(x, frame.bottom, x, frame.bottom + 5, stroke: "#555")
            canvas.text(tickLabel(tick), x: x, y: frame.bottom + 18, anchor: .middle, size: 11, fill: "#444")
        }
        canvas.line(frame.left, frame.bottom, frame.right, frame.bottom, stroke: "#555")
        canvas.text("balance (money units)", x: frame.right, y: frame.bottom + 34, anchor: .end, size: 11, fill: "#555")
    }

    static func color(share: Double) -> String {
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * share).rounded()) }
        let r = mix(noBonusColor.r, bonusColor.r)
        let g = mix(noBonusColor.g, bonusColor.g)
        let b = mix(noBonusColor.b, bonusColor.b)
        return String(format: "#%02X%02X%02X", r, g, b)
    }
}
