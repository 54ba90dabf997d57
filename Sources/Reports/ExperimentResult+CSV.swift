import Simulator
import Strategies

extension ExperimentResult {
    /// Builds the summary table: one row per sweep point and strategy, with the exact values where the
    /// strategy has them and the Monte Carlo estimates (revenue per 1000 players, 99% interval).
    ///
    /// The last two columns give the simulated lead over `never` at the same point, paired over
    /// replications that share their seeds, with the half width of its 99% interval.
    ///
    /// - Complexity: O(points × strategies).
    public func summaryTable() -> CSVTable {
        let axes = config.sweepAxes.map(\.path)
        var table = CSVTable(header: ["point"] + axes + [
            "strategy", "evaluation", "best",
            "exact_revenue_per_1000", "mean_revenue_per_1000", "ci99_lower", "ci99_upper",
            "standard_error", "standard_deviation", "replications", "players_per_population",
            "games_per_player", "bonuses_per_player", "broke_share", "game_limit_share",
            "exact_games_per_player", "exact_bonuses_per_player", "exact_broke_share", "exact_game_limit_share",
            "simulated_lead_over_never", "simulated_lead_over_never_ci99_half_width",
        ])
        for result in points {
            let best = result.best?.strategy
            let never = result.outcomes.first { $0.strategy.name == "never" }
            for outcome in result.outcomes {
                let simulation = outcome.simulation
                let exact = outcome.exact
                let lead = outcome.strategy.name == "never" ? nil : never.flatMap(outcome.simulatedDifference(from:))
                table.append([String(result.point.index)] + coordinateCells(result.point, axes: axes) + [
                    outcome.strategy.label,
                    outcome.isExact ? "exact+simulation" : "simulation",
                    outcome.strategy == best ? "true" : "false",
                    CSVTable.number(exact?.revenuePer1000Players),
                    CSVTable.number(simulation.meanRevenuePer1000Players),
                    CSVTable.number(simulation.confidenceInterval99.lowerBound),
                    CSVTable.number(simulation.confidenceInterval99.upperBound),
                    CSVTable.number(simulation.standardError),
                    CSVTable.number(simulation.standardDeviation),
                    String(simulation.settings.replications),
                    String(result.point.rules.playersPerPopulation),
                    CSVTable.number(simulation.gamesPerPlayer),
                    CSVTable.number(simulation.bonusesPerPlayer),
                    CSVTable.number(simulation.shareBroke),
                    CSVTable.number(simulation.shareAtGameLimit),
                    CSVTable.number(exact?.gamesPerPlayer),
                    CSVTable.number(exact?.bonusesPerPlayer),
                    CSVTable.number(exact?.shareBroke),
                    CSVTable.number(exact?.shareAtGameLimit),
                    CSVTable.number(lead?.mean),
                    CSVTable.number(lead?.halfWidth),
                ])
            }
        }
        return table
    }

    /// Builds the replication table: one row per sweep point, strategy and replication, with the
    /// replication's generator seed and its revenue per 1000 players.
    ///
    /// - Complexity: O(points × strategies × replications).
    public func replicationTable() -> CSVTable {
        let axes = config.sweepAxes.map(\.path)
        var table = CSVTable(header: ["point"] + axes + ["strategy", "replication", "seed", "revenue_per_1000"])
        for result in points {
            for outcome in result.outcomes {
                let settings = outcome.simulation.settings
                for (replication, revenue) in outcome.simulation.replicationRevenuesPer1000Players.enumerated() {
                    let seed = RandomGeneratorKind.replicationSeed(seed: settings.seed, replication: replication)
                    table.append([String(result.point.index)] + coordinateCells(result.point, axes: axes) + [
                        outcome.strategy.label, String(replication), String(seed), CSVTable.number(revenue),
                    ])
                }
            }
        }
        return table
    }

    private func coordinateCells(_ point: ExperimentPoint, axes: [String]) -> [String] {
        axes.map { axis in
            CSVTable.number(point.coordinates.first(where: { $0.path == axis })?.value)
        }
    }
}
