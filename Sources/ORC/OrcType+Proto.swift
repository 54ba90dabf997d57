extension OrcType {
    /// The deepest nesting accepted from a file, which keeps recursion far from the stack limit.
    static let maximumDepth = 200

    /// Builds the schema tree from the footer's flattened types.
    ///
    /// - Parameter types: The `Type` messages of the footer; type 0 is the root and each
    ///   compound type lists its children's ids, which must follow it in pre-order.
    /// - Throws: `OrcError` when the list is empty, an id is out of order, a kind is unknown,
    ///   a struct's field names do not match its children or the nesting is too deep.
    public init(protoTypes types: [OrcProto.SchemaType]) throws {
        guard !types.isEmpty else { throw OrcError.corrupt("the footer lists no types; the schema is missing") }
        var nextId = 0
        self = try Self.build(types, id: 0, nextId: &nextId, depth: 0)
        guard nextId == types.count else {
            throw OrcError.corrupt("the footer lists \(types.count) types but the schema tree reaches only \(nextId)")
        }
    }

    private static func build(_ types: [OrcProto.SchemaType], id: Int, nextId: inout Int, depth: Int) throws -> OrcType {
        guard depth <= maximumDepth else {
            throw OrcError.unsupported("the schema nests deeper than \(maximumDepth) levels at column \(id)")
        }
        guard id == nextId, id < types.count else {
            throw OrcError.corrupt("type \(id) is not in pre-order (expected id \(nextId) of \(types.count)); the footer is damaged")
        }
        nextId += 1
        let proto = types[id]
        guard let raw = proto.kind, let kind = Kind(rawValue: Int(raw)) else {
            throw OrcError.unsupported("column \(id) has unknown type kind \(proto.kind.map(String.init) ?? "(missing)")")
        }

        var children: [OrcType] = []
        for subtype in proto.subtypes {
            children.append(try build(types, id: Int(subtype), nextId: &nextId, depth: depth + 1))
        }
        switch kind {
        case .struct:
            guard proto.fieldNames.count == children.count else {
                throw OrcError.corrupt("struct column \(id) has \(children.count) children but \(proto.fieldNames.count) field names")
            }
            return .struct(Array(zip(proto.fieldNames, children)).map { (name: $0.0, type: $0.1) })
        case .list:
            guard children.count == 1 else { throw OrcError.corrupt("list column \(id) has \(children.count) children, expected 1") }
            return .list(children[0])
        case .map:
            guard children.count == 2 else { throw OrcError.corrupt("map column \(id) has \(children.count) children, expected 2") }
            return .map(key: children[0], value: children[1])
        case .union:
            guard (1...256).contains(children.count) else {
                throw OrcError.corrupt("union column \(id) has \(children.count) variants, expected 1 to 256")
            }
            return .union(children)
        default:
            guard children.isEmpty else { throw OrcError.corrupt("primitive column \(id) of kind \(kind) has children") }
            return OrcType(
                kind,
                maximumLength: proto.maximumLength.map(Int.init),
                precision: proto.precision.map(Int.init),
                scale: proto.scale.map(Int.init)
            )
        }
    }

    /// Returns the tree flattened to footer `Type` messages in pre-order, ids counted from this node.
    ///
    /// - Complexity: O(n) in the number of columns.
    public func protoTypes() -> [OrcProto.SchemaType] {
        flattened().map { node in
            var proto = OrcProto.SchemaType()
            proto.kind = UInt32(node.kind.rawValue)
            proto.subtypes = node.children.map { UInt32($0.columnId - columnId) }
            proto.fieldNames = node.fieldNames
            proto.maximumLength = node.maximumLength.map(UInt32.init)
            if node.kind == .decimal {
                proto.precision = UInt32(node.precision ?? 38)
                proto.scale = UInt32(node.scale ?? 10)
            }
            return proto
        }
    }
}
