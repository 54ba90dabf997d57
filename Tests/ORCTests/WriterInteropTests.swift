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
        let table = WriterTestTable(rows: 2_500, seed: 20_261_204, withCollections: true)
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

    @Test("pyarrow reads an empty file")
    func pyarrowReadsEmptyFile() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 0, seed: 1)
        let path = "\(directory)/empty.orc"
        let writer = try OrcWriter(path: path, schema: table.schema)
        try writer.write(table.root)
        try writer.close()

        let result = try #require(try WriterTestSupport.readWithPyarrow([path])[path])
        #expect(result["rows"] as? Int == 0)
        #expect(result["stripes"] as? Int == 0)
        let columns = try #require(result["columns"] as? [String: [Any]])
        #expect(Set(columns.keys) == Set(table.schema.fieldNames))
        #expect(try OrcReader(path: path).rowCount == 0)
    }

    @Test("library reads files pyarrow writes")
    func libraryReadsPyarrowFiles() throws {
        let directory = try WriterTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = WriterTestTable(rows: 3_000, seed: 99)
        let (columns, expected) = Self.oracleColumns(table)
        let codecs = ["uncompressed", "zlib", "snappy", "zstd", "lz4"]
        var files: [[String: Any]] = []
        for codec in codecs {
            for threshold in [0.0, 1.0] {
                files.append(["path": "\(directory)/\(codec)-\(threshold).orc", "compression": codec, "dictionary_key_size_threshold": threshold])
            }
        }
        // A small stripe size gives the files several stripes.
        files.append([
            "path": "\(directory)/stripes.orc", "compression": "uncompressed", "dictionary_key_size_threshold": 1.0,
            "stripe_size": 32_768, "batch_size": 256,
        ])
        let specPath = "\(directory)/spec.json"
        try JSONSerialization.data(withJSONObject: ["columns": columns, "files": files]).write(to: URL(fileURLWithPath: specPath))
        _ = try WriterTestSupport.runOracle(["write", specPath])

        for file in files {
            let path = file["path"] as! String
            let actual = try WriterTestSupport.readWithLibrary(path)
            for name in table.schema.fieldNames {
                #expect(WriterTestSupport.firstMismatch(actual[name] ?? [], expected[name] ?? []) == nil, "\((path as NSString).lastPathComponent) column \(name)")
            }
        }
        let dictionaryFooter = try OrcReader(path: "\(directory)/zlib-1.0.orc").stripeFooter(0)
        let directFooter = try OrcReader(path: "\(directory)/zlib-0.0.orc").stripeFooter(0)
        let gameColumn = try #require(table.schema.field(named: "game")).columnId
        #expect(dictionaryFooter.columns[gameColumn].kind == .dictionaryV2)
        #expect(directFooter.columns[gameColumn].kind == .directV2)
        #expect(try OrcReader(path: "\(directory)/stripes.orc").stripes.count > 1)
    }

    /// Returns the oracle's column specs for a table and the canonical strings of each column.
    static func oracleColumns(_ table: WriterTestTable) -> (columns: [[String: Any]], expected: [String: [String?]]) {
        var columns: [[String: Any]] = []
        var expected: [String: [String?]] = [:]
        for (name, type) in zip(table.schema.fieldNames, table.schema.children) {
            let values = WriterTestSupport.canonicalStrings(table.columnVector(named: name), type: type)
            expected[name] = values
            columns.append(["name": name, "type": type.description, "values": values.map { $0 as Any? ?? NSNull() }])
        }
        return (columns, expected)
    }
}

extension WriterTestTable {
    /// Returns the vector of a top-level field.
    func columnVector(named name: String) -> ColumnVector {
        guard case .struct(let fields) = root.values, let index = schema.fieldNames.firstIndex(of: name) else {
            fatalError("no field \(name)")
        }
        return fields[index]
    }
}
