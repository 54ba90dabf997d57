import DataStore
import Testing

/// The measurements and messages that `retention detect --compare` prints.
@Suite("Engine runs and comparisons")
struct EngineRunTests {
    @Test("peak memory growth sees a 64 MiB allocation")
    func peakMemoryGrowth() async throws {
        let size = 64 << 20
        let (sum, growth) = await PeakMemory.measure { () async -> Int in
            // Touch every page so the pages become resident.
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
            defer { buffer.deallocate() }
            for offset in stride(from: 0, to: size, by: 4096) { buffer[offset] = 1 }
            return stride(from: 0, to: size, by: 4096).reduce(0) { $0 + Int(buffer[$1]) }
        }

        #expect(sum == size / 4096)
        let measured = try #require(growth, "/proc/self/status has no VmHWM")
        #expect(measured >= size - (4 << 20))
    }

    @Test("comparison CSV has one row per run")
    func comparisonCSV() {
        let result = DetectionResult(rowsRead: 2_000_000, usersSeen: 10, flagged: [])
        let runs = [
            EngineRun(engine: .rows, result: result, rows: 2_000_000, seconds: 4, peakMemoryGrowth: 3 << 20),
            EngineRun(engine: .columns, result: result, rows: 2_000_000, seconds: 0.5, peakMemoryGrowth: nil),
        ]

        let lines = EngineRun.csv(runs).split(separator: "\n")

        #expect(lines == [
            "engine,wall_seconds,rows,rows_per_second,peak_memory_growth_mib",
            "rows,4.000,2000000,500000,3.0",
            "columns,0.500,2000000,4000000,",
        ])
    }

    @Test("first difference names the player and both values")
    func firstDifference() {
        let time = ActionGenerator.startTime
        let left = DetectionResult(rowsRead: 30, usersSeen: 3, flagged: [
            FlaggedUser(userID: 1, losses: 7, games: 10, lastActionTime: time),
            FlaggedUser(userID: 2, losses: 8, games: 10, lastActionTime: time),
        ])
        var right = left
        right.flagged[1].losses = 9
        var shorter = left
        shorter.flagged.removeLast()

        let changed = left.firstDifference(from: right, names: ("rows", "columns"))
        let missing = left.firstDifference(from: shorter, names: ("rows", "columns"))

        #expect(left.firstDifference(from: left, names: ("rows", "columns")) == nil)
        #expect(changed?.contains("userID: 2, losses: 8") == true)
        #expect(changed?.contains("userID: 2, losses: 9") == true)
        #expect(missing == "rows flagged 2 users but columns flagged 1")
    }
}
