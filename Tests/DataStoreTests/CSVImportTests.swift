import DataStore
import Foundation
import Testing

/// Parsing of CSV game actions and the messages for bad input.
@Suite("CSV import parsing")
struct CSVImportTests {
    func writeCSV(_ text: String) throws -> String {
        let path = try makeTemporaryDirectory("csv").appendingPathComponent("actions.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func readAll(_ path: String) throws -> [ActionBatch] {
        var reader = try CSVActionReader(path: path)
        var batches: [ActionBatch] = []
        while let batch = try reader.nextBatch(maxRows: 2) {
            batches.append(batch)
        }
        return batches
    }

    @Test("reads columns in any order, quotes and both time forms")
    func readsValidFile() throws {
        let lines = [
            "result,Game_Type,user_id,action_time\r",
            #"-3,"texas ""hold'em""",17,2026-03-01 10:00:00.250\#r"#,
            "0,slots,17,2026-03-01T10:05:00Z",
            "10, poker ,2,2026-03-01T12:05:00+02:00",
            "",
        ]
        let path = try writeCSV(lines.joined(separator: "\n"))
        defer { removeTemporaryDirectory(containing: path) }

        let batches = try readAll(path)

        #expect(batches.map(\.count) == [2, 1])
        #expect(batches[0].userIDs == [17, 17])
        #expect(batches[0].results == [-3, 0])
        #expect(batches[0].gameTypes == ["texas \"hold'em\"", "slots"])
        #expect(batches[1].gameTypes == ["poker"])
        #expect(batches[0].actionTimes.map(ActionTime.format) == ["2026-03-01 10:00:00.250", "2026-03-01 10:05:00"])
        #expect(batches[1].actionTimes.map(ActionTime.format) == ["2026-03-01 10:05:00"])
    }

    @Test("bad rows are rejected with line, column and value", arguments: [
        ("x1,2026-01-01 00:00:00,poker,1", "actions.csv:3: invalid value 'x1' in column user_id"),
        ("1,2026-02-30 00:00:00,poker,1", "actions.csv:3: invalid value '2026-02-30 00:00:00' in column action_time"),
        ("1,2026-01-01 00:00:00,poker,11", "actions.csv:3: invalid value '11' in column result: expected an integer from -10 to 10"),
        ("1,2026-01-01 00:00:00,,1", "actions.csv:3: invalid value '' in column game_type"),
        ("1,2026-01-01 00:00:00,poker", "actions.csv:3: the row has 3 fields but the header has 4"),
        ("3000000000,2026-01-01 00:00:00,poker,1", "actions.csv:3: invalid value '3000000000' in column user_id"),
    ])
    func rejectsBadRow(row: String, expected: String) throws {
        let path = try writeCSV("user_id,action_time,game_type,result\n1,2026-01-01 00:00:00,poker,1\n\(row)\n")
        defer { removeTemporaryDirectory(containing: path) }

        let error = try #require(throws: DataStoreError.self) { try readAll(path) }

        #expect(error.message.contains(expected), "message: \(error.message)")
        #expect(error.message.hasPrefix(path))
    }

    @Test("missing CSV file named as not found")
    func missingFile() throws {
        let directory = try makeTemporaryDirectory("csv-missing")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("actions.csv").path

        let error = try #require(throws: DataStoreError.self) { try CSVActionReader(path: path) }

        #expect(error.message == "CSV file '\(path)' not found; check the path")
    }

    @Test("header without a column names the file and the column")
    func rejectsMissingColumn() throws {
        let path = try writeCSV("user_id,action_time,result\n1,2026-01-01 00:00:00,1\n")
        defer { removeTemporaryDirectory(containing: path) }

        let error = try #require(throws: DataStoreError.self) { try CSVActionReader(path: path) }

        #expect(error.isSchemaMismatch)
        #expect(error.message.contains(path))
        #expect(error.message.contains("has no column 'game_type'"))
        #expect(error.message.contains("found user_id, action_time, result"))
    }
}
