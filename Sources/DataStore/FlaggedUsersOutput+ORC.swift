import ORC

extension FlaggedUsersOutput {
    /// The ORC schema of the flagged-player list.
    public static let orcSchema = OrcType.struct([
        ("user_id", OrcType(.long)),
        ("losses", OrcType(.int)),
        ("games", OrcType(.int)),
        ("last_action_time", OrcType(.timestamp)),
    ])

    static func writeORC(_ flagged: [FlaggedUser], to path: String) throws {
        let times = flagged.map { ActionTime.floorDivide($0.lastActionTime, ActionTime.nanosecondsPerSecond) }
        let rows = ColumnVector(count: flagged.count, values: .struct([
            ColumnVector(count: flagged.count, values: .integer(flagged.map(\.userID))),
            ColumnVector(count: flagged.count, values: .integer(flagged.map { Int64($0.losses) })),
            ColumnVector(count: flagged.count, values: .integer(flagged.map { Int64($0.games) })),
            ColumnVector(count: flagged.count, values: .timestamp(TimestampColumn(
                seconds: times.map(\.0), nanoseconds: times.map { Int32($0.1) }))),
        ]))
        do {
            let writer = try OrcWriter(path: path, schema: orcSchema)
            try writer.write(rows)
            try writer.close()
        } catch {
            throw DataStoreError.io("cannot write \(path): \(error); choose another --out")
        }
    }
}
