import Foundation
import Reports
import Simulator
import Strategies
import Synchronization

/// The version recorded in results folders.
let retentionVersion = "0.1.0"

let experimentCommands = CommandGroup(
    name: "experiment",
    summary: "Run experiment configs and write comparison reports.",
    subcommands: [experimentRunCommand, experimentValidateCommand]
)

let policyCommands = CommandGroup(
    name: "policy",
    summary: "Solve, export and read bonus policies.",
    subcommands: [policySolveCommand, policyShowCommand]
)

private let experimentRunCommand = Subcommand(
    name: "run",
    summary: "Run every strategy of a config at every sweep point and write the results.",
    usage: "retention experiment run CONFIG [--replications N] [--seed S] [--threads T] [--out DIR] [--quiet]",
    options: [
        .value("replications", "N", help: "Simulated populations per strategy and sweep point, at least 2 "
            + "(default: simulation.replications of the config, else 100)."),
        .value("seed", "S", help: "Seed of the random number generator, a non-negative integer "
            + "(default: simulation.seed of the config, else 20261204)."),
        .value("threads", "T", help: "Worker threads, at least 1; results do not depend on it "
            + "(default: simulation.threads of the config, else one per core)."),
        .value("out", "DIR", help: "Folder for summary.csv, replications.csv, replications.orc, config.json and report.html "
            + "(default: results/<experiment name>)."),
        .flag("quiet", help: "Draw no progress bar (it is drawn only when standard error is a terminal anyway)."),
    ],
    details: """
        CONFIG is a JSON experiment config (see experiments/ and docs/experiments.md). Revenues are in money \
        units per 1000 players; the table gives the exact value where the strategy allows one and the \
        simulated mean with its 99% confidence interval. Exit status: 0 on success, 1 for an invalid config \
        or a failed run, 64 for a usage mistake.
        """,
    run: runExperiment
)

private let experimentValidateCommand = Subcommand(
    name: "validate",
    summary: "Check a config and list its sweep points without running it.",
    usage: "retention experiment validate CONFIG",
    options: [],
    details: "CONFIG is a JSON experiment config. Exit status: 0 when valid, 1 when invalid, 64 for a usage mistake.",
    run: validateExperiment
)

private let policySolveCommand = Subcommand(
    name: "solve",
    summary: "Solve the optimal bonus policy for a config's rules and export its decision table.",
    usage: "retention policy solve CONFIG --out FILE",
    options: [
        .value("out", "FILE", help: "Policy file to write (JSON, format retention-optimal-policy version 1); required."),
    ],
    details: """
        CONFIG is a JSON experiment config; its rules must have one value each (a sweep over simulation \
        settings is fine, a sweep over rules is rejected). Exit status: 0 on success, 1 for an invalid \
        config or an unwritable file, 64 for a usage mistake.
        """,
    run: solvePolicy
)

private let policyShowCommand = Subcommand(
    name: "show",
    summary: "Print what a policy file contains and, for one state, whether it gives a bonus.",
    usage: "retention policy show FILE [--games G --balance B --streak win|wins|loss|losses]",
    options: [
        .value("games", "G", help: "Games the player has played, at least 1 (the state to look up)."),
        .value("balance", "B", help: "The player's balance in money units after that game."),
        .value("streak", "S", help: "The player's streak after that game: win, wins (two or more), loss or losses."),
    ],
    details: """
        FILE is a policy written by 'retention policy solve' (format: docs/experiments.md). The lookup \
        options go together. Exit status: 0 on success, 1 for an unreadable or corrupt file, 64 for a \
        usage mistake.
        """,
    run: showPolicy
)

@Sendable
private func runExperiment(_ arguments: ParsedArguments) throws {
    let path = try arguments.requirePositionals(["CONFIG"])[0]
    let replications = try arguments.int("replications", atLeast: 2)
    let seed = try arguments.uint64("seed")
    let threadsOption = try arguments.int("threads", atLeast: 1)
    // The same bound as simulation.threads in a config, so the written config.json runs again.
    if let threadsOption, threadsOption > 4096 {
        throw UsageError(description: "invalid value \(threadsOption) for --threads: expected an integer in [1, 4096]")
    }
    // Compared as integers: above 2^53 a Double rounds, so 2^53 + 1 would slip through.
    if let seed, seed > UInt64(ExperimentField.maximumSeed) {
        throw UsageError(description: "invalid value \(seed) for --seed: expected an integer in [0, 9007199254740992]")
    }

    var config = try ExperimentConfig.load(path: path)
    if let replications { config.values["simulation.replications"] = [Double(replications)] }
    if let seed { config.values["simulation.seed"] = [Double(seed)] }
    let threads = threadsOption ?? config.threads ?? ProcessInfo.processInfo.activeProcessorCount
    let directory = URL(fileURLWithPath: arguments.string("out") ?? "results/\(config.name)")

    // Creating the folder first reports an unusable --out before the simulation time is spent.
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
        throw ExperimentError.failedRun("cannot create the results folder \(directory.path): "
            + "\(fileSystemReason(error)); choose another folder with --out", file: path)
    }

    let showsProgress = !arguments.has("quiet") && ProgressBar.isStandardErrorTerminal
    let bar = showsProgress ? ProgressBar(total: ExperimentRunner.replicationCount(config), label: "simulating") : nil
    var progress: (@Sendable (Int) -> Void)?
    if let bar {
        progress = { units in bar.advance(by: units) }
    }
    let frozenConfig = config
    let frozenProgress = progress
    let result: ExperimentResult = try runBlocking {
        try await ExperimentRunner.run(frozenConfig, threads: threads, toolVersion: retentionVersion,
                                       progress: frozenProgress)
    }
    bar?.finish()

    print(result.terminalTable())
    let files = try result.writeFiles(to: directory)
    print("")
    print("Wrote \(files.map { (url: URL) in url.lastPathComponent }.joined(separator: ", ")) to \(directory.path)")
}

