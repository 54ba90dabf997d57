import Testing
import ORC

@Suite("ORC types")
struct OrcTypeTests {
    @Test("Type strings print as parsed", arguments: [
        "struct<a:int,b:string>",
        "struct<x:array<struct<y:map<string,decimal(10,2)>>>,z:uniontype<int,varchar(4)>>",
        "timestamp with local time zone",
        "struct<`a b`:char(3),`tick``s`:date>",
        "array<binary>",
    ])
    func typeStringRoundTrip(text: String) throws {
        #expect(try OrcType(parsing: text).description == text)
    }

    @Test("Parsing ignores case and spaces")
    func parsingIsLenient() throws {
        let type = try OrcType(parsing: " STRUCT< a : BIGINT , b : Array< Double > > ")
        #expect(type.description == "struct<a:bigint,b:array<double>>")
    }

    @Test("Column ids follow pre-order")
    func columnIdsArePreOrder() throws {
        let type = try OrcType(parsing: "struct<a:int,b:map<string,struct<c:int,d:string>>,e:array<int>>")
        let nodes = type.flattened()
        #expect(nodes.map(\.columnId) == Array(0..<9))
        #expect(nodes.map(\.kind) == [.struct, .int, .map, .string, .struct, .int, .string, .list, .int])
        #expect(type.field(named: "b")?.maximumColumnId == 6)
        #expect(type.subtree(columnId: 5)?.kind == .int)
        #expect(try OrcType(protoTypes: type.protoTypes()) == type)
        #expect(type.path(ofColumn: 0) == "")
        #expect(type.path(ofColumn: 6) == "b._value.d")
        #expect(type.path(ofColumn: 8) == "e._elem")
        #expect(type.path(ofColumn: 9) == nil)
    }

    @Test("Bad type strings name the offset", arguments: [
        ("struct<a:int", "expected '>'"),
        ("int>", "unexpected text"),
        ("decimal(40,2)", "precision must be 1 to 38"),
        ("strukt<a:int>", "unknown type 'strukt'"),
    ])
    func badTypeStrings(text: String, problem: String) throws {
        let error = try #require(throws: OrcError.self) { try OrcType(parsing: text) }
        #expect(error.description.contains(problem))
        #expect(error.description.contains("at character"))
    }

    @Test("Proto types must be in pre-order")
    func protoTypesOutOfOrder() throws {
        var root = OrcProto.SchemaType()
        root.kind = UInt32(OrcType.Kind.struct.rawValue)
        root.subtypes = [2]
        root.fieldNames = ["a"]
        var child = OrcProto.SchemaType()
        child.kind = UInt32(OrcType.Kind.int.rawValue)
        #expect(throws: OrcError.self) { try OrcType(protoTypes: [root, child, child]) }
    }
}
