import Foundation

/// The policy file format, version 1: one JSON object.
///
/// - `format`: the string `retention-optimal-policy`; `version`: 1.
/// - `rules`: the `GameRules` the policy was solved for. They fix the layout of the bits.
/// - `expectedRevenuePerPlayer`: the value the solver computed.
/// - `stateCount`: the number of decision states (bits); `bonusStateCount`: the number of set bits.
/// - `bits`: base64 of the `DecisionTable` words as little-endian 64-bit integers. Rows run over
///   games played 1...maxGames and within one count over the streaks win, wins, loss, losses. A row
///   covers the balance grid indices `max(0, s - g*k)` through `s + g*k + (g-1)*m`, where `s`, `k`
///   and `m` are the starting balance, stake and bonus amount in grid steps of
///   `gcd(stake, bonusAmount)`. The grid index of balance `b` is `(b - startingBalance % step) / step`.
///   Rows are packed without padding, least significant bit first.
/// - `checksum`: FNV-1a 64 of those bytes, as 16 lowercase hex digits.
struct PolicyFile: Codable {
    static let formatName = "retention-optimal-policy"
    static let currentVersion = 1

    var format: String
    var version: Int
    var rules: GameRules
    var expectedRevenuePerPlayer: Double
    var stateCount: Int
    var bonusStateCount: Int
    var checksum: String
    var bits: String
}

extension OptimalPolicy {
    /// Encodes the policy in JSON file format version 1, described on `PolicyFile` in
    /// `OptimalPolicy+File.swift`.
    ///
    /// Complexity: O(number of decision states).
    public func exportData() throws -> Data {
        let bytes = Self.bytes(of: table.packedWords)
        let file = PolicyFile(format: PolicyFile.formatName, version: PolicyFile.currentVersion, rules: rules,
                              expectedRevenuePerPlayer: expectedRevenuePerPlayer, stateCount: table.bitCount,
                              bonusStateCount: table.bonusStateCount, checksum: Self.checksum(of: bytes),
                              bits: bytes.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(file)
    }

    /// Writes the policy to `url` in JSON file format version 1, replacing any file there.
    ///
    /// - Throws: the file system error when the file cannot be written.
    public func export(to url: URL) throws {
        try exportData().write(to: url, options: .atomic)
    }

    /// Loads a policy written by `export(to:)`.
    ///
    /// - Throws: `StrategyError` when the file cannot be read, is truncated or corrupt, has another
    ///   format version, or its bits do not fit its rules.
    public static func load(from url: URL) throws -> OptimalPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StrategyError.invalidPolicyFile(url.path, "it cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, path: url.path)
    }

    /// Decodes a policy from the bytes of a policy file, naming `path` in error messages.
    ///
    /// - Throws: `StrategyError` as `load(from:)` does.
    public static func decode(_ data: Data, path: String) throws -> OptimalPolicy {
        let file: PolicyFile
        do {
            file = try JSONDecoder().decode(PolicyFile.self, from: data)
        } catch {
            throw StrategyError.invalidPolicyFile(path, "it is not a complete policy JSON object (\(describe(error)))")
        }

        guard file.format == PolicyFile.formatName else {
            throw StrategyError.invalidPolicyFile(path, "field 'format' is '\(file.format)', expected '\(PolicyFile.formatName)'")
        }
        guard file.version == PolicyFile.currentVersion else {
            throw StrategyError.invalidPolicyFile(path, "field 'version' is \(file.version); this program reads version \(PolicyFile.currentVersion)")
        }
        do {
            try file.rules.validate()
        } catch {
            throw StrategyError.invalidPolicyFile(path, "field 'rules' is invalid: \(error.message)")
        }

        guard DecisionTable.fits(file.rules) else {
            throw StrategyError.invalidPolicyFile(path, "field 'rules' gives more than \(DecisionTable.maxStateCount) decision states")
        }
        return try decodeTable(file, path: path)
    }

    private static func decodeTable(_ file: PolicyFile, path: String) throws -> OptimalPolicy {
        guard let bytes = Data(base64Encoded: file.bits) else {
            throw StrategyError.invalidPolicyFile(path, "field 'bits' is not valid base64")
        }
        guard checksum(of: bytes) == file.checksum else {
            throw StrategyError.invalidPolicyFile(path, "the checksum of field 'bits' is \(checksum(of: bytes)), the file records \(file.checksum)")
        }
        guard bytes.count % 8 == 0 else {
            throw StrategyError.invalidPolicyFile(path, "field 'bits' contains \(bytes.count) bytes, not a whole number of 64-bit words")
        }
        let words = (0..<(bytes.count / 8)).map { word in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[bytes.startIndex + word * 8 + $1]) << UInt64(8 * $1) }
        }
        guard let table = DecisionTable(rules: file.rules, packedWords: words), table.bitCount == file.stateCount else {
            let expected = DecisionTable(rules: file.rules)
            throw StrategyError.invalidPolicyFile(path, "field 'bits' contains \(words.count) words for \(file.stateCount) states, "
                + "but its rules need \(expected.packedWords.count) words for \(expected.bitCount) states")
        }
        guard table.bonusStateCount == file.bonusStateCount else {
            throw StrategyError.invalidPolicyFile(path, "field 'bits' sets \(table.bonusStateCount) bonus states, the file records \(file.bonusStateCount)")
        }
        return OptimalPolicy(rules: file.rules, table: table, expectedRevenuePerPlayer: file.expectedRevenuePerPlayer)
    }

    private static func bytes(of words: [UInt64]) -> Data {
        var data = Data(capacity: words.count * 8)
        for word in words {
            withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    private static func checksum(of bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map { "\(context.debugDescription) \($0.localizedDescription)" }
                ?? context.debugDescription
        case DecodingError.keyNotFound(let key, _):
            return "field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field '\(field)' has the wrong type"
        default:
            return error.localizedDescription
        }
    }
}