@Sendable
private func validateExperiment(_ arguments: ParsedArguments) throws {
    let path = try arguments.requirePositionals(["CONFIG"])[0]
    let config = try ExperimentConfig.load(path: path)
    let points = config.points()
    print("\(path): valid experiment \(config.name) with \(counted(config.strategies.count, "strategy", plural: "strategies")) "
        + "(\(config.strategies.map(\.label).joined(separator: ", "))) at \(counted(points.count, "sweep point"))")
    for point in points where config.isSweep {
        print("  point \(point.index): \(point.label)")
    }
}

@Sendable
private func solvePolicy(_ arguments: ParsedArguments) throws {
    let path = try arguments.requirePositionals(["CONFIG"])[0]
    guard let output = arguments.string("out") else {
        throw UsageError(description: "missing option --out FILE: the file to write the policy to")
    }

    let config = try ExperimentConfig.load(path: path)
    let ruleAxes = config.sweepAxes.filter { $0.path.hasPrefix("rules.") }
    guard ruleAxes.isEmpty else {
        let axes = ruleAxes.map { "\($0.path) (\(config.values(of: $0).count) values)" }.joined(separator: ", ")
        throw ExperimentError.failedRun(
            "policy solve needs one set of rules, but the config sweeps \(axes); give each of these fields a single value",
            file: path)
    }
    guard let point = config.points().first else { return }

    guard DecisionTable.fits(point.rules) else {
        throw ExperimentError.failedRun(
            "the rules have \(BalanceGrid(rules: point.rules).stateCount) decision states, more than the "
                + "\(DecisionTable.maxStateCount) an optimal policy can hold; lower rules.maxGames or raise rules.stake",
            file: path)
    }
    // Checking the folder first reports a mistyped --out before the solve time is spent.
    let url = URL(fileURLWithPath: output)
    let parent = (output as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    var isDirectory: ObjCBool = false
    let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
    guard folderExists, isDirectory.boolValue else {
        let problem = folderExists
            ? "\(folder) is a file, not a folder; choose another --out"
            : "the folder \(folder) does not exist; create it or choose another --out"
        throw ExperimentError.failedRun("cannot write the policy to \(output): \(problem)", file: path)
    }
    let policy = OptimalPolicy.solve(rules: point.rules)
    do {
        try policy.export(to: url)
    } catch {
        throw ExperimentError.failedRun("cannot write the policy to \(output): \(fileSystemReason(error)); "
            + "choose another --out", file: path)
    }
    let table = policy.table
    print(String(format: "Solved the optimal policy for %@: expected revenue %.3f per 1000 players, bonus in %d of %d states",
                 config.name, policy.expectedRevenuePerPlayer * 1000, table.bonusStateCount, table.bitCount))
    print("Wrote \(url.path)")
}

@Sendable
private func showPolicy(_ arguments: ParsedArguments) throws {
    let path = try arguments.requirePositionals(["FILE"])[0]
    let games = try arguments.int("games", atLeast: 1)
    let balance = try arguments.int("balance", atLeast: 0)
    let streakText = arguments.string("streak")
    let lookupCount = [games != nil, balance != nil, streakText != nil].filter { $0 }.count
    guard lookupCount == 0 || lookupCount == 3 else {
        throw UsageError(description: "--games, --balance and --streak go together; give all three to look up a state")
    }
    var streak: Streak?
    if let streakText {
        streak = Streak.afterGame.first { $0.description == streakText }
        guard streak != nil else {
            throw UsageError(description: "invalid value '\(streakText)' for --streak: expected win, wins, loss or losses")
        }
    }

    let policy = try OptimalPolicy.load(from: URL(fileURLWithPath: path))

    let rules = policy.rules
    let table = policy.table
    print("Policy \(path)")
    print("  rules: stake \(rules.stake), starting balance \(rules.startingBalance), win probability "
        + "\(rules.winProbability), at most \(counted(rules.maxGames, "game")), bonus \(rules.bonusAmount) costing "
        + "\(rules.bonusCost), \(rules.revenueModel.rawValue) revenue")
    print("  continuation: after a win \(rules.continueAfterWin), after wins \(rules.continueAfterWinStreak), "
        + "after a loss \(rules.continueAfterLoss), after losses \(rules.continueAfterLossStreak)")
    print(String(format: "  expected revenue: %.3f per 1000 players", policy.expectedRevenuePerPlayer * 1000))
    print("  bonus in \(table.bonusStateCount) of \(table.bitCount) decision states")

    guard let games, let balance, let streak else { return }
    let decision = policy.shouldGiveBonus(games: games, balance: balance, streak: streak) ? "bonus" : "no bonus"
    print("State after \(counted(games, "game")), balance \(balance), streak \(streak): \(decision)")
    if games > rules.maxGames || !table.contains(games: games, balance: balance) {
        print("  (the rules cannot reach this state, so the policy gives no bonus there)")
    }
}

/// Runs async work to completion from synchronous code and returns its result.
///
/// The command-line entry point is synchronous; the caller's thread blocks while the work runs
/// on the concurrency runtime's threads.
private func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let result: Result<T, any Error>
        do {
            result = .success(try await work())
        } catch {
            result = .failure(error)
        }
        outcome.withLock { $0 = result }
        done.signal()
    }
    done.wait()
    return try outcome.withLock { $0! }.get()
}
