import DataStore
import Foundation
import ORC
import Strategies
import Testing

/// Stores on disk: written by the generator and the CSV import, read back by both engines, and
/// rejected with clear messages when a column is missing or has an incompatible type.
@Suite("ORC data stores")
struct OrcStoreTests {
    @Test("generated store with tiny stripes matches the reference")
    func generatedStore() async throws {
        let directory = try makeTemporaryDirectory("generated").path
        defer { removeTemporaryDirectory(URL(fileURLWithPath: directory)) }
        let generator = ActionGenerator(users: 150, games: 31, files: 3, seed: 11)
        let paths = try await StoreWriting.generate(generator, directory: directory, stripeRows: 97)
        let store = try OrcActionStore(path: directory)

        let answers = try await allAnswers(store, rule: .standard)
        let inMemory = try ReferenceDetector.detect(memoryStore(generator, stripeRows: 97), rule: .standard)

        #expect(paths.count == 3)
        // Files of 11, 10 and 10 rounds of 150 rows, cut into stripes of 97 rows: 18 + 16 + 16.
        #expect(store.units.count == 50)
        #expect(answers.reference == inMemory)
        #expect(answers.reference.rowsRead == 150 * 31)
        #expect(!answers.reference.flagged.isEmpty)
        #expect(answers.rows == answers.reference)
        #expect(answers.columns == answers.reference)
    }

    @Test("one player split across part files and stripes")
    func userSplitAcrossFilesAndStripes() async throws {
        // Player 9's games 0 and 1 are wins in the last file; the newest ten hold seven losses.
        let games = history(9, results: [4, 4, -1, -1, -1, 1, -1, -1, 1, -1, 1, -1])
        let filler = history(10, results: [1, 2, 3])
        let directory = try makeTemporaryDirectory("split").path
        defer { removeTemporaryDirectory(URL(fileURLWithPath: directory)) }
        try writeStore(directory, files: [[games[5], games[11], filler[0], games[2]],
                                          [games[9], filler[1], games[3], games[7], games[4]],
                                          [games[10], games[0], games[8], filler[2], games[1], games[6]]],
                       stripeRows: 2)
        let store = try OrcActionStore(path: directory)

        let answers = try await allAnswers(store, rule: .standard)

        let expected = [FlaggedUser(userID: 9, losses: 7, games: 10, lastActionTime: games[11].actionTime)]
        #expect(store.units.count == 2 + 3 + 3)
        #expect(answers.reference.flagged == expected)
        #expect(answers.rows.flagged == expected)
        #expect(answers.columns.flagged == expected)
    }

    @Test("CSV import writes a store the engines read")
    func csvImport() async throws {
        let directory = try makeTemporaryDirectory("import")
        defer { removeTemporaryDirectory(directory) }
        let csv = directory.appendingPathComponent("actions.csv").path
        var lines = ["user_id,action_time,game_type,result"]
        for (index, result) in [-1, -2, -3, 4, -5, -6, -7, 8, 0, -9].enumerated() {
            lines.append("42,2026-02-01 10:\(10 + index):00.125,poker,\(result)")
        }
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)

        let rows = try StoreWriting.importCSV(csv, directory: directory.appendingPathComponent("store").path, stripeRows: 4)
        let store = try OrcActionStore(path: directory.appendingPathComponent("store").path)
        let answers = try await allAnswers(store, rule: .standard)

