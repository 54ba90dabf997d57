/// A data store held in memory: part files of rows, cut into stripes of a fixed row count.
///
/// Tests and the brute-force reference use it to check the engines without touching disk.
public struct MemoryActionSource: ActionSource {
    /// The rows of each part file, in file order.
    public let files: [[GameAction]]
    /// The number of rows per stripe (the last stripe of a file may be shorter).
    public let stripeRows: Int
    public let units: [ScanUnit]

    /// Creates a store from part files.
    ///
    /// - Parameters:
    ///   - files: The rows of each part file.
    ///   - stripeRows: The rows per stripe; at least 1.
    public init(files: [[GameAction]], stripeRows: Int = 1024) {
        precondition(stripeRows >= 1, "a stripe holds at least one row")
        self.files = files
        self.stripeRows = stripeRows

        var units: [ScanUnit] = []
        for (fileIndex, rows) in files.enumerated() {
            for (stripeIndex, start) in stride(from: 0, to: rows.count, by: stripeRows).enumerated() {
                let count = min(stripeRows, rows.count - start)
                units.append(ScanUnit(fileIndex: fileIndex, stripeIndex: stripeIndex,
                                      firstRow: Int64(start), rowCount: count))
            }
        }
        self.units = units
    }

    public func scan(
        _ unit: ScanUnit,
        columns: ActionColumns,
        _ body: (ActionBatch) throws -> Void
    ) throws {
        let start = Int(unit.firstRow)
        let rows = files[unit.fileIndex][start..<start + unit.rowCount]

        var batch = ActionBatch(count: rows.count,
                                firstPosition: ActionPosition.make(fileIndex: unit.fileIndex, row: unit.firstRow))
        if columns.contains(.userID) { batch.userIDs = rows.map(\.userID) }
        if columns.contains(.actionTime) { batch.actionTimes = rows.map(\.actionTime) }
        if columns.contains(.gameType) { batch.gameTypes = rows.map(\.gameType) }
        if columns.contains(.result) { batch.results = rows.map(\.result) }
        try body(batch)
    }
}
