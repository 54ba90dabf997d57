import Foundation
@testable import Reports
import ORC
import Simulator
import Strategies
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Report files")
struct ReportFilesTests {
    @Test("summary CSV header and rows")
    func summaryCSV() throws {
        let table = try SyntheticResults.singlePoint().summaryTable().render()
        let lines = table.split(separator: "\n").map(String.init)

        #expect(lines.count == 3)
        #expect(lines[0] == "point,strategy,evaluation,best,exact_revenue_per_1000,mean_revenue_per_1000,ci99_lower,"
            + "ci99_upper,standard_error,standard_deviation,replications,players_per_population,games_per_player,"
            + "bonuses_per_player,broke_share,game_limit_share,exact_games_per_player,exact_bonuses_per_player,"
            + "exact_broke_share,exact_game_limit_share,simulated_lead_over_never,simulated_lead_over_never_ci99_half_width")
        // Replications 1200, 1300, 1250: mean 1250, variance 2500, SE sqrt(2500 / 3).
        let standardError = (2500.0 / 3).squareRoot()
        #expect(lines[1] == "0,never,exact+simulation,true,1250.5,1250.0,\(1250 - 3 * standardError),"
            + "\(1250 + 3 * standardError),\(standardError),50.0,3,50,3.5,0.0,0.25,0.125,3.5,0.0,0.25,0.125,,")
        #expect(lines[2].hasPrefix("0,\"loss-ratio(N=10, p=0.5)\",simulation,false,,1123.3333333333333,"))
        // Paired differences -100, -150, -130: mean -126.66..., sample SD 25.166, t(0.995; 2) = 9.924843.
        let lead = try #require(lines[2].split(separator: ",", omittingEmptySubsequences: false).suffix(2).compactMap { Double($0) })
        #expect(lines[2].contains(",3,50,3.5,0.5,0.25,0.125,,,,,"))
        #expect(abs(lead[0] - (-380.0 / 3)) < 1e-9)
        #expect(abs(lead[1] - 9.924843 * (1900.0 / 3 / 3).squareRoot()) < 1e-4)
    }

    @Test("sweep summary has a column per axis")
    func sweepSummaryCSV() throws {
        let table = try SyntheticResults.bonusCostSweep(costs: [0, 10]).summaryTable()

        #expect(table.header.prefix(4) == ["point", "rules.bonusCost", "strategy", "evaluation"])
        #expect(table.rows.count == 4)
        #expect(table.rows.map { $0[1] } == ["0.0", "0.0", "10.0", "10.0"])
        #expect(table.rows.map { $0[2] } == ["never", "after-loss", "never", "after-loss"])
        #expect(table.rows.map { $0[6] } == ["1000.0", "1500.0", "1000.0", "500.0"])
    }

    @Test("replication CSV has one row per replication")
    func replicationCSV() throws {
        let table = try SyntheticResults.singlePoint().replicationTable()

        #expect(table.header == ["point", "strategy", "replication", "seed", "revenue_per_1000"])
        #expect(table.rows.count == 6)
        #expect(table.rows.map { $0[4] } == ["1200.0", "1300.0", "1250.0", "1100.0", "1150.0", "1120.0"])
        #expect(table.rows[1][3] == String(RandomGeneratorKind.replicationSeed(seed: 7, replication: 1)))
    }

    @Test("replication ORC matches the CSV")
    func replicationORC() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-orc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try SyntheticResults.singlePoint()

        let url = try result.writeReplicationsORC(to: folder.appendingPathComponent("replications.orc"))
        let reader = try OrcReader(path: url.path)
        let batch = try reader.readStripe(0)

        #expect(reader.schema.description == "struct<point:int,strategy:string,replication:int,seed:bigint,revenue_per_1000:double>")
        #expect(reader.rowCount == 6)
        guard case .double(let revenues) = try #require(batch.column(named: "revenue_per_1000")).values else {
            Issue.record("revenue_per_1000 is not a double column")
            return
        }
        #expect(revenues == [1200, 1300, 1250, 1100, 1150, 1120])
        guard case .integer(let seeds) = try #require(batch.column(named: "seed")).values else {
            Issue.record("seed is not an integer column")
            return
        }
        #expect(seeds[1] == Int64(RandomGeneratorKind.replicationSeed(seed: 7, replication: 1)))
        guard case .bytes(let strategies) = try #require(batch.column(named: "strategy")).values else {
            Issue.record("strategy is not a string column")
            return
        }
        #expect(strategies.string(at: 0) == result.replicationTable().rows[0][1])
    }

    @Test("sweep paths become ORC column names")
    func orcColumnNames() {
        #expect(ExperimentResult.orcColumnName("rules.bonusCost") == "rules_bonusCost")
        #expect(ExperimentResult.orcColumnName("rules.continuation.afterLoss") == "rules_continuation_afterLoss")
    }

    @Test("CSV quoting", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
    ])
    func quoting(cell: String, expected: String) {
        #expect(CSVTable.escape(cell) == expected)
    }

    @Test("HTML report is self-contained")
    func htmlSelfContained() throws {
        let html = try SyntheticResults.singlePoint().htmlReport(createdAt: Date(timeIntervalSince1970: 0))

        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("</html>"))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
    }

    @Test("policy without bonuses is one sentence")
    func policyWithoutBonuses() async throws {
        let config = try ExperimentConfig.parse(#"""
            {"name": "no-bonus", "rules": {"maxGames": 20, "playersPerPopulation": 20},
             "strategies": ["never", "greedy", "optimal"], "simulation": {"replications": 2}}
            """#)

        let result = try await ExperimentRunner.run(config, threads: 1, toolVersion: "test")
        let html = result.htmlReport(createdAt: Date(timeIntervalSince1970: 0))

        #expect(result.points.first?.policyBonusStateCount == 0)
        #expect(html.contains("The optimal policy gives no bonus in any state under these rules"))
        #expect(!html.contains("<title>Where the optimal policy gives a bonus, by balance and streak</title>"))
        #expect(html.contains("<b>never</b> earns the most: exact expected revenue"))
        #expect(html.contains("; greedy and optimal tie it exactly."))
    }

    @Test("summary table headers are short")
    func summaryHeaders() throws {
        let html = try SyntheticResults.bonusCostSweep(costs: [0, 2]).htmlReport()

        #expect(html.contains("<th title=\"games per player\">games</th>"))
        #expect(html.contains("<th title=\"bonuses per player\">bonuses</th>"))
        #expect(html.contains("<th title=\"share of players who played the maximum number of games\">game limit</th>"))
        #expect(!html.contains("games / player"))
        #expect(!html.contains("<th>SE</th>"))
    }

    @Test("HTML report holds its charts")
    func htmlCharts() throws {
        let html = try SyntheticResults.singlePoint().htmlReport(createdAt: Date(timeIntervalSince1970: 0))

        for title in ["Expected revenue per 1000 players by strategy",
                      "Spread of the estimate: revenue per 1000 players in each replication",
                      "Revenue per player: distribution over players", "Share of players still playing after n games",
                      "Where the optimal policy gives a bonus, by balance and streak"] {
            #expect(html.contains("<title>\(title)</title>"))
        }
        #expect(html.contains("loss-ratio(N=10, p=0.5)"))
        #expect(html.contains("1970-01-01T00:00:00Z"))
        #expect(html.contains("never: mean 1.25 per player, 25.0% of players below zero"))
        #expect(html.contains("What the operator earns from one player, as net revenue"))
    }

    @Test("sweep report shows revenue per player near the break-even")
    func htmlSweepPlayerRevenue() throws {
        let html = try SyntheticResults.bonusCostSweep(costs: [0, 2, 4, 7, 10]).htmlReport()

        #expect(html.components(separatedBy: "<title>Revenue per player: distribution over players</title>").count == 2)
        #expect(html.contains("At point 2 (bonusCost=4), the swept value nearest the break-even rules.bonusCost ≈ 5.00."))
        #expect(html.contains("after-loss: mean 1.10 per player"))
    }

    @Test("sweep without break-even shows the first point")
    func htmlSweepFirstPoint() throws {
        let html = try SyntheticResults.bonusCostSweep(costs: [0, 2]).htmlReport()

        #expect(html.contains("At the first point (bonusCost=0); the sweep has no break-even."))
    }

    @Test("sweep report marks the break-even")
    func htmlSweep() throws {
        let html = try SyntheticResults.bonusCostSweep(costs: [0, 2, 4, 6, 8, 10]).htmlReport()

        #expect(html.contains("<title>Revenue per 1000 players across rules.bonusCost</title>"))
        #expect(html.contains("break-even ≈ 5.00"))
        #expect(html.contains("after-loss → never"))
        #expect(html.contains("Break-even rules.bonusCost ≈ 5.000 among exactly evaluated strategies"))
    }

    @Test("every SVG chart is well-formed XML")
    func svgWellFormed() throws {
        let html = try SyntheticResults.bonusCostSweep(costs: [0, 2, 4, 6, 8, 10]).htmlReport()
            + SyntheticResults.singlePoint().htmlReport()
        var charts = 0
        var playerRevenueCharts = 0
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "chart \(charts) is not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
            charts += 1
            if svg.contains("<title>\(ReportCharts.playerRevenueTitle)</title>") { playerRevenueCharts += 1 }
            rest = rest[end.upperBound...]
        }
        #expect(charts >= 11)
        #expect(playerRevenueCharts == 2)
    }

    @Test("resolved config reads back")
    func resolvedConfig() throws {
        let result = try SyntheticResults.singlePoint()
        let text = result.resolvedConfigJSON(createdAt: Date(timeIntervalSince1970: 0))

        let reread = try ExperimentConfig.parse(text)
        #expect(reread.points().first?.rules == result.points.first?.point.rules)
        #expect(reread.strategies == result.config.strategies)
        #expect(reread.threads == 1)
        #expect(text.contains("\"gslVersion\": \"2.7\""))
        #expect(text.contains("\"bonusCost\": 10"))
    }

    @Test("files are written to the folder")
    func writeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let written = try SyntheticResults.singlePoint().writeFiles(to: folder.appendingPathComponent("nested"))
        #expect(written.map(\.lastPathComponent) == ["summary.csv", "replications.csv", "config.json", "report.html", "replications.orc"])
        for url in written {
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }
}

@Suite("Terminal output")
struct TerminalOutputTests {
    @Test("table marks the best and the evaluation")
    func table() throws {
        let text = try SyntheticResults.singlePoint().terminalTable()
        let lines = text.split(separator: "\n").map(String.init)

        let never = try #require(lines.first { $0.contains("never") })
        let lossRatio = try #require(lines.first { $0.contains("loss-ratio") })
        #expect(never.hasPrefix("* never"))
        #expect(never.contains("exact+sim"))
        #expect(never.contains("1250.5"))
        #expect(never.contains("1250.0 ± 86.6"))
        #expect(lossRatio.hasPrefix("  loss-ratio(N=10, p=0.5)"))
        #expect(lossRatio.contains("sim only"))
        #expect(lossRatio.contains("25.0%"))
        #expect(lossRatio.contains("12.5%"))
    }

    @Test("progress bar text")
    func progressBar() {
        let bar = ProgressBar(total: 10, label: "simulating", width: 10)

        let text = bar.render(completed: 5, elapsed: .seconds(30))
        #expect(text.hasPrefix("\rsimulating [#####-----] 50% 5/10 00:30 eta 00:30"))
    }
}

@Suite("Chart details")
struct ChartDetailTests {
    @Test("coinciding series are named")
    func coincidence() {
        let labels = ReportCharts.coincidenceLabels(
            ["never", "after-loss", "loss-streak(k=1)", "optimal"],
            series: [[1, 2], [3, 4], [3, 4], [1, 2.5]])

        #expect(labels == ["never", "after-loss", "loss-streak(k=1) (same as after-loss)", "optimal"])
    }

    @Test("wide policy rows are binned")
    func heatMapBinning() {
        let balances = Array(stride(from: 0, to: 10_000, by: 10))
        let row = balances.map { Optional($0 >= 5_000) }
        let slice = PolicySlice(gamesPlayed: 500, balances: balances, decisions: Array(repeating: row, count: 4))

        let svg = ReportCharts.policyHeatMap([slice], startingBalance: 5_000)

        let cells = svg.components(separatedBy: "<rect").count - 1
        // Four rows of at most 160 columns, plus three legend swatches.
        #expect(cells <= 4 * 160 + 3)
        #expect(cells > 4 * 100)
        #expect(svg.contains("bonus in 2000 of 4000 (balance, streak) states"))
    }
}

@Suite("Tick labels")
struct TickLabelTests {
    @Test("tick label formats", arguments: [
        (-0.0, "0"), (0.25, "0.25"), (1500, "1500"), (25_000, "25k"), (-12_500, "-12.5k"), (0.1 + 0.2, "0.3"),
    ])
    func labels(value: Double, expected: String) {
        #expect(tickLabel(value) == expected)
    }

    @Test("nice ticks are round numbers")
    func niceTicks() {
        #expect(Reports.niceTicks(lower: 0, upper: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Reports.niceTicks(lower: -35, upper: 12, count: 5) == [-30, -20, -10, 0, 10])
    }
}