        #expect(rows == 10)
        #expect(store.units.count == 3)
        let lastTime = try #require(ActionTime.parse("2026-02-01 10:19:00.125"))
        let expected = [FlaggedUser(userID: 42, losses: 7, games: 10, lastActionTime: lastTime)]
        #expect(answers.reference.flagged == expected)
        #expect(answers.rows.flagged == expected)
        #expect(answers.columns.flagged == expected)
    }

    @Test("Spark and Hive column types are accepted")
    func compatibleTypes() async throws {
        let schema = OrcType.struct([
            ("USER_ID", OrcType(.long)),
            ("game_type", OrcType.varchar(20)),
            ("action_time", OrcType(.timestamp)),
            ("result", OrcType(.byte)),
            ("session", OrcType(.string)),
        ])
        let results: [Int64] = [-1, -2, 3, -4, -5, 6, -7, -8, 9, -10]
        let path = try makeTemporaryDirectory("types").appendingPathComponent("hive.orc").path
        defer { removeTemporaryDirectory(containing: path) }
        try writeFile(path, schema: schema, columns: [
            .integer(Array(repeating: 5_000_000_000, count: 10)),
            .bytes(BytesColumn(strings: Array(repeating: "slots", count: 10))),
            .timestamp(TimestampColumn(seconds: (0..<10).map { 1_767_225_600 + $0 }, nanoseconds: Array(repeating: 0, count: 10))),
            .integer(results),
            .bytes(BytesColumn(strings: Array(repeating: "s1", count: 10))),
        ])
        let store = try OrcActionStore(path: path)

        let answers = try await allAnswers(store, rule: .standard)

        let expected = [FlaggedUser(userID: 5_000_000_000, losses: 7, games: 10,
                                    lastActionTime: 1_767_225_609 * ActionTime.nanosecondsPerSecond)]
        #expect(answers.reference.flagged == expected)
        #expect(answers.rows.flagged == expected)
        #expect(answers.columns.flagged == expected)
    }

    @Test("rows with a null detection column are skipped")
    func nullValuesSkipped() async throws {
        // Player 1 has ten losses, but three rows lack a user, a time or a result, which leaves seven
        // games: flagged only with allow-short. The null game type of row 9 does not matter.
        let count = 10
        let path = try makeTemporaryDirectory("nulls").appendingPathComponent("part-00000.orc").path
        defer { removeTemporaryDirectory(containing: path) }
        let writer = try OrcWriter(path: path, schema: ActionSchema.written)
        try writer.write(ColumnVector(count: count, values: .struct([
            ColumnVector(count: count, present: (0..<count).map { $0 != 2 }, values: .integer(Array(repeating: 1, count: count))),
            ColumnVector(count: count, present: (0..<count).map { $0 != 4 }, values: .timestamp(TimestampColumn(
                seconds: (0..<count).map { 1_767_225_600 + Int64($0) }, nanoseconds: Array(repeating: 0, count: count)))),
            ColumnVector(count: count, present: (0..<count).map { $0 != 9 }, values: .bytes(BytesColumn(strings: Array(repeating: "poker", count: count)))),
            ColumnVector(count: count, present: (0..<count).map { $0 != 6 }, values: .integer(Array(repeating: -1, count: count))),
        ])))
        try writer.close()
        let store = try OrcActionStore(path: path)

        let strict = try await allAnswers(store, rule: .standard)
        let lenient = try await allAnswers(store, rule: LossRatioRule(lastGames: 10, threshold: 0.7, allowsShortHistory: true))

        for result in [strict.reference, strict.rows, strict.columns] {
            #expect(result.rowsRead == 7)
            #expect(result.flagged.isEmpty)
        }
        let expected = [FlaggedUser(userID: 1, losses: 7, games: 7, lastActionTime: 1_767_225_609 * ActionTime.nanosecondsPerSecond)]
        #expect(lenient.reference.flagged == expected)
        #expect(lenient.rows.flagged == expected)
        #expect(lenient.columns.flagged == expected)
    }

    @Test("missing column names the file, column and columns found")
    func missingColumn() throws {
        let schema = OrcType.struct([("user_id", OrcType(.int)), ("action_time", OrcType(.timestamp)),
                                     ("game_type", OrcType(.string))])
        let path = try makeTemporaryDirectory("missing").appendingPathComponent("part-00000.orc").path
        defer { removeTemporaryDirectory(containing: path) }
        try writeFile(path, schema: schema, columns: [
            .integer([1]), .timestamp(TimestampColumn(seconds: [0], nanoseconds: [0])), .bytes(BytesColumn(strings: ["poker"])),
        ])

        let error = try #require(throws: DataStoreError.self) { try OrcActionStore(path: path) }

        #expect(error.isSchemaMismatch)
        #expect(error.message.contains("'\(path)'"))
        #expect(error.message.contains("missing column 'result'"))
        #expect(error.message.contains("user_id int, action_time timestamp, game_type string"))
    }

    @Test("incompatible type names the file, column and both types")
    func incompatibleType() throws {
        let schema = OrcType.struct([("user_id", OrcType(.int)), ("action_time", OrcType(.string)),
                                     ("game_type", OrcType(.string)), ("result", OrcType(.double))])
        let directory = try makeTemporaryDirectory("incompatible")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("000000_0").path
        try writeFile(path, schema: schema, columns: [
            .integer([1]), .bytes(BytesColumn(strings: ["2026-01-01 00:00:00"])), .bytes(BytesColumn(strings: ["poker"])), .double([-1]),
        ])

        let error = try #require(throws: DataStoreError.self) { try OrcActionStore(path: directory.path) }

        #expect(error.isSchemaMismatch)
        #expect(error.message.contains("'\(path)'"))
        #expect(error.message.contains("column 'action_time' has type string; expected timestamp"))
    }

    @Test("directory without part files is an error")
    func emptyDirectory() throws {
        let directory = try makeTemporaryDirectory("empty").path
        defer { removeTemporaryDirectory(URL(fileURLWithPath: directory)) }
        #expect(FileManager.default.createFile(atPath: directory + "/_SUCCESS", contents: Data()))

        let error = try #require(throws: DataStoreError.self) { try OrcActionStore(path: directory) }

        #expect(error.message.contains("contains no part files"))
    }

    @Test("flagged players written as ORC read back")
    func flaggedOutputAsORC() throws {
        let flagged = [FlaggedUser(userID: 3, losses: 8, games: 10, lastActionTime: 1_767_225_600_250_000_000),
                       FlaggedUser(userID: 70, losses: 7, games: 9, lastActionTime: -1_500_000_000)]
        let path = try makeTemporaryDirectory("flagged").appendingPathComponent("flagged.orc").path
        defer { removeTemporaryDirectory(containing: path) }

        try FlaggedUsersOutput.write(flagged, to: path)
        let batch = try OrcReader(path: path).readStripe(0)

        guard case .integer(let ids) = batch.column(named: "user_id")?.values,
              case .integer(let losses) = batch.column(named: "losses")?.values,
              case .timestamp(let times) = batch.column(named: "last_action_time")?.values else {
            Issue.record("unexpected column types in \(batch.schema)")
            return
        }
        #expect(ids == [3, 70])
        #expect(losses == [8, 7])
        #expect(times.seconds == [1_767_225_600, -2])
        #expect(times.nanoseconds == [250_000_000, 500_000_000])
    }
}

