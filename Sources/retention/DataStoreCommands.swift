import DataStore
import Dispatch
import Foundation
import Strategies

let dataStoreCommands = CommandGroup(
    name: "datastore",
    summary: "Generate and import game-action data stores in ORC.",
    subcommands: [generateCommand, importCommand]
)

let detectCommands = CommandGroup(
    name: "detect",
    summary: "Find players who lost most of their last games.",
    subcommands: [detectCommand]
)

private let stripeRowsOption = OptionSpec.value(
    "stripe-rows", "ROWS", help: "Rows per ORC stripe (default \(StoreWriting.defaultStripeRows)).")

private let generateCommand = Subcommand(
    name: "generate",
    summary: "Write a data store of random game actions.",
    usage: "retention datastore generate --out DIR [--users U] [--games G] [--seed S] [--files K] [--stripe-rows ROWS]",
    options: [
        .value("out", "DIR", help: "Directory to create the ORC part files in (required)."),
        .value("users", "U", help: "Number of players, with ids 1 to U (default 1000)."),
        .value("games", "G", help: "Games per player (default 100)."),
        .value("seed", "S", help: "Random seed; the same seed writes the same store (default 1)."),
        .value("files", "K", help: "Number of part files, written in parallel (default: one per core)."),
        stripeRowsOption,
    ],
    details: """
        DIR is created with its missing parents and must not contain part files yet. Exit status: 0 on \
        success, 1 when DIR cannot be created or written, 64 for a usage mistake.
        """,
    run: { arguments in
        _ = try arguments.requirePositionals([])
        guard let out = arguments.string("out") else { throw UsageError(description: "missing --out DIR: the directory to write the store to") }
        let users = try arguments.int("users", atLeast: 1) ?? 1000
        let games = try arguments.int("games", atLeast: 1) ?? 100
        let seed = try arguments.uint64("seed") ?? 1
        let files = try arguments.int("files", atLeast: 1) ?? min(defaultWorkerCount, games)
        let stripeRows = try arguments.int("stripe-rows", atLeast: 1) ?? StoreWriting.defaultStripeRows
        guard users <= Int(Int32.max) else {
            throw UsageError(description: "invalid value \(users) for --users: user ids are ORC int, so at most \(Int32.max)")
        }

        let generator = ActionGenerator(users: users, games: games, files: files, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let paths = try runBlocking {
            try await StoreWriting.generate(generator, directory: out, stripeRows: stripeRows)
        }
        let seconds = (clock.now - start) / .seconds(1)
        print("wrote \(counted(generator.rowCount, "row")) (\(counted(users, "user")) x \(counted(games, "game")), seed \(seed)) "
            + "to \(counted(paths.count, "part file")) in \(out) in \(String(format: "%.2f", seconds)) s")
    }
)

private let importCommand = Subcommand(
    name: "import",
    summary: "Convert a CSV file of game actions into a data store.",
    usage: "retention datastore import CSV --out DIR [--stripe-rows ROWS]",
    options: [
        .value("out", "DIR", help: "Directory to write the ORC part file to (required)."),
        stripeRowsOption,
    ],
    details: """
        CSV has a header naming user_id, action_time, game_type and result in any order (see \
        docs/batch.md). The first bad row stops the import and no part file is written. Exit status: 0 \
        on success, 1 for a bad row or a file that cannot be read or written, 64 for a usage mistake.
        """,
    run: { arguments in
        let csv = try arguments.requirePositionals(["CSV"])[0]
        guard let out = arguments.string("out") else { throw UsageError(description: "missing --out DIR: the directory to write the store to") }
        let stripeRows = try arguments.int("stripe-rows", atLeast: 1) ?? StoreWriting.defaultStripeRows

        let rows = try StoreWriting.importCSV(csv, directory: out, stripeRows: stripeRows)
        print("imported \(counted(rows, "row")) from \(csv) into \(out)")
    }
)

private let detectCommand = Subcommand(
    name: "detect",
    summary: "Flag players who lost at least a share p of their last N games.",
    usage: "retention detect STORE [--engine rows|columns|both] [--last N] [--threshold P] [--allow-short] [--out FILE] "
        + "[--compare] [--read-only] [--workers W]",
    options: [
        .value("engine", "ENGINE", help: "rows (record at a time), columns (column batches) or both (default columns)."),
        .value("last", "N", help: "Number of latest games per player, 1 to 1000 (default 10)."),
        .value("threshold", "P", help: "Share of those games lost to be flagged, in [0, 1] (default 0.7)."),
        .flag("allow-short", help: "Judge players with fewer than N games over the games they have."),
        .value("out", "FILE", help: "Write flagged players to FILE, as CSV when it ends in .csv and as ORC when it ends in .orc."),
        .flag("compare", help: "Run both engines, check that their results match, write results/batch-compare.csv."),
        .flag("read-only", help: "Only read and touch the three detection columns, for timing."),
        .value("workers", "W", help: "Number of parallel scan workers (default: one per core)."),
    ],
    details: """
        STORE is a folder of ORC part files or one ORC file (see docs/batch.md). The folder of --out \
        must exist; it is checked before the scan. Exit status: 0 on success, 1 for an unreadable store, \
        an unwritable output or engines that disagree, 64 for a usage mistake.
        """,
    run: { arguments in
        let store = try arguments.requirePositionals(["STORE"])[0]
        try checkDetectOptionConflicts(arguments)
        let rule = try detectionRule(arguments)
        let workers = try arguments.int("workers", atLeast: 1) ?? defaultWorkerCount
        let engineName = arguments.string("engine") ?? "columns"
        let engines: [DetectionEngine]
        if arguments.has("compare") || engineName == "both" {
            engines = DetectionEngine.allCases
        } else if let engine = DetectionEngine(rawValue: engineName) {
            engines = [engine]
        } else {
            throw UsageError(description: "invalid value '\(engineName)' for --engine: expected rows, columns or both")
        }

        let out = arguments.string("out")
        if let out {
            try OutputPath.checkFile(out, fix: "choose another --out", extensions: ["csv", "orc"])
        }
        if arguments.has("compare") {
            try checkComparisonPath()
        }

        let source = try OrcActionStore(path: store)
        print("store: \(store) (\(counted(source.partFiles.count, "part file")), \(counted(source.units.count, "stripe")), "
            + "\(counted(source.rowCount, "row")))")
        if arguments.has("read-only") {
            let run = try runBlocking { try await EngineRun.measureColumnRead(on: source, workers: workers) }
            print(summaryLine(run))
            return
        }

        var runs: [EngineRun] = []
        for engine in engines {
            let run = try runBlocking { try await EngineRun.measure(engine, on: source, rule: rule, workers: workers) }
            print(summaryLine(run))
            runs.append(run)
        }
        try checkAgreement(runs)

        if arguments.has("compare") {
            try writeComparison(runs)
        }
        if let out, let result = runs.first?.result {
            try FlaggedUsersOutput.write(result.flagged, to: out)
            print("wrote \(counted(result.flagged.count, "flagged player")) to \(out)")
        }
    }
)

// Options that the chosen mode would ignore are rejected, so no request is dropped silently.
private func checkDetectOptionConflicts(_ arguments: ParsedArguments) throws {
    if arguments.has("compare"), arguments.string("engine") != nil {
        throw UsageError(description: "--compare always runs both engines; drop --engine")
    }
    if arguments.has("read-only") {
        let ignored = ["engine", "last", "threshold", "out"].filter { arguments.string($0) != nil }
            + ["allow-short", "compare"].filter { arguments.has($0) }
        if let option = ignored.first {
            throw UsageError(description: "--read-only only reads the columns and detects nothing, so --\(option) has no effect; drop one of them")
        }
    }
}

/// The largest `--last` the command accepts: the columnar engine keeps N games per player in memory.
private let maximumLastGames = 1000

private func detectionRule(_ arguments: ParsedArguments) throws -> LossRatioRule {
    let lastGames = try arguments.int("last") ?? LossRatioRule.standard.lastGames
    guard lastGames <= maximumLastGames else {
        throw UsageError(description: "invalid value \(lastGames) for --last: expected at most \(maximumLastGames), "
            + "because the columnar engine keeps N games per player in memory")
    }
    let threshold = try arguments.double("threshold") ?? LossRatioRule.standard.threshold
    if let problem = LossRatioRule.validationError(lastGames: lastGames, threshold: threshold) {
        throw UsageError(description: problem)
    }
    return LossRatioRule(lastGames: lastGames, threshold: threshold, allowsShortHistory: arguments.has("allow-short"))
}

private func summaryLine(_ run: EngineRun) -> String {
    let memory = run.peakMemoryGrowth.map { String(format: ", peak memory +%.1f MiB", Double($0) / 1_048_576) } ?? ""
    let timing = String(format: "%.3f s, %.0f rows/s", run.seconds, run.rowsPerSecond)
    guard let result = run.result else {
        return "\(run.label): read \(counted(run.rows, "row")) in \(timing)\(memory)"
    }
    return "\(run.label): users seen \(result.usersSeen), flagged \(result.flagged.count), rows \(result.rowsRead), \(timing)\(memory)"
}

private struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

private func checkAgreement(_ runs: [EngineRun]) throws {
    guard let first = runs.first, let firstResult = first.result else { return }
    for run in runs.dropFirst() {
        guard let result = run.result,
              let difference = firstResult.firstDifference(from: result, names: (first.label, run.label)) else { continue }
        throw CommandFailure(description: "the engines disagree: \(difference); this is a bug in one of them, please report it with the store")
    }
    if runs.count > 1 {
        print("engines agree: \(counted(firstResult.flagged.count, "flagged player")), identical in both")
    }
}

private let comparisonPath = "results/batch-compare.csv"
private let comparisonFix = "run the command from a folder where results/ can be written"

// Runs before the scan, so an unwritable results folder fails at once.
private func checkComparisonPath() throws {
    try OutputPath.createFolder("results", fix: comparisonFix)
    try OutputPath.checkFile(comparisonPath, fix: comparisonFix, extensions: ["csv"])
}

private func writeComparison(_ runs: [EngineRun]) throws {
    let text = EngineRun.csv(runs)
    try OutputPath.write(text, to: comparisonPath, fix: comparisonFix)
    print("")
    print(text, terminator: "")
    print("wrote \(comparisonPath)")
}

// The CLI is synchronous, so async library calls run on the cooperative pool while the main
// thread, which is not part of that pool, waits.
private final class BlockingResult<Value: Sendable>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}

private func runBlocking<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
    let box = BlockingResult<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            box.result = .success(try await operation())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}
