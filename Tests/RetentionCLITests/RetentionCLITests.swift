import Foundation
import Simulator
import Strategies
import Testing

/// The output of one run of the `retention` binary.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Finds the built `retention` binary: beside the test bundle (SwiftPM puts both in the build
/// products folder), else in the package's `.build/debug`.
func retentionBinary() throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["RETENTION_BINARY"] {
        candidates.append(URL(fileURLWithPath: override))
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("retention"))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("retention"))
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("retention"))
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/retention"))

    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CLITestError(description: "the retention binary was not found at \(candidates.map(\.path)); "
            + "run 'swift build' first or set RETENTION_BINARY")
    }
    return found
}

struct CLITestError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `retention` with `arguments` in `directory` and collects its output.
func runRetention(_ arguments: [String], in directory: URL) throws -> CommandResult {
    let process = Process()
    process.executableURL = try retentionBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()

    // Reading before waiting keeps a full pipe from blocking the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outputData, as: UTF8.self),
                         standardError: String(decoding: errorData, as: UTF8.self))
}

/// Creates a fresh temporary folder, which the caller removes.
func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retention-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A small sweep: two bonus costs, three strategies, few players and replications.
let smallSweepConfig = """
    {
      "name": "small-sweep",
      "rules": {"maxGames": 30, "playersPerPopulation": 100, "bonusCost": [0, 5]},
      "strategies": ["never", {"name": "loss-streak", "k": 2}, {"name": "loss-ratio", "N": 5, "p": 0.6}],
      "simulation": {"replications": 3, "seed": 11}
    }
    """

