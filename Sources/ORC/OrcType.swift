/// One node of an ORC schema: a type kind, its children and the column id it gets in the file.
///
/// Column ids number the tree in pre-order, so the root is column 0 and a compound type's
/// children follow it. Every initializer renumbers the tree it builds from 0, and `subtree`
/// lookups keep the ids of the whole schema.
public struct OrcType: Sendable, Hashable, CustomStringConvertible {
    /// The type kinds of the ORC specification, with the raw values of `Type.Kind` in the footer.
    public enum Kind: Int, Sendable, CaseIterable {
        case boolean = 0
        case byte = 1
        case short = 2
        case int = 3
        case long = 4
        case float = 5
        case double = 6
        case string = 7
        case binary = 8
        case timestamp = 9
        case list = 10
        case map = 11
        case `struct` = 12
        case union = 13
        case decimal = 14
        case date = 15
        case varchar = 16
        case char = 17
        case timestampInstant = 18

        /// Whether values of this kind hold child columns.
        public var isCompound: Bool {
            switch self {
            case .list, .map, .struct, .union: true
            default: false
            }
        }
    }

    /// The kind of this node.
    public private(set) var kind: Kind

    /// The child types: struct fields, the list element, map key and value, or union variants.
    public private(set) var children: [OrcType]

    /// The struct field names, parallel to `children`; empty for other kinds.
    public private(set) var fieldNames: [String]

    /// The maximum length in characters of a `varchar` or `char`.
    public private(set) var maximumLength: Int?

    /// The total number of decimal digits of a `decimal`.
    public private(set) var precision: Int?

    /// The number of digits after the point of a `decimal`.
    public private(set) var scale: Int?

    /// The pre-order column id of this node within the tree it was built in.
    public private(set) var columnId: Int = 0

    /// The largest column id inside this subtree, equal to `columnId` for a primitive type.
    public private(set) var maximumColumnId: Int = 0

    /// Makes a primitive type; use the compound factories for struct, list, map and union.
    ///
    /// - Parameters:
    ///   - kind: A primitive kind.
    ///   - maximumLength: The length limit of `varchar` and `char`.
    ///   - precision: The precision of `decimal`, 1 to 38.
    ///   - scale: The scale of `decimal`, 0 to precision.
    public init(_ kind: Kind, maximumLength: Int? = nil, precision: Int? = nil, scale: Int? = nil) {
        precondition(!kind.isCompound, "use OrcType.struct, .list, .map or .union for \(kind)")
        self.kind = kind
        self.children = []
        self.fieldNames = []
        self.maximumLength = maximumLength
        self.precision = precision
        self.scale = scale
    }

    private init(compound kind: Kind, children: [OrcType], fieldNames: [String]) {
        self.kind = kind
        self.children = children
        self.fieldNames = fieldNames
        renumber(from: 0)
    }

    /// Makes a struct type from its fields in order.
    public static func `struct`(_ fields: [(name: String, type: OrcType)]) -> OrcType {
        OrcType(compound: .struct, children: fields.map(\.type), fieldNames: fields.map(\.name))
    }

    /// Makes a list type with the given element type.
    public static func list(_ element: OrcType) -> OrcType {
        OrcType(compound: .list, children: [element], fieldNames: [])
    }

    /// Makes a map type from its key and value types.
    public static func map(key: OrcType, value: OrcType) -> OrcType {
        OrcType(compound: .map, children: [key, value], fieldNames: [])
    }

    /// Makes a union type from its variants, at most 256.
    public static func union(_ variants: [OrcType]) -> OrcType {
        OrcType(compound: .union, children: variants, fieldNames: [])
    }

    /// Makes a `decimal(precision,scale)` type.
    public static func decimal(precision: Int, scale: Int) -> OrcType {
        OrcType(.decimal, precision: precision, scale: scale)
    }

    /// Makes a `varchar(maximumLength)` type.
    public static func varchar(_ maximumLength: Int) -> OrcType {
        OrcType(.varchar, maximumLength: maximumLength)
    }

    /// Makes a `char(maximumLength)` type.
    public static func char(_ maximumLength: Int) -> OrcType {
        OrcType(.char, maximumLength: maximumLength)
    }

    private mutating func renumber(from first: Int) {
        columnId = first
        var next = first + 1
        for index in children.indices {
            children[index].renumber(from: next)
            next = children[index].maximumColumnId + 1
        }
        maximumColumnId = next - 1
    }

    /// The number of columns in this subtree, this node included.
    public var columnCount: Int { maximumColumnId - columnId + 1 }

    /// Returns the nodes of this subtree in pre-order, so index `i` is column `columnId + i`.
    ///
    /// - Complexity: O(n) in the number of columns.
    public func flattened() -> [OrcType] {
        var nodes: [OrcType] = []
        nodes.reserveCapacity(columnCount)
        appendPreOrder(to: &nodes)
        return nodes
    }

    private func appendPreOrder(to nodes: inout [OrcType]) {
        nodes.append(self)
        for child in children { child.appendPreOrder(to: &nodes) }
    }

    /// Returns the node with the given column id, or nil when it is outside this subtree.
    ///
    /// - Complexity: O(depth × fan-out).
    public func subtree(columnId id: Int) -> OrcType? {
        guard id >= columnId, id <= maximumColumnId else { return nil }
        if id == columnId { return self }
        for child in children where id <= child.maximumColumnId {
            return child.subtree(columnId: id)
        }
        return nil
    }

    /// Returns the dotted field path of a column, such as `middle.list._elem`, or nil when the
    /// id is outside this subtree. List elements are `_elem`, map parts `_key` and `_value`, and
    /// union variants `_0`, `_1` and so on; the root is the empty path.
    ///
    /// - Complexity: O(depth × fan-out).
    public func path(ofColumn id: Int) -> String? {
        guard id >= columnId, id <= maximumColumnId else { return nil }
        if id == columnId { return "" }
        for (index, child) in children.enumerated() where id <= child.maximumColumnId {
            let name: String
            switch kind {
            case .struct: name = fieldNames[index]
            case .list: name = "_elem"
            case .map: name = index == 0 ? "_key" : "_value"
            default: name = "_\(index)"
            }
            guard let rest = child.path(ofColumn: id) else { return nil }
            return rest.isEmpty ? name : name + "." + rest
        }
        return nil
    }

    /// Returns the type of the struct field with the given name, or nil when there is none.
    public func field(named name: String) -> OrcType? {
        guard kind == .struct, let index = fieldNames.firstIndex(of: name) else { return nil }
        return children[index]
    }
}
