import Foundation

/// Writers of the flagged-player list: CSV, or ORC when the file name ends in `.orc`.
public enum FlaggedUsersOutput {
    /// The CSV header and the ORC field names, in order.
    public static let columnNames = ["user_id", "losses", "games", "last_action_time"]

    /// Writes flagged players to `path`, as ORC when it ends in `.orc` and as CSV otherwise.
    ///
    /// - Throws: `DataStoreError` naming the path when it cannot be written.
    public static func write(_ flagged: [FlaggedUser], to path: String) throws {
        if path.lowercased().hasSuffix(".orc") {
            try writeORC(flagged, to: path)
        } else {
            try writeCSV(flagged, to: path)
        }
    }

    /// Returns the players as CSV text with a header row and times as `YYYY-MM-DD HH:MM:SS[.fff]` UTC.
    public static func csv(_ flagged: [FlaggedUser]) -> String {
        var text = columnNames.joined(separator: ",") + "\n"
        for user in flagged {
            text += "\(user.userID),\(user.losses),\(user.games),\(ActionTime.format(user.lastActionTime))\n"
        }
        return text
    }

    static func writeCSV(_ flagged: [FlaggedUser], to path: String) throws {
        try OutputPath.write(csv(flagged), to: path, fix: "choose another --out")
    }
}
