import DataStore
import Foundation
import Strategies
import Testing

/// Runs the PySpark job of `experiments/spark` in local mode on a generated store and checks that
/// Spark writes the same flagged-player CSV, byte for byte, as the Swift engines. This also shows
/// that Spark reads the ORC files this project writes, and that the engines read the store that
/// Spark writes back.
@Suite("PySpark job against the engines")
struct SparkAgreementTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Returns the venv Python: `RETENTION_PYTHON`, else the venv that `scripts/test.sh` creates.
    static func pythonPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let python = environment["RETENTION_PYTHON"], !python.isEmpty { return python }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (cache as NSString).appendingPathComponent("retention-workbench/venv/bin/python")
    }

    /// Returns JAVA_HOME, else a Java 17 home under /usr/lib/jvm.
    static func javaHome() -> String? {
        if let home = ProcessInfo.processInfo.environment["JAVA_HOME"], !home.isEmpty { return home }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/jvm")) ?? []
        return names.sorted()
            .filter { $0.contains("17") && !$0.hasPrefix(".") }
            .map { "/usr/lib/jvm/" + $0 }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/bin/java") }
    }

    @Test("Spark RDD and DataFrame jobs flag the same players", .timeLimit(.minutes(3)))
    func sparkAgrees() async throws {
        let python = Self.pythonPath()
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("no Python with PySpark at \(python); run scripts/test.sh, which creates the venv, or set RETENTION_PYTHON")
            return
        }
        let directory = try makeTemporaryDirectory("spark")
        defer { removeTemporaryDirectory(directory) }
        let store = directory.appendingPathComponent("store").path
        let generator = ActionGenerator(users: 400, games: 25, files: 3, seed: 5)
        _ = try await StoreWriting.generate(generator, directory: store, stripeRows: 1000)
        let rule = LossRatioRule(lastGames: 10, threshold: 0.7)
        let source = try OrcActionStore(path: store)
        let rows = try await RowDetector.detect(source, rule: rule)
        let columns = try await ColumnarDetector.detect(source, rule: rule)

        let rddOutput = directory.appendingPathComponent("rdd.csv").path
        let dataFrameOutput = directory.appendingPathComponent("dataframe.csv").path
        let sparkStore = directory.appendingPathComponent("spark-store").path
        let output = try runSparkJob(python: python, arguments: [
            store, "--master", "local[2]", "--shuffle-partitions", "2", "--quiet",
            "--out-rdd", rddOutput, "--out-dataframe", dataFrameOutput, "--rewrite-as", sparkStore,
        ])

        let rddText = try String(contentsOfFile: rddOutput, encoding: .utf8)
        let dataFrameText = try String(contentsOfFile: dataFrameOutput, encoding: .utf8)
        // Spark's writer may reorder rows between files, which matters only for equal times, and
        // the generator writes none, so the engines must flag the same players.
        let sparkWritten = try await ColumnarDetector.detect(OrcActionStore(path: sparkStore), rule: rule)

        #expect(rows == columns)
        #expect(!columns.flagged.isEmpty)
        // The generator draws times at random milliseconds, so this compares the 3-digit form.
        let swiftText = FlaggedUsersOutput.csv(columns.flagged)
        #expect(rddText == swiftText, "Spark output:\n\(output)")
        #expect(dataFrameText == swiftText, "Spark output:\n\(output)")
        #expect(sparkWritten.flagged.map(\.userID) == columns.flagged.map(\.userID))
        #expect(sparkWritten.usersSeen == columns.usersSeen)
        #expect(sparkWritten.rowsRead == columns.rowsRead)
    }

    func runSparkJob(python: String, arguments: [String]) throws -> String {
        let script = Self.repositoryRoot.appendingPathComponent("experiments/spark/detect_losses.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        environment["PYSPARK_PYTHON"] = python
        if let javaHome = Self.javaHome() { environment["JAVA_HOME"] = javaHome }
        process.environment = environment
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("spark-\(UUID().uuidString).log")
        try #require(FileManager.default.createFile(atPath: outputFile.path, contents: nil))
        let handle = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = handle
        process.standardError = handle

        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outputFile)
        guard process.terminationStatus == 0 else {
            throw SparkJobFailure(description: "the PySpark job exited with status \(process.terminationStatus):\n\(output)")
        }
        return output
    }
}

struct SparkJobFailure: Error, CustomStringConvertible {
    var description: String
}
