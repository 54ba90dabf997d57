import Foundation
import Strategies

/// The two batch detection engines.
public enum DetectionEngine: String, Sendable, CaseIterable {
    /// Record at a time, as an RDD job: `RowDetector`.
    case rows
    /// Column batches with a projection, as a DataFrame plan: `ColumnarDetector`.
    case columns

    /// Runs this engine over a store.
    ///
    /// - Throws: `DataStoreError` when the store cannot be read.
    public func detect<Source: ActionSource>(
        _ source: Source,
        rule: LossRatioRule,
        workers: Int = defaultWorkerCount
    ) async throws -> DetectionResult {
        switch self {
        case .rows:
            try await RowDetector.detect(source, rule: rule, workers: workers)
        case .columns:
            try await ColumnarDetector.detect(source, rule: rule, workers: workers)
        }
    }
}

/// One engine's run: its result, wall time and memory.
public struct EngineRun: Sendable {
    /// The engine, or nil for the bare read of the three detection columns.
    public var engine: DetectionEngine?
    /// The detection result; nil for the bare read.
    public var result: DetectionResult?
    /// The rows scanned.
    public var rows: Int
    /// The wall time in seconds.
    public var seconds: Double
    /// The growth of the peak resident size during the run, in bytes, where Linux reports it.
    public var peakMemoryGrowth: Int?

    /// Creates a run from its measurements.
    public init(engine: DetectionEngine?, result: DetectionResult?, rows: Int, seconds: Double, peakMemoryGrowth: Int?) {
        self.engine = engine
        self.result = result
        self.rows = rows
        self.seconds = seconds
        self.peakMemoryGrowth = peakMemoryGrowth
    }

    /// The rows scanned per second of wall time.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// The label used in tables: the engine name, or `read-3-columns`.
    public var label: String { engine?.rawValue ?? "read-3-columns" }

    /// Runs one engine over a store, timing it and measuring its memory.
    public static func measure<Source: ActionSource>(
        _ engine: DetectionEngine,
        on source: Source,
        rule: LossRatioRule,
        workers: Int = defaultWorkerCount
    ) async throws -> EngineRun {
        let clock = ContinuousClock()
        let start = clock.now
        let (result, peak) = try await PeakMemory.measure {
            try await engine.detect(source, rule: rule, workers: workers)
        }
        let seconds = (clock.now - start).seconds
        return EngineRun(engine: engine, result: result, rows: result.rowsRead, seconds: seconds, peakMemoryGrowth: peak)
    }

    /// Reads and touches the three detection columns of a store, timing it and measuring its memory.
    public static func measureColumnRead<Source: ActionSource>(
        on source: Source,
        workers: Int = defaultWorkerCount
    ) async throws -> EngineRun {
        let clock = ContinuousClock()
        let start = clock.now
        let (scan, peak) = try await PeakMemory.measure {
            try await ColumnReadBaseline.scan(source, workers: workers)
        }
        let seconds = (clock.now - start).seconds
        return EngineRun(engine: nil, result: nil, rows: scan.rows, seconds: seconds, peakMemoryGrowth: peak)
    }

    /// Returns the runs as CSV with a header: engine, seconds, rows, rows per second, peak memory growth.
    public static func csv(_ runs: [EngineRun]) -> String {
        var lines = ["engine,wall_seconds,rows,rows_per_second,peak_memory_growth_mib"]
        for run in runs {
            let memory = run.peakMemoryGrowth.map { formatted(Double($0) / 1_048_576, digits: 1) } ?? ""
            lines.append("\(run.label),\(formatted(run.seconds, digits: 3)),\(run.rows),\(Int(run.rowsPerSecond.rounded())),\(memory)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func formatted(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
