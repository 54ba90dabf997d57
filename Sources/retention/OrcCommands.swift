import Foundation

let orcCommands = CommandGroup(
    name: "orc",
    summary: "Inspect ORC files.",
    subcommands: []
)
