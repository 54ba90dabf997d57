import Foundation
import ORC
import Testing

@testable import DataStore

@Suite("Damaged data stores")
struct DamagedStoreTests {
    @Test("huge stripe row count is rejected")
    func hugeStripeRowCount() async throws {
        let directory = try makeTemporaryDirectory("damaged")
        defer { removeTemporaryDirectory(directory) }
        let generator = ActionGenerator(users: 5, games: 4, files: 1, seed: 3)
        let paths = try await StoreWriting.generate(generator, directory: directory.path, stripeRows: 100)
        let path = try #require(paths.first)

        // Rewrite the footer so the only stripe, and the file, declare 2^40 rows.
        let reader = try OrcReader(path: path)
        var footer = reader.footer
        footer.stripes[0].numberOfRows = 1 << 40
        footer.numberOfRows = 1 << 40
        var postScript = reader.postScript
        let footerBytes = compressedSection(footer.serializedBytes())
        postScript.footerLength = UInt64(footerBytes.count)
        let postScriptBytes = postScript.serializedBytes()
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let oldPostScriptLength = Int(original[original.count - 1])
        let footerStart = original.count - 1 - oldPostScriptLength - Int(reader.postScript.footerLength ?? 0)
        let damaged = Array(original[0..<footerStart]) + footerBytes + postScriptBytes + [UInt8(postScriptBytes.count)]
        try Data(damaged).write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: DataStoreError.self) { try OrcActionStore(path: directory.path) }
        #expect(error.description.contains("declares 1099511627776 rows"))
        #expect(error.description.contains(path))
    }

    @Test("binary file given as CSV is named, not printed")
    func binaryFileAsCSV() throws {
        let directory = try makeTemporaryDirectory("binary-csv")
        defer { removeTemporaryDirectory(directory) }
        let path = directory.appendingPathComponent("actions.csv").path
        try Data([0x4F, 0x52, 0x43, 0x00, 0x01, 0x1B, 0x5B, 0x32, 0x4A, 0x0A, 0x7F, 0x0A]).write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: DataStoreError.self) {
            try StoreWriting.importCSV(path, directory: directory.appendingPathComponent("store").path, stripeRows: 100)
        }
        #expect(error.description.contains("a first line that is not text; is this a CSV file?"))
        #expect(!error.description.contains("\u{1B}"))
    }

    // Wraps an uncompressed section in one ORC chunk stored as original, which the reader accepts
    // for every codec, so the test need not recompress the footer with zlib.
    private func compressedSection(_ bytes: [UInt8]) -> [UInt8] {
        let header = UInt32(bytes.count) << 1 | 1
        return [UInt8(header & 0xFF), UInt8(header >> 8 & 0xFF), UInt8(header >> 16 & 0xFF)] + bytes
    }
}
