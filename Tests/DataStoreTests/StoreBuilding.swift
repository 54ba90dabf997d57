import DataStore
import Foundation
import Strategies

/// Builds a game action at `second` seconds after the generator's start time.
func action(_ user: Int64, at second: Int64, result: Int64, game: String = "poker") -> GameAction {
    GameAction(userID: user, actionTime: ActionGenerator.startTime + second * ActionTime.nanosecondsPerSecond,
               gameType: game, result: result)
}

/// Returns the games of one player at seconds 1, 2, 3, … with the given results.
func history(_ user: Int64, results: [Int64], startingAt first: Int64 = 1) -> [GameAction] {
    results.enumerated().map { action(user, at: first + Int64($0.offset), result: $0.element) }
}

/// Builds an in-memory store with all rows of `generator`.
func memoryStore(_ generator: ActionGenerator, stripeRows: Int) -> MemoryActionSource {
    let files = (0..<generator.files).map { file -> [GameAction] in
        let batch = generator.batch(file: file, rows: 0..<generator.rowCount(file: file))
        return (0..<batch.count).map {
            GameAction(userID: batch.userIDs[$0], actionTime: batch.actionTimes[$0],
                       gameType: batch.gameTypes[$0], result: batch.results[$0])
        }
    }
    return MemoryActionSource(files: files, stripeRows: stripeRows)
}

/// Runs both engines and the reference on one store and returns the three results.
func allAnswers<Source: ActionSource>(_ source: Source, rule: LossRatioRule, workers: Int = 3) async throws
    -> (reference: DetectionResult, rows: DetectionResult, columns: DetectionResult)
{
    let reference = try ReferenceDetector.detect(source, rule: rule)
    let rows = try await RowDetector.detect(source, rule: rule, workers: workers)
    let columns = try await ColumnarDetector.detect(source, rule: rule, workers: workers)
    return (reference, rows, columns)
}

/// Returns a fresh empty directory under the temporary directory.
func makeTemporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("datastore-tests-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Removes a directory made by `makeTemporaryDirectory`.
func removeTemporaryDirectory(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
}

/// Removes the temporary directory that contains the file at `path`.
func removeTemporaryDirectory(containing path: String) {
    removeTemporaryDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
}
