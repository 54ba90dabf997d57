import Foundation
import Simulator
import Strategies

extension ReportCharts {
    static let playerRevenueTitle = "Revenue per player: distribution over players"

    /// Draws the distribution of revenue per player for each strategy as small multiples of
    /// step histograms on a shared log-scaled share axis, with the mean of each strategy marked.
    ///
    /// Every panel also outlines the first strategy in gray, so each strategy is seen against
    /// the same reference. The share axis is logarithmic because most players stop within a
    /// few games near zero revenue, while the bins in the tails of long-staying winners and
    /// losers contain 0.1% of the players or less.
    ///
    /// - Parameters:
    ///   - revenueModel: The revenue model of the point, named in the explanation.
    ///   - caption: Which point the chart shows, for a sweep.
    static func playerRevenue(_ outcomes: [StrategyOutcome], colors: [String], revenueModel: GameRules.RevenueModel,
                              caption: String? = nil) -> String {
        let title = playerRevenueTitle
        let panelHeight = 92.0
        let panelGap = 28.0
        let top = caption == nil ? 120.0 : 136.0
        let height = top + (panelHeight + panelGap) * Double(outcomes.count) + 56
        var canvas = SVGCanvas(width: width, height: height, title: title)
        canvas.text(title, x: 20, y: 24, size: 16, weight: "bold")
        var noteY = 44.0
        if let caption {
            canvas.text(caption, x: 20, y: noteY, size: 12, fill: "#333")
            noteY += 16
        }
        let model = switch revenueModel {
        case .net: "net revenue (player losses minus wins, minus bonus costs)"
        case .turnover: "turnover revenue (total staked minus bonus costs)"
        }
        canvas.text("What the operator earns from one player, as \(model).", x: 20, y: noteY, size: 12, fill: "#555")
        noteY += 16
        canvas.text("Bins of equal width. Height: share of the strategy's players per bin, on a log scale.",
                    x: 20, y: noteY, size: 12, fill: "#555")

        guard let shares = PlayerRevenueShares(outcomes.map(\.simulation.revenueHistogram)) else {
            canvas.text("No players were simulated.", x: 90, y: top + 20, size: 12)
            return canvas.render()
        }
        let means = outcomes.map { $0.simulation.meanRevenuePer1000Players / 1000 }
        let xDomain = niceDomain(lower: min(shares.lowerBound, means.min() ?? 0), upper: max(shares.upperBound, means.max() ?? 0))
        let zeroNote = xDomain.0 < 0 && xDomain.1 > 0 ? " Players left of the dashed zero line cost the operator money." : ""
        canvas.text("Colored line: the strategy's mean. Gray outline: \(outcomes.first?.strategy.label ?? "") for "
                    + "reference.\(zeroNote)", x: 20, y: noteY + 16, size: 12, fill: "#555")
        let yDomain = logShareDomain(shares.shares)
        let decades = Array(Int(yDomain.0)...Int(yDomain.1)).map(Double.init)

        for (index, outcome) in outcomes.enumerated() {
            let frame = ChartFrame(left: 90, top: top + (panelHeight + panelGap) * Double(index), width: width - 120,
                                   height: panelHeight, xDomain: xDomain, yDomain: yDomain)
            let isLast = index == outcomes.count - 1
            drawPanelAxes(frame, decades: decades, showsXLabels: isLast, on: &canvas)
            if index > 0 {
                canvas.polyline(stepOutline(shares.shares[0], of: shares, in: frame), stroke: "#999", width: 1)
            }
            canvas.polyline(stepOutline(shares.shares[index], of: shares, in: frame), stroke: colors[index], width: 1.8)
            drawZeroLine(frame, on: &canvas)

            let mean = means[index]
            canvas.line(frame.x(mean), frame.top, frame.x(mean), frame.bottom, stroke: colors[index], width: 2.5)
            canvas.diamond(frame.x(mean), frame.top, size: 5, fill: colors[index], stroke: colors[index],
                           tooltip: "\(outcome.strategy.label): mean \(String(format: "%.2f", mean)) per player")
            let summary = "\(outcome.strategy.label): mean \(String(format: "%.2f", mean)) per player, "
                + "\(String(format: "%.1f%%", shares.sharesBelowZero[index] * 100)) of players below zero"
            canvas.text(summary, x: frame.left, y: frame.top - 8, size: 12, weight: "600", fill: colors[index])
        }
        let bottom = top + (panelHeight + panelGap) * Double(outcomes.count) - panelGap
        canvas.text("revenue per player (money units, bins \(tickLabel(shares.binWidth)) wide)",
                    x: 90 + (width - 120) / 2, y: bottom + 38, anchor: .middle, size: 12, fill: "#333")
        canvas.text("share of players", x: 22, y: top + (bottom - top) / 2, anchor: .middle, size: 12, fill: "#333",
                    rotate: -90)
        return canvas.render()
    }

