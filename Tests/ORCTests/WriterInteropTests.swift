import Foundation
import Testing

@testable import ORC

@Suite("ORC writer interoperability with pyarrow")
struct WriterInteropTests {
    static let writableCodecs: [CompressionKind] = [.none, .zlib, .snappy, .zstd, .lz4]

    @Test("pyarrow reads every type and codec")
    func pyarrowReadsWrittenFiles() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 2_500, seed: 20_261_204)
        let expected = Dictionary(uniqueKeysWithValues: zip(table.schema.fieldNames, table.schema.children).map { name, type in
            (name, WriterTestSupport.canonicalStrings(table.columnVector(named: name), type: type))
        })

        var paths: [String] = []
        for codec in Self.writableCodecs {
            var options = OrcWriterOptions(compression: codec)
            options.rowIndexStride = 1_000
            options.compressionBlockSize = 4_096
            options.userMetadata = [("origin", Array("writer test".utf8))]
            let path = "\(directory)/all-\(codec).orc"
            let writer = try OrcWriter(path: path, schema: table.schema, options: options)
            try writer.write(table.root)
            try writer.close()
            paths.append(path)
        }

        let results = try WriterTestSupport.readWithPyarrow(paths)
        for (path, codec) in zip(paths, Self.writableCodecs) {
            let result = try #require(results[path])
            #expect(result["rows"] as? Int == 2_500)
            #expect((result["compression"] as? String)?.uppercased() == (codec == .none ? "UNCOMPRESSED" : codec.description))
            // pyarrow prefixes the software version with the writer's name, "Unknown(7)" here.
            #expect((result["software_version"] as? String)?.hasSuffix(OrcWriter.softwareVersion) == true)
            #expect((result["metadata"] as? [String: String])?["origin"] == "77726974657220746573 74".filter { $0 != " " })
            let columns = try #require(result["columns"] as? [String: [Any]])
            for name in table.schema.fieldNames {
                let actual = try #require(columns[name]).map { $0 as? String }
                let wanted = try #require(expected[name])
                #expect(WriterTestSupport.firstMismatch(actual, wanted) == nil, "\(codec) column \(name)")
            }
        }
    }
}

extension WriterTestTable {
    /// The vector of a top-level field.
    func columnVector(named name: String) -> ColumnVector {
        guard case .struct(let fields) = root.values, let index = schema.fieldNames.firstIndex(of: name) else {
            fatalError("no field \(name)")
        }
        return fields[index]
    }
}
