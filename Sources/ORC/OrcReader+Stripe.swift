import Dispatch
import Synchronization

extension OrcReader {
    /// Reads and decodes the footer of one stripe.
    ///
    /// - Throws: `OrcError` when the index is out of range or the footer is damaged.
    public func stripeFooter(_ index: Int) throws -> OrcProto.StripeFooter {
        guard stripes.indices.contains(index) else {
            throw OrcError.invalidArgument("stripe \(index) does not exist; the file has \(stripes.count) stripes").located(file: path)
        }
        let stripe = stripes[index]
        let offset = (stripe.offset ?? 0) + (stripe.indexLength ?? 0) + (stripe.dataLength ?? 0)
        do {
            let stored = try file.read(offset: offset, count: stripe.footerLength ?? 0, what: "stripe footer")
            return try OrcProto.StripeFooter(serializedBytes: try makeDecompressor().decompress(stored[...]))
        } catch let error as OrcError {
            throw error.located(file: path, stripe: index, offset: offset)
        }
    }

    /// Reads the row group index of one column in one stripe: the stream positions and
    /// statistics of every `rowIndexStride` rows.
    ///
    /// - Returns: The index, or nil when the stripe has no ROW_INDEX stream for the column.
    /// - Throws: `OrcError` when the stripe or column does not exist or the index is damaged.
    public func rowIndex(stripe index: Int, column: Int) throws -> OrcProto.RowIndex? {
        guard (0...schema.maximumColumnId).contains(column) else {
            throw OrcError.invalidArgument("column \(column) does not exist; the schema has columns 0 to \(schema.maximumColumnId)")
        }
        let footer = try stripeFooter(index)
        let context = try StripeContext(reader: self, index: index, stripe: stripes[index], footer: footer)
        let key = StripeContext.StreamKey(column: column, kind: .rowIndex)
        guard context.streams[key] != nil else { return nil }
        do {
            return try OrcProto.RowIndex(serializedBytes: try context.readStream(key, decompressor: try makeDecompressor()))
        } catch let error as OrcError {
            throw error.located(file: path, stripe: index, column: column)
        }
    }

    /// Returns the file column ids of the named top-level fields and their descendants.
    ///
    /// - Parameter fields: Field names of the root struct, or nil for every column.
    /// - Throws: `OrcError` naming an unknown field and listing the known ones.
    public func columnIds(ofFields fields: [String]?) throws -> [Int] {
        guard let fields else { return Array(0...schema.maximumColumnId) }
        guard schema.kind == .struct else {
            throw OrcError.invalidArgument("the root type is \(schema), not a struct, so fields cannot be selected; read all columns")
        }
        var ids = [0]
        for name in fields {
            guard let field = schema.field(named: name) else {
                let known = schema.fieldNames.joined(separator: ", ")
                throw OrcError.invalidArgument("unknown column '\(name)'; the file has: \(known)")
            }
            ids.append(contentsOf: field.columnId...field.maximumColumnId)
        }
        return ids
    }

