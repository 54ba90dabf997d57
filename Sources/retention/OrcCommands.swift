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
                let columns = try arguments.string("columns").map(parseColumnList)
                try printRows(path: path, columns: columns, limit: limit)
            }
        ),
    ]
)

// Splits `--columns a,b` into names, rejecting an empty list and repeated names, which would
// print rows with no fields or JSON objects with duplicate keys.
private func parseColumnList(_ text: String) throws -> [String] {
    let names = text.split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
    guard !names.contains(where: \.isEmpty) else {
        throw UsageError(description: "invalid value '\(text)' for --columns: expected comma-separated column names such as user_id,result")
    }
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
        throw UsageError(description: "invalid value '\(text)' for --columns: column '\(name)' is named twice; name each column once")
    }
    return names
}

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
                try writeToStandardOutput(buffer)
                buffer = ""
            }
        }
        remaining -= min(batch.rowCount, remaining)
    }
    try writeToStandardOutput(buffer)
}
