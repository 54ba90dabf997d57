import DataStore
import Foundation
import Testing

/// Output paths are checked before long work, and their errors name the path and cause in plain
/// words instead of Foundation's "The operation could not be completed".
@Suite("Output path checks")
struct OutputPathTests {
    static let fix = "choose another --out"

    @Test("missing folder named with the fix")
    func missingFolder() throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let folder = directory.appendingPathComponent("missing").path

        let error = try #require(throws: DataStoreError.self) {
            try OutputPath.checkFile(folder + "/x.csv", fix: Self.fix, extensions: ["csv", "orc"])
        }

        #expect(error.message == "the folder \(folder) does not exist; create it or choose another --out")
    }

    @Test("extension other than csv or orc rejected")
    func wrongExtension() throws {
        let error = try #require(throws: DataStoreError.self) {
            try OutputPath.checkFile("flagged.txt", fix: Self.fix, extensions: ["csv", "orc"])
        }

        #expect(error.message == "invalid file name flagged.txt: it must end in .csv or .orc; choose another --out")
    }

    @Test("writable path passes and leaves no file")
    func writablePath() throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("flagged.ORC").path

        try OutputPath.checkFile(path, fix: Self.fix, extensions: ["csv", "orc"])

        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("folder that takes no new files")
    func procFolder() throws {
        try #require(FileManager.default.fileExists(atPath: "/proc/self"), "this test needs Linux's /proc")

        let fileError = try #require(throws: DataStoreError.self) {
            try OutputPath.checkFile("/proc/x.csv", fix: Self.fix, extensions: ["csv"])
        }
        let folderError = try #require(throws: DataStoreError.self) {
            try OutputPath.createFolder("/proc/x", fix: Self.fix)
        }

        #expect(fileError.message == "cannot create /proc/x.csv: /proc does not take new files; choose another --out")
        #expect(folderError.message == "cannot create the folder /proc/x: /proc does not take new files or folders; choose another --out")
    }

    @Test("store folder below a file")
    func folderBelowFile() throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let file = directory.appendingPathComponent("plain").path
        try #require(FileManager.default.createFile(atPath: file, contents: Data()))

        let error = try #require(throws: DataStoreError.self) {
            try OutputPath.createFolder(file + "/store", fix: Self.fix)
        }

        #expect(error.message == "cannot create the folder \(file)/store: \(file) is a file, not a folder; choose another --out")
    }

    @Test("generate into a missing parent creates it")
    func generateCreatesParents() async throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let store = directory.appendingPathComponent("a/b/store").path

        let paths = try await StoreWriting.generate(ActionGenerator(users: 2, games: 3, files: 1, seed: 1),
                                                    directory: store, stripeRows: 10)

        #expect(paths == [store + "/part-00000.orc"])
    }

    @Test("CSV write failure in plain words")
    func csvWriteFailure() throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("missing/flagged.csv").path

        let error = try #require(throws: DataStoreError.self) {
            try FlaggedUsersOutput.write([], to: path)
        }

        #expect(error.message == "cannot write \(path): no such file or folder; choose another --out")
    }

    @Test("ORC write failure names the path")
    func orcWriteFailure() throws {
        let directory = try makeTemporaryDirectory("output-path")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("missing/flagged.orc").path

        let error = try #require(throws: DataStoreError.self) {
            try FlaggedUsersOutput.write([], to: path)
        }

        #expect(error.message.hasPrefix("cannot write \(path): "))
        #expect(error.message.hasSuffix("; choose another --out"))
        #expect(!error.message.contains("could not be completed"), "message: \(error.message)")
    }

    @Test("counts singular for one")
    func countPhrases() {
        #expect(counted(1, "stripe") == "1 stripe")
        #expect(counted(0, "row") == "0 rows")
        #expect(counted(2, "part file") == "2 part files")
        #expect(counted(3, "entry", plural: "entries") == "3 entries")
    }
}
