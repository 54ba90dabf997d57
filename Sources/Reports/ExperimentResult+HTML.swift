import Foundation
import Simulator
import Strategies

extension ExperimentResult {
    /// The maximum number of sweep points with detailed charts in the report. The summary table
    /// and the sweep charts cover every point.
    public static let maximumDetailedPoints = 24

    /// Renders the self-contained HTML report: run details, findings, sweep charts, the summary
    /// table and per point the revenue, replication spread, survival and optimal-policy charts.
    /// The distribution of revenue per player is drawn at the single point, or at one point of a
    /// sweep.
    ///
    /// The page loads nothing: styles are inline and charts are inline SVG.
    ///
    /// - Parameter createdAt: The time recorded as the report's creation time.
    /// - Complexity: O(points × strategies × (replications + maxGames)).
    public func htmlReport(createdAt: Date = Date()) -> String {
        var body: [String] = []
        body.append("<h1>Experiment \(escapeXML(config.name))</h1>")
        if !config.description.isEmpty {
            body.append("<p class=\"lead\">\(escapeXML(config.description))</p>")
        }
        body.append(runDetailsHTML(createdAt: createdAt))
        body.append(findingsHTML())
        body += sweepChartsHTML()
        body.append(summaryTableHTML())
        body += pointSectionsHTML()
        body.append(notesHTML())
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Experiment \(escapeXML(config.name))</title>
            <style>\(Self.styleSheet)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static let styleSheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto;
               max-width: 1080px; padding: 24px; line-height: 1.45; }
        h1 { font-size: 26px; margin-bottom: 4px; }
        h2 { font-size: 20px; margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .lead { color: #444; margin-top: 0; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 12px; }
        th, td { padding: 3px 5px; border-bottom: 1px solid #e5e5e5; text-align: right; white-space: nowrap; }
        th { background: #f3f5f7; font-weight: 600; }
        td.text, th.text { text-align: left; }
        th { white-space: normal; vertical-align: bottom; }
        .scroll { overflow-x: auto; }
        tr.best td { background: #fff6e0; font-weight: 600; }
        table.details td, table.details th { text-align: left; }
        svg.chart { width: 100%; height: auto; display: block; margin: 16px 0; background: #fff; }
        details { margin: 10px 0; } summary { cursor: pointer; font-size: 17px; font-weight: 600; padding: 6px 0; }
        .findings li { margin: 4px 0; }
        .note { color: #555; font-size: 13px; }
        .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; }
        """

    private func runDetailsHTML(createdAt: Date) -> String {
        let first = points.first?.point
        var rows: [(String, String)] = [
            ("config file", config.file ?? "(in memory)"),
            ("revenue model", config.revenueModel.rawValue),
            ("sweep points", String(points.count)),
            ("replications per strategy and point", first.map { String($0.replications) } ?? "-"),
            ("players per population", first.map { String($0.rules.playersPerPopulation) } ?? "-"),
            ("seed", first.map { String($0.seed) } ?? "-"),
            ("generator", config.generator.rawValue),
            ("threads", String(threads)),
            ("tool version", toolVersion),
            ("GSL version", gslVersion),
            ("created", ISO8601DateFormatter().string(from: createdAt)),
        ]
        for axis in config.sweepAxes {
            rows.append(("swept \(axis.path)", config.values(of: axis).map(formatConfigNumber).joined(separator: ", ")))
        }
        let cells = rows.map { "<tr><th>\(escapeXML($0.0))</th><td>\(escapeXML($0.1))</td></tr>" }
        return "<table class=\"details\">\n\(cells.joined(separator: "\n"))\n</table>"
    }

    private func findingsHTML() -> String {
        var items: [String] = []
        if let single = points.first, points.count == 1, let best = single.best {
            let value = String(format: "%.1f", best.rankingRevenue)
            let how = best.isExact ? "exact expected revenue" : "simulated mean revenue"
            var item = "<b>\(escapeXML(best.strategy.label))</b> earns the most: \(how) \(value) per 1000 players"
            let ties = single.exactTies(with: best).map { escapeXML($0.strategy.label) }
            if !ties.isEmpty {
                item += "; \(ties.joined(separator: " and ")) \(ties.count == 1 ? "ties" : "tie") it exactly"
            }
            items.append(item + ".")
        }
        for line in exactSkipNotes() + sweepFindings() where !line.isEmpty {
            items.append(escapeXML(line))
        }
        guard !items.isEmpty else { return "" }
        return "<h2>Findings</h2>\n<ul class=\"findings\">\n" + items.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>"
    }

    private func sweepChartsHTML() -> [String] {
        guard config.isSweep else { return [] }
        var html = ["<h2>Revenue across the sweep</h2>"]
        let changes = strategyChanges()
        let breakEvens = breakEvens(exactOnly: true)
        for axis in config.sweepAxes.map(\.path) {
            // One chart per axis, at the first values of the other axes, keeps the page readable.
            guard let slice = sweepSlices().first(where: { $0.axis == axis }) else { continue }
            let sliceChanges = changes.filter { $0.axis == axis && $0.fixed == slice.fixed }
            let sliceBreakEvens = breakEvens.filter { $0.axis == axis && $0.fixed == slice.fixed }
            html.append(ReportCharts.sweep(
                axis: axis, fixed: slice.fixed, points: slice.points, strategies: config.strategies,
                changes: sliceChanges, breakEvens: sliceBreakEvens))
            if let closeUp = ReportCharts.sweepCloseUpDomain(slice.points) {
                html.append(ReportCharts.sweep(
                    axis: axis, fixed: slice.fixed, points: slice.points, strategies: config.strategies,
                    changes: sliceChanges, breakEvens: sliceBreakEvens, yDomain: closeUp))
            }
        }
        if let (result, caption) = playerRevenuePoint() {
            let colors = config.strategies.indices.map(StrategyPalette.color)
            html.append(ReportCharts.playerRevenue(result.outcomes, colors: colors, revenueModel: result.point.rules.revenueModel,
                                                   caption: caption))
        }
        return html
    }

    // Picks the sweep point for the per-player revenue chart, because one chart per point would
    // make the page long: the swept value nearest the first break-even, else the first point.
    private func playerRevenuePoint() -> (result: PointResult, caption: String)? {
        guard let first = points.first else { return nil }

        let breakEven = breakEvens(exactOnly: true).first ?? breakEvens().first
        if let breakEven, let slice = sweepSlices().first(where: { $0.axis == breakEven.axis && $0.fixed == breakEven.fixed }),
           let nearest = slice.points.min(by: { abs($0.value - breakEven.crossing) < abs($1.value - breakEven.crossing) }) {
            let crossing = String(format: "%.2f", breakEven.crossing)
            return (nearest.result, "At point \(nearest.result.point.index) (\(nearest.result.point.label)), the swept "
                + "value nearest the break-even \(breakEven.axis) ≈ \(crossing).")
        }
        return (first, "At the first point (\(first.point.label)); the sweep has no break-even.")
    }

    private func summaryTableHTML() -> String {
        let isSweep = config.isSweep
        // Short headers with the full meaning in a tooltip keep every column visible at 1200 px;
        // the standard error moves into the tooltip of the simulated mean.
        var header: [(name: String, tooltip: String?)] = [
            ("strategy", nil), ("evaluated", "exact + sim.: also evaluated exactly; sim. only: simulated only"),
            ("exact", "exact expected revenue per 1000 players"),
            ("sim. mean", "simulated mean revenue per 1000 players; hover a value for its standard error"),
            ("99% CI", "99% confidence interval of the simulated mean (Student's t)"),
            ("SD", "standard deviation of revenue per 1000 players between replications"),
            ("lead over never", "simulated difference from never on the same seeds, with its paired 99% interval"),
            ("games", "games per player"), ("bonuses", "bonuses per player"),
            ("broke", "share of players who stopped with less than one stake"),
            ("game limit", "share of players who played the maximum number of games"),
        ]
        if isSweep { header.insert(("point", nil), at: 0) }
        let textColumns = isSweep ? 2 : 1
        var rows: [String] = []
        for result in points {
            let best = result.best?.strategy
            let never = result.outcomes.first { $0.strategy.name == "never" }
            for (index, outcome) in result.outcomes.enumerated() {
                let simulation = outcome.simulation
                let interval = simulation.confidenceInterval99
                let lead = outcome.strategy.name == "never" ? nil : never.flatMap(outcome.simulatedDifference(from:))
                var cells = [
                    "<span class=\"swatch\" style=\"background:\(StrategyPalette.color(index))\"></span>"
                        + escapeXML(outcome.strategy.label),
                    outcome.isExact ? "exact + sim." : "sim. only",
                    outcome.exact.map { String(format: "%.1f", $0.revenuePer1000Players) } ?? "–",
                    String(format: "<span title=\"SE %.1f\">%.1f</span>", simulation.standardError,
                           simulation.meanRevenuePer1000Players),
                    String(format: "[%.1f, %.1f]", interval.lowerBound, interval.upperBound),
                    String(format: "%.1f", simulation.standardDeviation),
                    lead.map { String(format: "%+.1f ± %.1f", $0.mean, $0.halfWidth) } ?? "–",
                    String(format: "%.2f", simulation.gamesPerPlayer),
                    String(format: "%.3f", simulation.bonusesPerPlayer),
                    String(format: "%.1f%%", simulation.shareBroke * 100),
                    String(format: "%.1f%%", simulation.shareAtGameLimit * 100),
                ]
                // One coordinate per line keeps the table narrow for sweeps over several fields.
                if isSweep { cells.insert(escapeXML(result.point.label).replacingOccurrences(of: ", ", with: "<br>"), at: 0) }
                let rowClass = outcome.strategy == best ? " class=\"best\"" : ""
                let html = cells.enumerated().map { column, cell in
                    column < textColumns + 1 ? "<td class=\"text\">\(cell)</td>" : "<td>\(cell)</td>"
                }.joined()
                rows.append("<tr\(rowClass)>\(html)</tr>")
            }
        }
        let headerHTML = header.enumerated().map { column, cell in
            let textClass = column < textColumns + 1 ? " class=\"text\"" : ""
            let tooltip = cell.tooltip.map { " title=\"\(escapeXML($0))\"" } ?? ""
            return "<th\(textClass)\(tooltip)>\(cell.name)</th>"
        }.joined()
        return """
            <h2>Summary</h2>
            <p class="note">Revenue per 1000 players in money units. The highlighted row is the best strategy at its \
            point (by exact value when known, else by simulated mean). The lead over never is the simulated difference on \
            the same seeds (paired 99% interval); an interval wider than the lead means the simulation cannot tell the two apart. \
            Games and bonuses are per player. Hover a header for its meaning and a simulated mean for its standard error \
            (summary.csv has every column).</p>
            <div class="scroll"><table>
            <tr>\(headerHTML)</tr>
            \(rows.joined(separator: "\n"))
            </table></div>
            """
    }

    private func pointSectionsHTML() -> [String] {
        let colors = config.strategies.indices.map(StrategyPalette.color)
        var html: [String] = []
        for (position, result) in points.prefix(Self.maximumDetailedPoints).enumerated() {
            var charts = [ReportCharts.revenueIntervals(result.outcomes, colors: colors)]
            if let closeUp = closeUp(result.outcomes) {
                charts.append(ReportCharts.revenueIntervals(
                    closeUp.map { result.outcomes[$0] }, colors: closeUp.map { colors[$0] },
                    title: "Close-up: the strategies near the best (within a tenth of the full range)"))
            }
            charts += [
                ReportCharts.revenueDistribution(result.outcomes, colors: colors),
            ]
            if !config.isSweep {
                charts.append(ReportCharts.playerRevenue(result.outcomes, colors: colors,
                                                         revenueModel: result.point.rules.revenueModel))
            }
            charts += [
                ReportCharts.survival(result.outcomes, colors: colors, maxGames: result.point.rules.maxGames),
            ]
            if result.policyBonusStateCount == 0 {
                // One sentence is clearer than four empty heat-map strips.
                charts.append("<p>The optimal policy gives no bonus in any state under these rules: in every state, a "
                    + "bonus costs at least as much as the expected revenue it brings back.</p>")
            } else if !result.policySlices.isEmpty {
                charts.append(ReportCharts.policyHeatMap(result.policySlices, startingBalance: result.point.rules.startingBalance))
            }
            if config.isSweep {
                let open = position == 0 ? " open" : ""
                html.append("<details\(open)><summary>Point \(result.point.index): \(escapeXML(result.point.label))</summary>\n"
                    + charts.joined(separator: "\n") + "\n</details>")
            } else {
                html.append("<h2>Charts</h2>\n" + charts.joined(separator: "\n"))
            }
        }
        if points.count > Self.maximumDetailedPoints {
            html.append("<p class=\"note\">Detailed charts are shown for the first \(Self.maximumDetailedPoints) of "
                + "\(points.count) points; summary.csv and replications.csv hold every point.</p>")
        }
        return html
    }

    // The positions of the strategies whose revenue lies within a tenth of the full range below
    // the best, or nil when that leaves out no strategy or keeps only one.
    private func closeUp(_ outcomes: [StrategyOutcome]) -> [Int]? {
        let revenues = outcomes.map(\.rankingRevenue)
        guard let highest = revenues.max(), let lowest = revenues.min(), highest > lowest else { return nil }
        let near = revenues.indices.filter { revenues[$0] >= highest - (highest - lowest) / 10 }
        return near.count >= 2 && near.count < outcomes.count ? near : nil
    }

    private func notesHTML() -> String {
        """
        <h2>How to read this report</h2>
        <ul class="note">
        <li>Each replication simulates one population of players; its revenue is scaled to 1000 players. The simulated \
        mean is the average over replications, SE its standard error, SD the spread between replications, and the \
        99% confidence interval comes from Student's t distribution.</li>
        <li>Strategies whose decisions depend only on games played, balance and streak are also evaluated exactly by \
        propagating the distribution of players; the exact value is the expected revenue without sampling error. \
        Strategies that look further back in the game history are evaluated by simulation only, and so are all \
        strategies when the rules have more decision states than an exact evaluation can hold (the findings say so).</li>
        <li>Strategies at one point share the seed, so their differences are measured on common random numbers.</li>
        <li>"Broke" is the share of players who stopped because their balance was below one stake; "game limit" the \
        share who played the maximum number of games.</li>
        </ul>
        """
    }
}
