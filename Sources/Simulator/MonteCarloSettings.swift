import Foundation

/// The settings of a Monte Carlo run: the number of populations, the seed, the generator and the
/// number of threads.
///
/// Results depend on the replications, seed and generator but not on the thread count.
public struct MonteCarloSettings: Sendable, Hashable, Codable {
    /// The number of simulated populations, each of `GameRules.playersPerPopulation` players.
    public var replications: Int
    /// The run seed. Replication `i` seeds its generator from (seed, i).
    public var seed: UInt64
    /// The generator type.
    public var generator: RandomGeneratorKind
    /// The number of worker tasks, at least 1.
    public var threads: Int

    /// Creates settings with the number of active processors as the default thread count.
    public init(replications: Int = 100, seed: UInt64 = 1, generator: RandomGeneratorKind = .mt19937,
                threads: Int? = nil) {
        self.replications = replications
        self.seed = seed
        self.generator = generator
        self.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
    }
}
