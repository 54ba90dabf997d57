import Foundation

// The `retention` executable only parses arguments and calls the libraries. Each command group
// lives in its own `*Commands.swift` file.

/// Exit status for a usage mistake (BSD `EX_USAGE`), distinct from a runtime failure (1).
let usageExitCode: Int32 = 64

let groups: [CommandGroup] = [
    experimentCommands,
    policyCommands,
    orcCommands,
    dataStoreCommands,
    detectCommands,
]

func printTopLevelHelp() {
    var lines = [
        "retention: a Monte Carlo retention-strategy research workbench.",
        "",
        "Usage: retention COMMAND [SUBCOMMAND] [OPTIONS]",
        "",
        "Commands:",
    ]
    for group in groups {
        for subcommand in group.subcommands {
            let name = subcommand.name == group.name ? group.name : "\(group.name) \(subcommand.name)"
            lines.append("  " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + subcommand.summary)
        }
    }
    lines.append("")
    lines.append("Run 'retention COMMAND --help' for the options of one command, 'retention --version' for the version.")
    print(lines.joined(separator: "\n"))
}

/// A failure to write the command's output, such as a full disk behind a redirect.
struct OutputError: Error, CustomStringConvertible {
    var description: String
}

/// Writes text to standard output, throwing instead of trapping when the write fails.
func writeToStandardOutput(_ text: String) throws {
    // Earlier `print` output sits in the C library's buffer and must come first.
    fflush(nil)
    do {
        try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let reason = underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
        throw OutputError(description: "cannot write to standard output (\(reason)); check the disk or pipe it is redirected to")
    }
}

// `print` buffers in the C library and ignores write errors, so a command that printed into a
// full disk would exit 0 with its output lost. Flushing every stream reports such a failure.
// Swift 6 rejects the C global `stdout`, hence `fflush(nil)`.
func standardOutputFailed() -> Bool {
    fflush(nil) != 0
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func runMain(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first, first != "--help", first != "-h", first != "help" else {
        printTopLevelHelp()
        return arguments.isEmpty ? usageExitCode : 0
    }
    if first == "--version" {
        print("retention \(retentionVersion)")
        return 0
    }
    guard let group = groups.first(where: { $0.name == first }) else {
        standardError("retention: unknown command '\(first)'; run 'retention --help' to list the commands")
        return usageExitCode
    }

    var rest = Array(arguments.dropFirst())
    let subcommand: Subcommand
    if group.subcommands.count == 1, group.subcommands[0].name == group.name {
        subcommand = group.subcommands[0]
    } else if let name = rest.first, let match = group.subcommands.first(where: { $0.name == name }) {
        subcommand = match
        rest.removeFirst()
    } else {
        let names = group.subcommands.map(\.name).joined(separator: ", ")
        if let name = rest.first, name != "--help", name != "-h" {
            standardError("retention \(group.name): unknown subcommand '\(name)'; expected one of: \(names)")
            return usageExitCode
        }
        print("\(group.summary)\n\nSubcommands: \(names)\nRun 'retention \(group.name) SUBCOMMAND --help' for details.")
        return rest.isEmpty ? usageExitCode : 0
    }

    if rest.contains("--help") || rest.contains("-h") {
        print(subcommand.helpText)
        return 0
    }
    do {
        let parsed = try subcommand.parse(rest)
        try subcommand.run(parsed)
        guard !standardOutputFailed() else {
            throw OutputError(description: "cannot write to standard output (\(String(cString: strerror(errno)))); check the disk or pipe it is redirected to")
        }
        return 0
    } catch let error as UsageError {
        standardError("retention: \(error.description)")
        standardError("usage: \(subcommand.usage)")
        return usageExitCode
    } catch {
        standardError("retention: \(error)")
        return 1
    }
}

exit(runMain(Array(CommandLine.arguments.dropFirst())))
