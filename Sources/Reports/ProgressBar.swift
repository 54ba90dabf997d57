import Foundation
import Synchronization

/// A one-line progress bar drawn on standard error, safe to advance from many tasks.
///
/// The bar redraws at most ten times a second. Create it only when standard error is a terminal
/// (see `isStandardErrorTerminal`), because carriage returns garble a log file.
public final class ProgressBar: Sendable {
    private struct State {
        var completed = 0
        var lastDraw: ContinuousClock.Instant?
        var isFinished = false
    }

    private let total: Int
    private let label: String
    private let width: Int
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    /// Creates a bar for `total` units of work.
    ///
    /// - Parameters:
    ///   - total: The number of units, such as replications; at least 1.
    ///   - label: A word shown before the bar, such as `simulating`.
    ///   - width: The number of cells in the bar.
    public init(total: Int, label: String, width: Int = 30) {
        self.total = max(1, total)
        self.label = label
        self.width = width
    }

    /// Whether standard error is a terminal, where a progress bar belongs.
    public static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Records `units` more finished units and redraws when the last draw is old enough.
    ///
    /// The bar writes while holding its lock, so lines from different tasks reach the terminal
    /// in the order of their counts.
    public func advance(by units: Int = 1) {
        state.withLock { state in
            guard !state.isFinished else { return }
            state.completed = min(total, state.completed + units)
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), state.completed < total {
                return
            }
            state.lastDraw = now
            FileHandle.standardError.write(Data(render(completed: state.completed, elapsed: now - start).utf8))
        }
    }

    /// Draws the final state and ends the line, so later output starts on a fresh line.
    public func finish() {
        state.withLock { state in
            guard !state.isFinished else { return }
            state.isFinished = true
            let line = render(completed: state.completed, elapsed: ContinuousClock.now - start) + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Returns the bar text for a state, starting with a carriage return.
    func render(completed: Int, elapsed: Duration) -> String {
        let fraction = Double(completed) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var text = "\r\(label) [\(bar)] \(Int(fraction * 100))% \(completed)/\(total) \(Self.clock(seconds))"
        if completed > 0, completed < total {
            text += " eta \(Self.clock(seconds / fraction - seconds))"
        }
        // Trailing spaces clear what a longer earlier line left behind.
        return text + "    "
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%02d:%02d", whole / 60, whole % 60)
    }
}
