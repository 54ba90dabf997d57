import Foundation
import Testing

@Suite("retention detect and output errors")
struct DetectCommandTests {
    /// Generates a small store in a fresh folder and returns the folder.
    private func makeStore() throws -> URL {
        let folder = try makeTemporaryFolder()
        let result = try runRetention(["datastore", "generate", "--users", "20", "--games", "12", "--out", "store", "--seed", "5"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        return folder
    }

    @Test("option mistakes exit 64", arguments: [
        (["--last", "1000000"], "expected at most 1000"),
        (["--compare", "--engine", "rows"], "--compare always runs both engines"),
        (["--read-only", "--out", "flagged.csv"], "--out has no effect"),
        (["--read-only", "--allow-short"], "--allow-short has no effect"),
    ])
    func optionMistakes(options: [String], message: String) throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(["detect", "store"] + options, in: folder)

        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("flagged.csv").path))
    }

    @Test("largest window is accepted")
    func largestWindow() throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try runRetention(["detect", "store", "--last", "1000", "--allow-short"], in: folder)

        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("users seen 20"))
    }

    @Test("full output device exits 1", arguments: [["orc", "cat", "store/part-00000.orc"], ["orc", "meta", "store/part-00000.orc"], ["detect", "store"]])
    func fullOutputDevice(arguments: [String]) throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
            Issue.record("/dev/full is missing, so a full disk cannot be simulated here")
            return
        }

        let process = Process()
        process.executableURL = try retentionBinary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = full
        let error = Pipe()
        process.standardError = error
        try process.run()
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 1)
        #expect(errorText.contains("cannot write to standard output (No space left on device)"), "stderr: \(errorText)")
    }
}
