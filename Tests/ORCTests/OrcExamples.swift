import Foundation
import Testing

/// The ORC conformance examples: files written by the reference Java and C++ writers, a
/// manifest of their facts and the reference reader's rows as gzip-compressed JSON lines.
enum OrcExamples {
    /// The examples folder: `ORC_EXAMPLES_DIR` when set, else `shared/orc-examples` beside the
    /// repository root, else `/work/shared/orc-examples`.
    static let directory: String = {
        if let fromEnvironment = ProcessInfo.processInfo.environment["ORC_EXAMPLES_DIR"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/orc-examples").path
        if FileManager.default.fileExists(atPath: beside + "/MANIFEST.tsv") { return beside }
        return "/work/shared/orc-examples"
    }()

    static func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// One row of `MANIFEST.tsv`; `nil` fields were not recorded (`-`).
    struct Entry: Sendable, CustomTestStringConvertible {
        var file: String
        var type: String
        var rows: UInt64?
        var contentLength: UInt64?
        var stripes: Int?
        var compression: String?
        var blockSize: Int?
        var rowIndexStride: Int?
        var formatVersion: String?
        var writer: String?
        var expected: String?

        var testDescription: String { file }
    }

    static let manifest: [Entry] = {
        guard let text = try? String(contentsOfFile: path("MANIFEST.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int) -> String? {
                index < fields.count && fields[index] != "-" ? fields[index] : nil
            }
            return Entry(
                file: fields[0], type: fields[1], rows: field(2).flatMap { UInt64($0) },
                contentLength: field(3).flatMap { UInt64($0) }, stripes: field(4).flatMap { Int($0) },
                compression: field(5), blockSize: field(6).flatMap { Int($0) },
                rowIndexStride: field(7).flatMap { Int($0) }, formatVersion: field(8), writer: field(9),
                expected: field(10)
            )
        }
    }()

    /// The manifest rows of files that a reader must read: those with a schema string.
    static var readableEntries: [Entry] {
        manifest.filter { !$0.type.hasPrefix("(") }
    }

    /// Returns the expected rows of a file, one JSON text per row.
    static func expectedLines(_ relativePath: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path(relativePath)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip failed on \(relativePath)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
