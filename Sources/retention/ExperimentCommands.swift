import Foundation

let experimentCommands = CommandGroup(
    name: "experiment",
    summary: "Run experiment configs and write comparison reports.",
    subcommands: []
)

let policyCommands = CommandGroup(
    name: "policy",
    summary: "Solve and export bonus policies.",
    subcommands: []
)
