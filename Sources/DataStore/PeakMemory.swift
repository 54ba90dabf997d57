import Foundation

/// Readings of this process's resident memory from `/proc/self/status` (Linux).
public enum PeakMemory {
    /// Returns a field of `/proc/self/status` such as `VmHWM` or `VmRSS` in bytes, or nil where
    /// the file or field does not exist.
    public static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kibibytes = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kibibytes.map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak resident size (`VmHWM`) to the current one by writing 5 to
    /// `/proc/self/clear_refs`, which Linux supports since 4.0.
    ///
    /// - Returns: Whether the reset succeeded.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Runs `operation` and returns its value with the growth of the peak resident size during it,
    /// in bytes: `VmHWM` after minus `VmRSS` before, with the peak reset first.
    ///
    /// Without a working reset the growth is measured against the previous peak and may read 0.
    public static func measure<T>(_ operation: () async throws -> T) async rethrows -> (value: T, peakGrowth: Int?) {
        let didReset = resetPeak()
        let before = didReset ? statusField("VmRSS") : statusField("VmHWM")
        let value = try await operation()
        let after = statusField("VmHWM")
        guard let before, let after else { return (value, nil) }
        return (value, max(0, after - before))
    }
}