    // Returns the log10 share domain from the decade below the smallest nonzero share (but not
    // below 10^-7) to the decade above the largest.
    private static func logShareDomain(_ shares: [[Double]]) -> (Double, Double) {
        let nonzero = shares.joined().filter { $0 > 0 }
        let smallest = nonzero.min() ?? 0.01
        let largest = nonzero.max() ?? 1
        let lower = max(-7, log10(smallest).rounded(.down))
        let upper = min(0, log10(largest).rounded(.up))
        return (lower, max(upper, lower + 1))
    }

    private static func drawPanelAxes(_ frame: ChartFrame, decades: [Double], showsXLabels: Bool,
                                      on canvas: inout SVGCanvas) {
        for tick in frame.x.ticks(count: 10) {
            canvas.line(frame.x(tick), frame.top, frame.x(tick), frame.bottom, stroke: "#e3e3e3")
            guard showsXLabels else { continue }
            canvas.line(frame.x(tick), frame.bottom, frame.x(tick), frame.bottom + 5, stroke: "#555")
            canvas.text(tickLabel(tick), x: frame.x(tick), y: frame.bottom + 18, anchor: .middle, size: 11, fill: "#444")
        }
        // Label every other decade when there are more than four, so the labels do not touch.
        for (position, decade) in decades.enumerated() {
            canvas.line(frame.left, frame.y(decade), frame.right, frame.y(decade), stroke: "#e3e3e3")
            guard (decades.count - 1 - position) % 2 == 0 || decades.count <= 4 else { continue }
            canvas.line(frame.left - 5, frame.y(decade), frame.left, frame.y(decade), stroke: "#555")
            canvas.text(percentLabel(pow(10, decade)), x: frame.left - 8, y: frame.y(decade) + 4, anchor: .end,
                        size: 11, fill: "#444")
        }
        canvas.line(frame.left, frame.bottom, frame.right, frame.bottom, stroke: "#555")
        canvas.line(frame.left, frame.top, frame.left, frame.bottom, stroke: "#555")
    }

    // Returns the outline of one histogram from its first to its last nonzero bin. Empty bins
    // in between drop to the bottom of the panel, because zero has no place on a log axis.
    private static func stepOutline(_ binShares: [Double], of shares: PlayerRevenueShares,
                                    in frame: ChartFrame) -> [(Double, Double)] {
        guard let first = binShares.firstIndex(where: { $0 > 0 }), let last = binShares.lastIndex(where: { $0 > 0 }) else {
            return []
        }
        func edge(_ bin: Int) -> Double { frame.x(shares.lowerBound + Double(bin) * shares.binWidth) }
        var points = [(edge(first), frame.bottom)]
        for bin in first...last {
            let share = binShares[bin]
            let y = share > 0 ? max(frame.top, min(frame.bottom, frame.y(log10(share)))) : frame.bottom
            points += [(edge(bin), y), (edge(bin + 1), y)]
        }
        points.append((edge(last + 1), frame.bottom))
        return points
    }

    // Formats a share of players given as a power of ten, such as 0.01% or 10%.
    private static func percentLabel(_ share: Double) -> String {
        let percent = share * 100
        let decimals = max(0, -Int(log10(percent).rounded()))
        return String(format: "%.\(decimals)f%%", percent)
    }
}
