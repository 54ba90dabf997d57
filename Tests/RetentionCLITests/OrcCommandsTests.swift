import Foundation
import Testing

/// Runs the built `retention` binary on the ORC examples and checks its output and exit status.
@Suite("retention orc commands")
struct OrcCommandsTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let examples: String = {
        if let fromEnvironment = ProcessInfo.processInfo.environment["ORC_EXAMPLES_DIR"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let beside = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/orc-examples").path
        if FileManager.default.fileExists(atPath: beside + "/MANIFEST.tsv") { return beside }
        return "/work/shared/orc-examples"
    }()

    /// Runs the binary and returns its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let binary = repositoryRoot.appendingPathComponent(".build/debug/retention").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the retention binary first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test("cat prints the selected columns")
    func catSelectedColumns() throws {
        let result = try Self.run(["orc", "cat", Self.examples + "/orc_index_int_string.orc", "--columns", "_col1,_col0", "--limit", "2"])
        #expect(result.status == 0)
        #expect(result.output == "{\"_col1\": \"1a\", \"_col0\": 1}\n{\"_col1\": \"2a\", \"_col0\": 2}\n")
    }

    @Test("cat prints timestamps and decimals")
    func catTimestampsAndDecimals() throws {
        let result = try Self.run(["orc", "cat", Self.examples + "/over1k_bloom.orc", "--columns", "_col8,_col9", "--limit", "1"])
        #expect(result.status == 0)
        #expect(result.output == "{\"_col8\": \"2013-03-01 09:11:58.703302\", \"_col9\": 45.40}\n")
    }

    @Test("meta prints the file facts")
    func metaPrintsFacts() throws {
        let result = try Self.run(["orc", "meta", Self.examples + "/TestVectorOrcFile.testLz4.orc"])
        #expect(result.status == 0)
        #expect(result.output.contains("schema: struct<x:bigint,y:int,z:bigint>\n"))
        #expect(result.output.contains("rows: 10000\n"))
        #expect(result.output.contains("compression: LZ4, block size 1000\n"))
        #expect(result.output.contains("stripes: 2\n"))
    }

    @Test("Bad file exits 1 with one line")
    func badFileExitsOne() throws {
        let result = try Self.run(["orc", "meta", Self.examples + "/zero.orc"])
        #expect(result.status == 1)
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(result.error.contains("zero.orc: the file is empty"))
    }

    @Test("Bad arguments exit 64", arguments: [
        ["orc", "cat"],
        ["orc", "cat", "a.orc", "b.orc"],
        ["orc", "cat", "FILE", "--limit", "-1"],
        ["orc", "cat", "FILE", "--colums", "a"],
    ])
    func badArgumentsExit64(arguments: [String]) throws {
        let fixed = arguments.map { $0 == "FILE" ? Self.examples + "/decimal.orc" : $0 }
        #expect(try Self.run(fixed).status == 64)
    }

    @Test("Unknown column exits 64")
    func unknownColumnExits64() throws {
        let result = try Self.run(["orc", "cat", Self.examples + "/decimal.orc", "--columns", "nope"])
        #expect(result.status == 64)
        #expect(result.error.contains("unknown column 'nope'; the file has: _col0"))
    }

    @Test("column list mistakes exit 64", arguments: [
        ("", "expected comma-separated column names"),
        ("_col0,", "expected comma-separated column names"),
        ("_col0,_col0", "column '_col0' is named twice"),
    ])
    func columnListMistakes(columns: String, message: String) throws {
        let result = try Self.run(["orc", "cat", Self.examples + "/decimal.orc", "--columns", columns])

        #expect(result.status == 64)
        #expect(result.error.contains(message))
        #expect(result.output.isEmpty)
    }

    @Test("repeated option exits 64")
    func repeatedOptionExits64() throws {
        let result = try Self.run(["orc", "cat", Self.examples + "/decimal.orc", "--limit", "1", "--limit", "2"])

        #expect(result.status == 64)
        #expect(result.error.contains("option --limit is given more than once"))
    }

    @Test("version prints the tool version")
    func version() throws {
        let result = try Self.run(["--version"])

        #expect(result.status == 0)
        #expect(result.output.hasPrefix("retention "))
        #expect(result.output.split(separator: ".").count == 3)
    }
}
