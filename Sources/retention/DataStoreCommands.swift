import Foundation

let dataStoreCommands = CommandGroup(
    name: "datastore",
    summary: "Generate and import game-action data stores in ORC.",
    subcommands: []
)

let detectCommands = CommandGroup(
    name: "detect",
    summary: "Find players who lost most of their last games.",
    subcommands: []
)
