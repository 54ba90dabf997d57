import Foundation
import Testing
import ORC

@Suite("ORC reader API")
struct ReaderAPITests {
    @Test("Projection reads chosen fields in order")
    func projectionKeepsOrder() throws {
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.test1.orc"))
        let batch = try reader.readStripe(0, fields: ["string1", "int1"])

        #expect(batch.schema.description == "struct<string1:string,int1:int>")
        #expect(batch.fileColumnIds == [0, 9, 4])
        #expect(batch.rowCount == 2)
        guard case .bytes(let strings) = try #require(batch.column(named: "string1")).values,
              case .integer(let integers) = try #require(batch.column(named: "int1")).values else {
            Issue.record("the projected columns have the wrong storage")
            return
        }
        #expect((0..<2).map(strings.string(at:)) == ["hi", "bye"])
        #expect(integers == [65536, 65536])
        #expect(batch.column(named: "long1") == nil)
    }

    @Test("Projection skips a damaged column's streams")
    func projectionSkipsDamagedColumn() throws {
        // Column 9 (date_string_col) of this file has a damaged dictionary; the others are intact.
        let reader = try OrcReader(path: OrcExamples.path("corrupt/negative_dict_entry_lengths.orc"))
        let batch = try reader.readStripe(0, fields: ["id", "string_col"])
        #expect(batch.rowCount == Int(reader.stripes[0].numberOfRows ?? 0))
        #expect(batch.rowCount > 0)
        #expect(throws: OrcError.self) { try reader.readStripe(0, fields: ["date_string_col"]) }
    }

    @Test("Unknown field names the known ones")
    func unknownField() throws {
        let reader = try OrcReader(path: OrcExamples.path("orc_index_int_string.orc"))
        let error = try #require(throws: OrcError.self) { try reader.readStripe(0, fields: ["_col7"]) }
        #expect(error.description.contains("unknown column '_col7'; the file has: _col0, _col1"))
    }

    @Test("Null masks mark missing values")
    func nullMasks() throws {
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.testStringAndBinaryStatistics.orc"))
        let batch = try reader.readStripe(0)
        let strings = try #require(batch.column(named: "string1"))
        let binary = try #require(batch.column(named: "bytes1"))

        #expect(strings.present == [true, true, false, true])
        #expect(strings.nullCount == 1)
        #expect(binary.present == [true, true, true, false])
        let integers = try #require(try OrcReader(path: OrcExamples.path("TestOrcFile.test1.orc")).readStripe(0).column(named: "int1"))
        #expect(integers.present == nil)
    }

    @Test("File statistics hold the column summaries")
    func fileStatistics() throws {
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.test1.orc"))
        let statistics = reader.fileStatistics

        #expect(statistics.count == 24)
        #expect(statistics[1].bucketStatistics?.count == [1])
        #expect(statistics[2].intStatistics == {
            var expected = OrcProto.IntegerStatistics()
            expected.minimum = 1
            expected.maximum = 100
            expected.sum = 101
            return expected
        }())
        #expect(statistics[7].doubleStatistics?.sum == -20)
        #expect(statistics[9].stringStatistics?.minimum == "bye")
        #expect(statistics[9].stringStatistics?.maximum == "hi")
        #expect(statistics[9].stringStatistics?.sum == 5)
        #expect(statistics[8].binaryStatistics?.sum == 5)
        #expect(statistics[17].intStatistics?.sum == 99_901_241)
        #expect(try reader.stripeStatistics().first?[4].intStatistics?.sum == 131_072)
    }

    @Test("Decimal and date statistics")
    func decimalAndDateStatistics() throws {
        let decimals = try OrcReader(path: OrcExamples.path("decimal.orc")).fileStatistics[1].decimalStatistics
        #expect(decimals?.minimum == "-1000.5")
        #expect(decimals?.maximum == "1999.2")
        #expect(decimals?.sum == "1998301.099")

        let dates = try OrcReader(path: OrcExamples.path("TestOrcFile.testDate1900.orc")).fileStatistics[2].dateStatistics
        #expect(dates?.minimum.map { CivilTime.formatDate(days: Int64($0)) } == "1900-12-25")
        #expect(dates?.maximum.map { CivilTime.formatDate(days: Int64($0)) } == "1969-12-25")
    }

    @Test("Row index has one entry per row group")
    func rowIndexEntries() throws {
        // 6,000 rows with a stride of 2,000 make 3 row groups.
        let reader = try OrcReader(path: OrcExamples.path("orc_index_int_string.orc"))
        let index = try #require(try reader.rowIndex(stripe: 0, column: 1))

        #expect(index.entry.count == 3)
        #expect(index.entry.map { $0.statistics?.numberOfValues } == [2000, 2000, 2000])
        #expect(index.entry.first?.statistics?.intStatistics?.minimum == 1)
        #expect(index.entry.last?.statistics?.intStatistics?.maximum == 6000)
        #expect(throws: OrcError.self) { try reader.rowIndex(stripe: 0, column: 3) }
    }

    @Test("User metadata keeps keys and bytes")
    func userMetadata() throws {
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.metaData.orc"))
        let items = Dictionary(uniqueKeysWithValues: reader.userMetadata.map { ($0.name, $0.value) })

        #expect(reader.userMetadata.map(\.name) == ["big", "clobber", "my.meta"])
        #expect(items["clobber"] == [5, 7, 11, 13, 17, 19])
        #expect(items["my.meta"] == [1, 2, 3, 4, 5, 6, 7, 255, 254, 127, 128])
        #expect(items["big"]?.count == 40_000)
    }

    @Test("Writer zone timestamps read as wall clock")
    func writerZoneTimestamps() throws {
        // Written in US/Pacific: a summer value must not shift by the daylight-saving hour.
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.testTimestamp.orc"))
        #expect(try reader.stripeFooter(0).writerTimezone == "US/Pacific")
        let batch = try reader.readStripe(0)
        guard case .timestamp(let column) = batch.root.values else {
            Issue.record("the root is not a timestamp column")
            return
        }
        #expect(CivilTime.formatTimestamp(seconds: column.seconds[9], nanoseconds: column.nanoseconds[9]) == "1996-08-02 00:00:00.723100809")
        #expect(column.nanoseconds[1] == 222)
    }

    @Test("Summary lists stripes and metadata keys")
    func summary() throws {
        let summary = try OrcReader(path: OrcExamples.path("TestOrcFile.metaData.orc")).summary()
        #expect(summary.contains("rows: 1"))
        #expect(summary.contains("compression: NONE, block size 262144"))
        #expect(summary.contains("  stripe 0: offset 3, rows 1,"))
        #expect(summary.contains("user metadata keys: big, clobber, my.meta"))
    }

    @Test("JSON formatter follows the reference conventions")
    func jsonFormatter() throws {
        let reader = try OrcReader(path: OrcExamples.path("TestOrcFile.test1.orc"))
        let line = OrcJSONFormatter().format(try reader.readStripe(0), row: 1)
        #expect(line.hasPrefix(#"{"boolean1": true, "byte1": 100, "short1": 2048, "int1": 65536, "long1": 9223372036854775807, "float1": 2, "double1": -5, "bytes1": [], "string1": "bye""#))
        #expect(line.hasSuffix(#""map": [{"key": "chani", "value": {"int1": 5, "string1": "chani"}}, {"key": "mauddib", "value": {"int1": 1, "string1": "mauddib"}}]}"#))
    }
}
