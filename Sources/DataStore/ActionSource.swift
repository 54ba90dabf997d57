/// One unit of parallel work in a scan: a stripe of a part file.
public struct ScanUnit: Sendable, Hashable {
    /// The index of the part file in the store's file order.
    public var fileIndex: Int
    /// The index of the stripe within the file.
    public var stripeIndex: Int
    /// The number of rows in the file before this stripe.
    public var firstRow: Int64
    /// The number of rows in the stripe.
    public var rowCount: Int

    /// Creates a unit.
    public init(fileIndex: Int, stripeIndex: Int, firstRow: Int64, rowCount: Int) {
        self.fileIndex = fileIndex
        self.stripeIndex = stripeIndex
        self.firstRow = firstRow
        self.rowCount = rowCount
    }
}

/// A source of game actions that can be scanned stripe by stripe, in parallel.
///
/// The engines are generic over this protocol, so the same code runs over ORC stores and over the
/// in-memory stores that tests build.
public protocol ActionSource: Sendable {
    /// The units of work, in store order.
    var units: [ScanUnit] { get }

    /// Reads the requested columns of one unit and passes them to `body` in batches.
    ///
    /// - Parameters:
    ///   - unit: One of `units`.
    ///   - columns: The columns to read; the others stay empty in each batch.
    ///   - body: Called once per batch, in row order.
    /// - Throws: `DataStoreError` when the data cannot be read, or what `body` throws.
    func scan(
        _ unit: ScanUnit,
        columns: ActionColumns,
        _ body: (ActionBatch) throws -> Void
    ) throws
}

extension ActionSource {
    /// The total number of rows over all units.
    public var rowCount: Int {
        units.reduce(0) { $0 + $1.rowCount }
    }
}