    /// Reads all rows of one stripe for the selected top-level fields.
    ///
    /// Only the streams of the selected columns are read and decompressed. Top-level fields
    /// decode in parallel, each with its own decompressor.
    ///
    /// - Parameters:
    ///   - index: The stripe index, from 0.
    ///   - fields: Top-level field names in the order wanted, or nil for all fields.
    /// - Returns: A batch with one row per stripe row, shaped by the projected schema.
    /// - Throws: `OrcError` naming the file, stripe, column and byte offset of damaged data,
    ///   an unknown field, or an encrypted column.
    /// - Complexity: O(bytes and rows of the selected columns in the stripe).
    public func readStripe(_ index: Int, fields: [String]? = nil) throws -> ColumnBatch {
        let selected = try selectedFields(fields)
        let footer = try stripeFooter(index)
        let stripe = stripes[index]
        // A root without streams, such as `struct<>` or an empty field selection, takes the
        // declared row count as is, so the count needs a bound of its own.
        guard let rowCount = Int(exactly: stripe.numberOfRows ?? 0), rowCount <= ColumnReader.maximumValueCount else {
            throw OrcError.corrupt("the stripe declares \(stripe.numberOfRows ?? 0) rows, more than the \(ColumnReader.maximumValueCount) a column may hold in one stripe; the file is damaged")
                .located(file: path, stripe: index)
        }
        var context = try StripeContext(reader: self, index: index, stripe: stripe, footer: footer)
        let selectedColumns = schema.kind == .struct
            ? Set(selected.flatMap { $0.type.columnId...$0.type.maximumColumnId } + [0])
            : Set(0...schema.maximumColumnId)
        context.prefetchStreams(ofColumns: selectedColumns)

        do {
            let root: ColumnVector
            if schema.kind == .struct {
                let present = try context.readPresent(column: 0, count: rowCount, parentPresent: nil)
                let children = try decodeInParallel(selected.map(\.type), context: context, count: rowCount, present: present)
                root = ColumnVector(count: rowCount, present: present, values: .struct(children))
            } else {
                var column = try context.makeColumnReader()
                root = try column.read(schema, count: rowCount, parentPresent: nil)
            }
            let projected = schema.kind == .struct ? OrcType.struct(selected.map { ($0.name, $0.type) }) : schema
            var fileIds = [0]
            if schema.kind == .struct {
                for field in selected { fileIds.append(contentsOf: field.type.columnId...field.type.maximumColumnId) }
            } else {
                fileIds = Array(0...schema.maximumColumnId)
            }
            return ColumnBatch(schema: projected, fileColumnIds: fileIds, root: root)
        } catch let error as OrcError {
            var located = error.located(file: path, stripe: index)
            if let column = located.column, located.columnPath == nil {
                located.columnPath = schema.path(ofColumn: column)
            }
            throw located
        }
    }

    /// Calls `body` with each stripe's batch in file order, holding one stripe in memory at a time.
    ///
    /// - Parameters:
    ///   - fields: Top-level field names in the order wanted, or nil for all fields.
    ///   - body: Receives each batch and may throw to stop early.
    /// - Throws: The first `OrcError` from reading or the error `body` throws.
    public func forEachStripe(fields: [String]? = nil, _ body: (ColumnBatch) throws -> Void) throws {
        for index in stripes.indices {
            try body(try readStripe(index, fields: fields))
        }
    }

    private func selectedFields(_ fields: [String]?) throws -> [(name: String, type: OrcType)] {
        guard schema.kind == .struct else {
            if fields != nil { _ = try columnIds(ofFields: fields) }
            try checkNotEncrypted(schema)
            return []
        }
        let names = fields ?? schema.fieldNames
        var selected: [(name: String, type: OrcType)] = []
        for name in names {
            guard let type = schema.field(named: name) else {
                _ = try columnIds(ofFields: [name])
                continue
            }
            try checkNotEncrypted(type)
            selected.append((name, type))
        }
        return selected
    }

    private func checkNotEncrypted(_ type: OrcType) throws {
        for root in encryptedColumns {
            let overlaps = (root >= type.columnId && root <= type.maximumColumnId)
                || schema.subtree(columnId: root).map { type.columnId >= $0.columnId && type.columnId <= $0.maximumColumnId } == true
            if overlaps {
                var error = OrcError.unsupported("the column is encrypted and this reader cannot decrypt ORC column encryption; leave it out of the selection")
                    .located(file: path, column: root)
                error.columnPath = schema.path(ofColumn: root)
                throw error
            }
        }
    }

    private func decodeInParallel(_ types: [OrcType], context: StripeContext, count: Int, present: [Bool]?) throws -> [ColumnVector] {
        guard types.count > 1 else {
            var column = try context.makeColumnReader()
            return try types.map { try column.read($0, count: count, parentPresent: present) }
        }
        let results = Mutex<[Result<ColumnVector, any Error>?]>(Array(repeating: nil, count: types.count))
        DispatchQueue.concurrentPerform(iterations: types.count) { index in
            let result = Result {
                var column = try context.makeColumnReader()
                return try column.read(types[index], count: count, parentPresent: present)
            }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { slots in try slots.map { try $0!.get() } }
    }
}
