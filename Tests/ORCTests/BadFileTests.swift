import Foundation
import Testing
@testable import ORC

@Suite("ORC bad files")
struct BadFileTests {
    /// Opens and reads every stripe, returning the error the reader throws.
    private func readError(_ path: String) -> OrcError? {
        Self.orcError {
            let reader = try OrcReader(path: path)
            try reader.forEachStripe { _ in }
            _ = try reader.stripeStatistics()
        }
    }

    /// Runs `body` and returns the `OrcError` it throws, recording an issue for any other error.
    static func orcError(_ body: () throws -> Void) -> OrcError? {
        do {
            try body()
            return nil
        } catch let error as OrcError {
            return error
        } catch {
            Issue.record("threw \(type(of: error)) instead of OrcError: \(error)")
            return nil
        }
    }

    @Test("Zero-length file is not ORC")
    func zeroLengthFile() throws {
        let path = OrcExamples.path("zero.orc")
        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.description.contains("empty (0 bytes)"))
        #expect(error.isDataError)
    }

    @Test("Other formats are named not ORC")
    func otherFormat() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-orc-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"name": "typo", "strategies": ["never"]}"#.utf8).write(to: URL(fileURLWithPath: path))

        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.description.contains("not an ORC file"))
        #expect(!error.description.contains("protobuf"))
    }

    @Test("Future format version is refused")
    func futureFormatVersion() throws {
        let path = OrcExamples.path("version1999.orc")
        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.description.contains("format version 19.99"))
    }

    @Test("Dictionary without LENGTH stream")
    func dictionaryWithoutLengthStream() throws {
        let path = OrcExamples.path("corrupt/missing_length_stream_in_string_dict.orc")
        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.stripe == 0)
        #expect(error.column == 9)
        #expect(error.description.contains("LENGTH stream"))
        #expect(error.isDataError)
    }

    @Test("Negative dictionary entry lengths")
    func negativeDictionaryLengths() throws {
        let path = OrcExamples.path("corrupt/negative_dict_entry_lengths.orc")
        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.stripe == 0)
        #expect(error.column == 9)
        #expect(error.description.contains("length -17"))
    }

    @Test("LZO compression is rejected")
    func lzoCompressionRejected() throws {
        // The postscript of this uncompressed file stores field 2 (compression) as bytes 0x10 0x00.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: OrcExamples.path("TestOrcFile.metaData.orc"))))
        let postScriptStart = bytes.count - 1 - Int(bytes[bytes.count - 1])
        let field = try #require((postScriptStart..<(bytes.count - 2)).first { bytes[$0] == 0x10 && bytes[$0 + 1] == 0x00 })
        bytes[field + 1] = 0x03
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/lzo.orc"
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.description.contains("LZO compression is not supported"))
    }

    @Test("Postscript without magic reads")
    func postscriptWithoutMagic() throws {
        // The earliest writers left field 8000 (the magic) out of the postscript, which then ends
        // without the 7 bytes 0x82 0xF4 0x03 0x03 'O' 'R' 'C'.
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: OrcExamples.path("TestOrcFile.test1.orc"))))
        let postScriptLength = Int(original[original.count - 1])
        #expect(Array(original[(original.count - 8)..<(original.count - 1)]) == [0x82, 0xF4, 0x03, 0x03, 0x4F, 0x52, 0x43])
        let stripped = Array(original[0..<(original.count - 8)]) + [UInt8(postScriptLength - 7)]
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/no-magic.orc"
        try Data(stripped).write(to: URL(fileURLWithPath: path))

        let reader = try OrcReader(path: path)
        #expect(reader.rowCount == 2)
        #expect(try reader.readStripe(0).rowCount == 2)

        var withoutHeader = stripped
        withoutHeader[0] = 0x58
        let headerPath = directory + "/no-magic-no-header.orc"
        try Data(withoutHeader).write(to: URL(fileURLWithPath: headerPath))
        #expect(readError(headerPath)?.description.contains("magic 'ORC'") == true)
    }

    @Test("Missing file names the path")
    func missingFile() throws {
        let path = OrcExamples.path("no-such-file.orc")
        let error = try #require(readError(path))
        #expect(error.description.hasPrefix(path + ": cannot open the file"))
        #expect(!error.isDataError)
    }

    @Test("Text file is not ORC")
    func textFileIsNotOrc() throws {
        let path = OrcExamples.path("README.md")
        let error = try #require(readError(path))
        #expect(error.file == path)
        #expect(error.isDataError)
    }

    @Test("Truncated files throw", arguments: ["TestOrcFile.test1.orc", "TestOrcFile.testDate1900.orc", "decimal.orc"])
    func truncatedFiles(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: OrcExamples.path(name))))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orc-truncated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // Keeping a prefix loses the tail, and dropping a prefix moves every stripe offset.
        for keep in [1, 3, bytes.count / 2, bytes.count - 1] {
            let prefixPath = directory.appendingPathComponent("prefix-\(keep).orc").path
            try Data(bytes[0..<keep]).write(to: URL(fileURLWithPath: prefixPath))
            let error = readError(prefixPath)
            #expect(error?.file == prefixPath, "a \(keep)-byte prefix of \(name) should throw")
        }
        let suffixPath = directory.appendingPathComponent("suffix.orc").path
        try Data(bytes[200...]).write(to: URL(fileURLWithPath: suffixPath))
        #expect(readError(suffixPath)?.file == suffixPath, "\(name) without its first 200 bytes should throw")
    }
}
