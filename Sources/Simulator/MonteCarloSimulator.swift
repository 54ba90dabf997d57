import CGSL
import Strategies
import Synchronization

/// Estimates a strategy's revenue by simulating populations of players, in parallel.
///
/// Replication `i` draws from its own GSL generator seeded from (seed, i), and the results are
/// combined in replication order, so a run gives bit-identical results on any number of threads.
public enum MonteCarloSimulator {
    /// Simulates `settings.replications` populations of `rules.playersPerPopulation` players.
    ///
    /// A Markovian strategy runs through its `DecisionTable`, while `loss-ratio` and `loss-streak` run
    /// in loops specialized for their types, and any other strategy through a generic loop.
    ///
    /// - Parameters:
    ///   - strategy: the strategy, created for `rules`.
    ///   - rules: valid rules (see `GameRules.validate()`).
    ///   - settings: at least one replication and one thread.
    ///   - progress: called with the number of completed replications after each one, from
    ///     worker tasks and in no particular order of calls.
    /// - Throws: `CancellationError` when the calling task is cancelled.
    /// - Complexity: O(replications × players × games per player) time over `settings.threads`
    ///   workers.
    public static func run(strategy: any BonusStrategy, rules: GameRules, settings: MonteCarloSettings,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> MonteCarloSummary {
        precondition(settings.replications >= 1, "a Monte Carlo run needs at least one replication")
        precondition(settings.threads >= 1, "a Monte Carlo run needs at least one thread")

        let kernel = PopulationKernel(strategy: strategy, rules: rules)
        let (results, counts) = try await runReplications(kernel: kernel, rules: rules, settings: settings,
                                                          progress: progress)
        return MonteCarloSummary(strategy: strategy.label, settings: settings, rules: rules, results: results,
                                 counts: counts)
    }

    private final class Counters: Sendable {
        let nextReplication = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
    }

    // Workers take replication indices from a shared counter, so a slow replication does not hold
    // up the others. Each replication result is stored at its index and the per-player counts are
    // integer sums, so neither the order of completion nor the split between workers matters.
    private static func runReplications(kernel: PopulationKernel, rules: GameRules, settings: MonteCarloSettings,
                                        progress: (@Sendable (Int) -> Void)?) async throws
        -> (results: [ReplicationResult], counts: PlayerCounts) {
        let counters = Counters()
        let workers = min(settings.threads, settings.replications)
        var results = [ReplicationResult?](repeating: nil, count: settings.replications)
        var counts = PlayerCounts(rules: rules)

        try await withThrowingTaskGroup(of: ([(Int, ReplicationResult)], PlayerCounts).self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var finished = [(Int, ReplicationResult)]()
                    var counts = PlayerCounts(rules: rules)
                    let generator = GSLGenerator(kind: settings.generator)
                    while true {
                        try Task.checkCancellation()
                        let replication = counters.nextReplication.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard replication < settings.replications else { break }

                        generator.seed(RandomGeneratorKind.replicationSeed(seed: settings.seed, replication: replication))
                        finished.append((replication, kernel.simulatePopulation(generator: generator.pointer, counts: &counts)))
                        let completed = counters.completed.wrappingAdd(1, ordering: .relaxed).newValue
                        progress?(completed)
                    }
                    return (finished, counts)
                }
            }
            for try await (finished, workerCounts) in group {
                for (replication, result) in finished {
                    results[replication] = result
                }
                counts.add(workerCounts)
            }
        }

        return (results.map { $0! }, counts)
    }
}
