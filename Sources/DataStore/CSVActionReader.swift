import Foundation

/// A streaming reader of game actions from a CSV file with a header row.
///
/// The header names the columns `user_id`, `action_time`, `game_type` and `result` in any order
/// (case is ignored, other columns are skipped). Fields may be quoted with `"` and `""` inside
/// quotes stands for one quote. Times take the forms that `ActionTime.parse` accepts. The first
/// bad row stops the read with an error that names the file, line, column and value.
///
/// NOTE: a quoted field may not contain a line break; such a row is reported as malformed.
public struct CSVActionReader {
    /// The path of the CSV file.
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var isAtEndOfFile = false
    private var lineNumber = 0
    private var fieldCount = 0
    // The field index of user_id, action_time, game_type and result.
    private var columnIndex: [Int] = []

    /// The column names the header must contain.
    public static let requiredColumns = ["user_id", "action_time", "game_type", "result"]

    /// Opens a CSV file and reads its header row.
    ///
    /// - Throws: `DataStoreError` when the file cannot be opened or the header lacks a column.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataStoreError.io("CSV file '\(path)' not found; check the path")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataStoreError.io("cannot open CSV file '\(path)': permission denied or not a file; check that it is a readable file")
        }
        self.path = path
        self.handle = handle
        try readHeader()
    }

    private mutating func readHeader() throws {
        guard var header = try nextLine() else {
            throw DataStoreError.invalidInput("CSV file '\(path)' is empty: expected a header row with the columns \(Self.requiredColumns.joined(separator: ", "))")
        }
        if header.starts(with: [0xEF, 0xBB, 0xBF]) { header.removeFirst(3) }
        let names = try fields(of: header).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        fieldCount = names.count

        for column in Self.requiredColumns {
            let matches = names.indices.filter { names[$0] == column }
            guard matches.count == 1 else {
                let problem = matches.isEmpty ? "has no column '\(column)'" : "has the column '\(column)' \(matches.count) times"
                throw DataStoreError.schemaMismatch("CSV file '\(path)': the header \(problem); expected the columns \(Self.requiredColumns.joined(separator: ", ")), found \(Self.describeHeader(names))")
            }
            columnIndex.append(matches[0])
        }
    }

    // Shows the header as found, unless it is not text (a binary file given by mistake), whose
    // bytes would flood the terminal with control characters.
    static func describeHeader(_ names: [String]) -> String {
        let text = names.joined(separator: ", ")
        let isPrintable = text.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control && $0 != "\u{FFFD}" }
        guard isPrintable else {
            return "a first line that is not text; is this a CSV file?"
        }
        return text.count > 200 ? String(text.prefix(200)) + "..." : text
    }

    /// Reads up to `maxRows` rows into a batch with all four columns, or returns nil at the end.
    ///
    /// - Throws: `DataStoreError` naming the line, column and value of the first bad row.
    public mutating func nextBatch(maxRows: Int) throws -> ActionBatch? {
        var batch = ActionBatch(count: 0, firstPosition: 0)
        while batch.count < maxRows, let line = try nextLine() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let values = try fields(of: line)
            guard values.count == fieldCount else {
                throw invalidRow("has \(values.count) fields but the header has \(fieldCount); check the commas and quotes of this row")
            }

            let userText = values[columnIndex[0]].trimmingCharacters(in: .whitespaces)
            guard let userID = Int32(userText) else {
                throw invalidValue(userText, column: "user_id", expected: "an integer from \(Int32.min) to \(Int32.max)")
            }
            let timeText = values[columnIndex[1]].trimmingCharacters(in: .whitespaces)
            guard let time = ActionTime.parse(timeText) else {
                throw invalidValue(timeText, column: "action_time",
                                   expected: "a time like 2026-01-01 12:30:00.250 or 2026-01-01T12:30:00Z")
            }
            let gameType = values[columnIndex[2]].trimmingCharacters(in: .whitespaces)
            guard !gameType.isEmpty else {
                throw invalidValue(gameType, column: "game_type", expected: "a game name")
            }
            let resultText = values[columnIndex[3]].trimmingCharacters(in: .whitespaces)
            guard let result = Int64(resultText), (-10...10).contains(result) else {
                throw invalidValue(resultText, column: "result", expected: "an integer from -10 to 10")
            }

            batch.userIDs.append(Int64(userID))
            batch.actionTimes.append(time)
            batch.gameTypes.append(gameType)
            batch.results.append(result)
            batch.count += 1
        }
        return batch.count == 0 ? nil : batch
    }

    private func invalidValue(_ value: String, column: String, expected: String) -> DataStoreError {
        DataStoreError.invalidInput("\(path):\(lineNumber): invalid value '\(value)' in column \(column): expected \(expected)")
    }

    private func invalidRow(_ problem: String) -> DataStoreError {
        DataStoreError.invalidInput("\(path):\(lineNumber): the row \(problem)")
    }

    // Returns the next line without its line break, reading more of the file as needed.
    private mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[bufferStart..<newline]
                bufferStart = newline + 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                lineNumber += 1
                return line
            }
            if isAtEndOfFile {
                guard bufferStart < buffer.count else { return nil }
                var line = buffer[bufferStart...]
                bufferStart = buffer.count
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                lineNumber += 1
                return line
            }

            buffer.removeFirst(bufferStart)
            bufferStart = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw DataStoreError.io("cannot read CSV file '\(path)' after line \(lineNumber): \(fileSystemReason(error))")
            }
            if let chunk, !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                isAtEndOfFile = true
            }
        }
    }

    // Splits one line into fields, removing the quotes of quoted fields.
    private func fields(of line: ArraySlice<UInt8>) throws -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var index = line.startIndex
        var isQuoted = false
        var wasQuoted = false
        while index < line.endIndex {
            let byte = line[index]
            index += 1
            if isQuoted {
                if byte == UInt8(ascii: "\"") {
                    if index < line.endIndex && line[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        isQuoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else if byte == UInt8(ascii: "\"") && field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !wasQuoted {
                field.removeAll(keepingCapacity: true)
                isQuoted = true
                wasQuoted = true
            } else {
                field.append(byte)
            }
        }
        guard !isQuoted else {
            throw invalidRow("has a quoted field without its closing quote")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
