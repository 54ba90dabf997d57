import Foundation
import Synchronization

/// The number of scan workers to use by default: one per active core.
public var defaultWorkerCount: Int {
    ProcessInfo.processInfo.activeProcessorCount
}

// Hands out units in store order to whichever worker is free next.
private final class UnitQueue: Sendable {
    let next = Atomic<Int>(0)
}

/// Scans every unit of `source` with up to `workers` child tasks, each folding the batches it reads
/// into its own state, and returns the states of the workers.
///
/// Which worker reads which unit depends on timing, so callers must merge the states with an
/// operation that does not depend on that assignment.
///
/// - Complexity: O(rows) work spread over the workers.
func scanInParallel<Source: ActionSource, State: Sendable>(
    _ source: Source,
    columns: ActionColumns,
    workers: Int,
    makeState: @escaping @Sendable () -> State,
    fold: @escaping @Sendable (inout State, ActionBatch) throws -> Void
) async throws -> [State] {
    let units = source.units
    let workerCount = max(1, min(workers, units.count))
    let queue = UnitQueue()

    return try await withThrowingTaskGroup(of: State.self) { group in
        for _ in 0..<workerCount {
            group.addTask {
                var state = makeState()
                while true {
                    let index = queue.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < units.count else { break }
                    try Task.checkCancellation()
                    try source.scan(units[index], columns: columns) { batch in
                        try fold(&state, batch)
                    }
                }
                return state
            }
        }

        var states: [State] = []
        for try await state in group {
            states.append(state)
        }
        return states
    }
}
