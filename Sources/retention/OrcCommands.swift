import Foundation
import ORC

let orcCommands = CommandGroup(
    name: "orc",
    summary: "Inspect ORC files.",
    subcommands: [
        Subcommand(
            name: "meta",
            summary: "Print an ORC file's schema, stripes, statistics and metadata keys.",
            usage: "retention orc meta FILE",
            options: [],
            run: { arguments in
                let path = try arguments.requirePositionals(["FILE"])[0]
                print(try OrcReader(path: path).summary())
            }
        ),
        Subcommand(
            name: "cat",
            summary: "Print an ORC file's rows as JSON lines.",
            usage: "retention orc cat FILE [--columns NAMES] [--limit N]",
            options: [
                .value("columns", "NAMES", help: "Comma-separated top-level columns to print, in that order (default: all)."),
                .value("limit", "N", help: "Print at most N rows (default: all)."),
            ],
            run: { arguments in
                let path = try arguments.requirePositionals(["FILE"])[0]
                let limit = try arguments.int("limit", atLeast: 0) ?? Int.max
                let columns = arguments.string("columns").map { text in
                    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                try printRows(path: path, columns: columns, limit: limit)
            }
        ),
    ]
)

private func printRows(path: String, columns: [String]?, limit: Int) throws {
    let reader = try OrcReader(path: path)
    do {
        _ = try reader.columnIds(ofFields: columns)
    } catch let error as OrcError {
        throw UsageError(description: "invalid value for --columns: \(error.message)")
    }
    let formatter = OrcJSONFormatter()
    var remaining = limit
    var buffer = ""
    for index in reader.stripes.indices where remaining > 0 {
        let batch = try reader.readStripe(index, fields: columns)
        for row in 0..<min(batch.rowCount, remaining) {
            buffer += formatter.format(batch, row: row)
            buffer += "\n"
            if buffer.utf8.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        remaining -= min(batch.rowCount, remaining)
    }
    FileHandle.standardOutput.write(Data(buffer.utf8))
}
