import ORC

/// The game-action schema and the ORC types that each of its columns accepts.
///
/// Stores written here use `int`, `timestamp`, `string` and `int`. Stores that Spark or Hive
/// write may widen ids and results to `bigint`, narrow results to `smallint` or `tinyint`, and
/// declare game types as `varchar(n)` or `char(n)`. Those stores are read as well.
public enum ActionSchema {
    /// The schema that `retention datastore generate` and `import` write.
    public static let written = OrcType.struct([
        ("user_id", OrcType(.int)),
        ("action_time", OrcType(.timestamp)),
        ("game_type", OrcType(.string)),
        ("result", OrcType(.int)),
    ])

    /// A column of the schema, its name and the ORC type kinds it accepts.
    struct Column {
        var name: String
        var member: ActionColumns
        var accepted: [OrcType.Kind]
        var acceptedText: String
    }

    static let columns = [
        Column(name: "user_id", member: .userID, accepted: [.byte, .short, .int, .long],
               acceptedText: "int or bigint (tinyint and smallint also work)"),
        Column(name: "action_time", member: .actionTime, accepted: [.timestamp, .timestampInstant],
               acceptedText: "timestamp or timestamp with local time zone"),
        Column(name: "game_type", member: .gameType, accepted: [.string, .varchar, .char],
               acceptedText: "string, varchar(n) or char(n)"),
        Column(name: "result", member: .result, accepted: [.byte, .short, .int, .long],
               acceptedText: "tinyint, smallint, int or bigint"),
    ]

    /// Returns the field name in `schema` of each action column, matched without regard to case.
    ///
    /// - Throws: `DataStoreError` naming the file, the column and the types found when a column
    ///   is missing or has an incompatible type.
    static func fieldNames(in schema: OrcType, file: String) throws -> [String] {
        guard schema.kind == .struct else {
            throw DataStoreError.schemaMismatch("'\(file)': the root type is \(schema), not a struct; expected \(written)")
        }
        let found = zip(schema.fieldNames, schema.children).map { "\($0) \($1)" }.joined(separator: ", ")

        var names: [String] = []
        for column in columns {
            let matches = schema.fieldNames.indices.filter { schema.fieldNames[$0].lowercased() == column.name }
            guard let index = matches.first else {
                throw DataStoreError.schemaMismatch("'\(file)': missing column '\(column.name)' (\(column.acceptedText)); the file has columns: \(found)")
            }
            guard matches.count == 1 else {
                throw DataStoreError.schemaMismatch("'\(file)': the column name '\(column.name)' appears \(matches.count) times when case is ignored; rename the extra columns")
            }
            let type = schema.children[index]
            guard column.accepted.contains(type.kind) else {
                throw DataStoreError.schemaMismatch("'\(file)': column '\(schema.fieldNames[index])' has type \(type); expected \(column.acceptedText). The file has columns: \(found)")
            }
            names.append(schema.fieldNames[index])
        }
        return names
    }
}