/// Writes one ORC file with the given schema and one vector per top-level field.
func writeFile(_ path: String, schema: OrcType, columns: [ColumnValues]) throws {
    let vectors = columns.map { values -> ColumnVector in
        let count = switch values {
        case .integer(let array): array.count
        case .double(let array): array.count
        case .bytes(let bytes): bytes.count
        case .timestamp(let timestamps): timestamps.seconds.count
        default: 0
        }
        return ColumnVector(count: count, values: values)
    }
    let writer = try OrcWriter(path: path, schema: schema)
    try writer.write(ColumnVector(count: vectors[0].count, values: .struct(vectors)))
    try writer.close()
}

/// Writes part files of the written schema with the given rows, `stripeRows` rows per stripe.
func writeStore(_ directory: String, files: [[GameAction]], stripeRows: Int) throws {
    for (index, rows) in files.enumerated() {
        var options = OrcWriterOptions()
        options.stripeSize = 1
        options.rowIndexStride = stripeRows
        let writer = try OrcWriter(path: StoreWriting.partFilePath(directory, index: index),
                                   schema: ActionSchema.written, options: options)
        for start in stride(from: 0, to: rows.count, by: stripeRows) {
            let chunk = rows[start..<min(rows.count, start + stripeRows)]
            let seconds = chunk.map { $0.actionTime / ActionTime.nanosecondsPerSecond }
            try writer.write(ColumnVector(count: chunk.count, values: .struct([
                ColumnVector(count: chunk.count, values: .integer(chunk.map(\.userID))),
                ColumnVector(count: chunk.count, values: .timestamp(TimestampColumn(
                    seconds: seconds, nanoseconds: chunk.map { Int32($0.actionTime % ActionTime.nanosecondsPerSecond) }))),
                ColumnVector(count: chunk.count, values: .bytes(BytesColumn(strings: chunk.map(\.gameType)))),
                ColumnVector(count: chunk.count, values: .integer(chunk.map(\.result))),
            ])))
        }
        try writer.close()
    }
}