@Suite("retention experiment and policy commands")
struct RetentionCLITests {
    @Test("experiment run writes every file")
    func runWritesFiles() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try smallSweepConfig.write(to: folder.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["experiment", "run", "small.json", "--out", "out", "--threads", "2"], in: folder)

        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty, "no progress bar without a terminal, got: \(result.standardError)")
        #expect(result.standardOutput.contains("Experiment small-sweep"))
        #expect(result.standardOutput.contains("sim only"))
        for name in ["summary.csv", "replications.csv", "replications.orc", "config.json", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path), "missing \(name)")
        }
        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.csv"), encoding: .utf8)
        let rows = summary.split(separator: "\n").dropFirst()
        #expect(rows.count == 6)
        let replications = try String(contentsOf: folder.appendingPathComponent("out/replications.csv"), encoding: .utf8)
        #expect(replications.split(separator: "\n").count == 1 + 6 * 3)
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(report.contains("<title>Revenue per 1000 players across rules.bonusCost</title>"))
        #expect(report.contains("<title>Share of players still playing after n games</title>"))
        #expect(!report.contains("http://"))
        #expect(!report.contains("https://"))
    }

    @Test("summary holds the library's exact value for never")
    func exactValueForNever() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try smallSweepConfig.write(to: folder.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["experiment", "run", "small.json", "--out", "out", "--quiet"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")

        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.csv"), encoding: .utf8)
        let lines = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let strategyColumn = try #require(header.firstIndex(of: "strategy"))
        let exactColumn = try #require(header.firstIndex(of: "exact_revenue_per_1000"))
        let costColumn = try #require(header.firstIndex(of: "rules.bonusCost"))
        let neverRows = lines.dropFirst().filter { $0[strategyColumn] == "never" }
        #expect(neverRows.count == 2)

        for row in neverRows {
            let rules = GameRules(maxGames: 30, playersPerPopulation: 100, bonusCost: Double(row[costColumn]))
            let strategy = try StrategyRegistry.makeStrategy(named: "never", rules: rules)
            let exact = try ExactEvaluator.evaluate(strategy, rules: rules)
            // Both sides come from the same exact computation, written with round-trip precision.
            #expect(Double(row[exactColumn]) == exact.revenuePer1000Players)
        }
    }

    @Test("results do not depend on the thread count")
    func threadIndependence() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try smallSweepConfig.write(to: folder.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)

        let one = try runRetention(["experiment", "run", "small.json", "--out", "one", "--threads", "1"], in: folder)
        let two = try runRetention(["experiment", "run", "small.json", "--out", "two", "--threads", "2"], in: folder)

        #expect(one.status == 0)
        #expect(two.status == 0)
        let first = try String(contentsOf: folder.appendingPathComponent("one/replications.csv"), encoding: .utf8)
        let second = try String(contentsOf: folder.appendingPathComponent("two/replications.csv"), encoding: .utf8)
        #expect(first == second)
    }

    @Test("seed and replications options override the config")
    func overrides() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try smallSweepConfig.write(to: folder.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["experiment", "run", "small.json", "--out", "out", "--replications", "2",
                                       "--seed", "99"], in: folder)

        #expect(result.status == 0, "stderr: \(result.standardError)")
        let config = try ExperimentConfig.load(path: folder.appendingPathComponent("out/config.json").path)
        #expect(config.points().map(\.replications) == [2, 2])
        #expect(config.points().map(\.seed) == [99, 99])
        let replications = try String(contentsOf: folder.appendingPathComponent("out/replications.csv"), encoding: .utf8)
        #expect(replications.split(separator: "\n").count == 1 + 6 * 2)
    }

    @Test("invalid config exits 1 naming the field")
    func invalidConfig() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = #"{"rules": {"continuation": {"afterLoss": [0.5, 1.5]}}, "strategies": ["never"]}"#
        try text.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["experiment", "run", "bad.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.json"))
        #expect(result.standardError.contains("rules.continuation.afterLoss[1]"))
        #expect(result.standardError.contains("a probability in [0, 1]"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("results").path))
    }

    @Test("missing config file exits 1")
    func missingConfig() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(["experiment", "run", "absent.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("absent.json"))
    }

    @Test("usage mistakes exit 64", arguments: [
        (["experiment", "run", "x.json", "--replications", "many"], "invalid value 'many' for --replications"),
        (["experiment", "run", "x.json", "--replications", "1"], "at least 2"),
        (["experiment", "run", "x.json", "--bogus"], "unknown option '--bogus'"),
        (["experiment", "run"], "missing argument CONFIG"),
        (["experiment", "launch"], "unknown subcommand 'launch'"),
        (["policy", "solve", "x.json"], "missing option --out"),
        (["experiment", "run", "x.json", "--threads", "5000"], "expected an integer in [1, 4096]"),
        (["experiment", "run", "x.json", "--seed", "9007199254740993"], "invalid value 9007199254740993 for --seed"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(arguments, in: folder)

        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
    }

    @Test("help describes every option", arguments: [
        (["experiment", "run", "--help"], ["--replications N", "--seed S", "--threads T", "--out DIR", "--quiet", "default"]),
        (["policy", "solve", "--help"], ["--out FILE", "retention-optimal-policy"]),
        (["experiment", "validate", "--help"], ["CONFIG"]),
        (["--help"], ["experiment run", "policy solve"]),
    ])
    func help(arguments: [String], expected: [String]) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(arguments, in: folder)

        #expect(result.status == 0)
        for text in expected {
            #expect(result.standardOutput.contains(text), "missing \(text) in: \(result.standardOutput)")
        }
    }

    @Test("policy solve exports the optimal policy")
    func policySolve() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = #"{"name": "solve", "rules": {"maxGames": 20, "bonusCost": 2}, "strategies": ["optimal"]}"#
        try text.write(to: folder.appendingPathComponent("solve.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["policy", "solve", "solve.json", "--out", "policy.json"], in: folder)

        #expect(result.status == 0, "stderr: \(result.standardError)")
        let loaded = try OptimalPolicy.load(from: folder.appendingPathComponent("policy.json"))
        #expect(loaded == OptimalPolicy.solve(rules: GameRules(maxGames: 20, bonusCost: 2)))
    }

    @Test("policy solve rejects a rules sweep")
    func policySolveSweep() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try smallSweepConfig.write(to: folder.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["policy", "solve", "small.json", "--out", "policy.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("rules.bonusCost (2 values)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("policy.json").path))
    }

    @Test("policy solve rejects oversized rules")
    func policySolveTooLarge() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = #"{"name": "long-sessions", "rules": {"maxGames": 100000}, "strategies": ["optimal"]}"#
        try config.write(to: folder.appendingPathComponent("long.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["policy", "solve", "long.json", "--out", "policy.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("40040380200 decision states"))
        #expect(result.standardError.contains("lower rules.maxGames"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("policy.json").path))
    }

    @Test("oversized rules run by simulation only")
    func runOversizedRules() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            {"name": "long", "rules": {"maxGames": 20000, "playersPerPopulation": 50},
             "strategies": ["never", "greedy"], "simulation": {"replications": 2}}
            """
        try config.write(to: folder.appendingPathComponent("long.json"), atomically: true, encoding: .utf8)

        let validation = try runRetention(["experiment", "validate", "long.json"], in: folder)
        let result = try runRetention(["experiment", "run", "long.json", "--out", "out"], in: folder)

        #expect(validation.status == 0, "stderr: \(validation.standardError)")
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("Note for never, greedy: exact evaluation skipped: 1608060200 decision states"))
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(report.contains("exact evaluation skipped"))
    }
}

@Suite("retention policy show")
struct PolicyShowTests {
    @Test("solve then show looks up a bonus state")
    func solveThenShow() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = #"{"name": "show", "rules": {"maxGames": 20, "bonusCost": 0}, "strategies": ["optimal"]}"#
        try text.write(to: folder.appendingPathComponent("show.json"), atomically: true, encoding: .utf8)
        let rules = GameRules(maxGames: 20, bonusCost: 0)
        let solved = OptimalPolicy.solve(rules: rules)
        let grid = solved.table.grid
        let bonusState = try #require((1...20).lazy.flatMap { games in
            Streak.afterGame.lazy.flatMap { streak in
                (grid.lowestIndex(games: games)...grid.highestIndex(games: games)).lazy.map {
                    (games: games, balance: grid.balance(atIndex: $0), streak: streak)
                }
            }
        }.first { solved.shouldGiveBonus(games: $0.games, balance: $0.balance, streak: $0.streak) })

        let solve = try runRetention(["policy", "solve", "show.json", "--out", "policy.json"], in: folder)
        let show = try runRetention(["policy", "show", "policy.json", "--games", "\(bonusState.games)",
                                     "--balance", "\(bonusState.balance)", "--streak", "\(bonusState.streak)"], in: folder)
        let noBonus = try runRetention(["policy", "show", "policy.json", "--games", "20",
                                        "--balance", "1000", "--streak", "win"], in: folder)

        #expect(solve.status == 0, "stderr: \(solve.standardError)")
        #expect(show.status == 0, "stderr: \(show.standardError)")
        #expect(show.standardOutput.contains("at most 20 games"))
        #expect(show.standardOutput.contains(String(format: "expected revenue: %.3f per 1000 players",
                                                    solved.expectedRevenuePerPlayer * 1000)))
        #expect(show.standardOutput.contains("bonus in \(solved.table.bonusStateCount) of \(solved.table.bitCount) decision states"))
        #expect(show.standardOutput.contains(
            "State after \(counted(bonusState.games, "game")), balance \(bonusState.balance), streak \(bonusState.streak): bonus"))
        #expect(noBonus.standardOutput.contains("State after 20 games, balance 1000, streak win: no bonus"))
    }

    @Test("corrupt file exits 1")
    func corruptFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "this is not a policy".write(to: folder.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["policy", "show", "policy.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("policy file"))
        #expect(result.standardError.contains("policy.json' cannot be loaded: it is not a complete policy JSON object"))
        #expect(result.standardError.contains("solve it again"))
    }

    @Test("partial lookup options exit 64")
    func partialLookup() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(["policy", "show", "policy.json", "--games", "3"], in: folder)

        #expect(result.status == 64)
        #expect(result.standardError.contains("--games, --balance and --streak go together"))
    }
}

@Suite("retention policy solve output")
struct PolicySolveOutputTests {
    @Test("missing output folder is named")
    func missingFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = #"{"name": "solve", "rules": {"maxGames": 20}, "strategies": ["optimal"]}"#
        try text.write(to: folder.appendingPathComponent("solve.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["policy", "solve", "solve.json", "--out", "missing/dir/p.json"], in: folder)

        #expect(result.status == 1)
        #expect(result.standardError.contains("the folder missing/dir does not exist; create it or choose another --out"))
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }
}

@Suite("retention experiment validate wording")
struct ValidateWordingTests {
    @Test("one strategy is singular")
    func singularStrategy() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"name": "one", "strategies": ["never"]}"#.write(
            to: folder.appendingPathComponent("one.json"), atomically: true, encoding: .utf8)

        let result = try runRetention(["experiment", "validate", "one.json"], in: folder)

        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("valid experiment one with 1 strategy (never) at 1 sweep point"))
    }
}
