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
