import Foundation
import Testing
@testable import ORC

/// Damages example files at random and checks that every read either succeeds or throws
/// `OrcError`; a crash, trap or hang fails the whole test run.
@Suite("ORC mutated files")
struct MutationTests {
    /// Small files that together cover ZLIB, NONE and LZ4, RLE v1 and v2, dictionaries,
    /// nested types, timestamps, dates and decimals.
    static let files = [
        "TestOrcFile.test1.orc",
        "TestOrcFile.testStringAndBinaryStatistics.orc",
        "TestOrcFile.testTimestamp.orc",
        "TestOrcFile.emptyFile.orc",
        "TestOrcFile.metaData.orc",
        "orc_index_int_string.orc",
        "decimal.orc",
        "over1k_bloom.orc",
        "TestVectorOrcFile.testLz4.orc",
    ]

    static let variantsPerFile = 800

    @Test("Mutated files read or throw OrcError", arguments: files)
    func mutatedFilesReadOrThrow(name: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: OrcExamples.path(name))))
        let seed: UInt64 = 0x5EED_0000 &+ UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude)
        var generator = SeededGenerator(seed: seed)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orc-mutations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path

        var outcomes = (succeeded: 0, threw: 0)
        for variant in 0..<Self.variantsPerFile {
            let mutated = Self.mutate(original, using: &generator, tailBias: variant % 2 == 0)
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            do {
                let reader = try OrcReader(path: path)
                _ = reader.summary()
                _ = try? reader.stripeStatistics()
                let formatter = OrcJSONFormatter()
                try reader.forEachStripe { batch in
                    for row in 0..<min(batch.rowCount, 50) { _ = formatter.format(batch, row: row) }
                }
                outcomes.succeeded += 1
            } catch let error as OrcError {
                #expect(error.file == path, "seed \(seed) variant \(variant): the error does not name the file: \(error)")
                outcomes.threw += 1
            } catch {
                Issue.record("seed \(seed) variant \(variant): threw \(type(of: error)) instead of OrcError: \(error)")
            }
        }

        #expect(outcomes.succeeded + outcomes.threw == Self.variantsPerFile)
        #expect(outcomes.threw > 0, "seed \(seed): no mutation of \(name) was detected")
    }

    /// Flips bits, overwrites bytes with extreme values or sets a run to 0xFF. Half the variants
    /// aim at the last 300 bytes, where the footer and postscript are.
    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator, tailBias: Bool) -> [UInt8] {
        var mutated = bytes
        let lower = tailBias ? max(0, bytes.count - 300) : 0
        let edits = Int.random(in: 1...4, using: &generator)
        for _ in 0..<edits {
            let position = Int.random(in: lower..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                mutated[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1:
                mutated[position] = [0x00, 0xFF, 0x7F, 0x80].randomElement(using: &generator)!
            case 2:
                mutated[position] = UInt8.random(in: 0...255, using: &generator)
            default:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
                for index in position..<end { mutated[index] = 0xFF }
            }
        }
        return mutated
    }
}
