import CGSL
import Foundation
import Simulator
import Strategies

// Measures the Monte Carlo simulator against the raw speed of its random number generator, the
// speedup from one to two threads, and the time to solve the optimal policy, all in one run.
//
// Usage: simulation-benchmark [--generator NAME] [--seed N] [--replications N]
// Run it in release mode: `swift run -c release --package-path Benchmarks simulation-benchmark`.

struct Options {
    var generator = RandomGeneratorKind.mt19937
    var seed: UInt64 = 20_261_204
    var replications = 4000

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("option \(flag) needs a value") }
            switch flag {
            case "--generator":
                guard let kind = RandomGeneratorKind(rawValue: value) else {
                    fail("unknown generator '\(value)'; use one of: "
                        + RandomGeneratorKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                generator = kind
            case "--seed":
                guard let number = UInt64(value) else { fail("seed '\(value)' is not a non-negative integer") }
                seed = number
            case "--replications":
                guard let number = Int(value), number >= 1 else { fail("replications '\(value)' must be at least 1") }
                replications = number
            default:
                fail("unknown option '\(flag)'; use --generator, --seed or --replications")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("simulation-benchmark: \(message)\n".utf8))
    exit(64)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Draws `count` uniforms the way the simulator does, one `gsl_rng_uniform` call each, and returns
/// their sum so the loop cannot be removed.
func drawUniforms(_ count: Int, generator: RandomGeneratorKind, seed: UInt64) -> Double {
    let rng = gsl_rng_alloc(generator.gslType)!
    defer { gsl_rng_free(rng) }
    gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
    var sum = 0.0
    for _ in 0..<count {
        sum += gsl_rng_uniform(rng)
    }
    return sum
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
let rules = GameRules.standard
let clock = ContinuousClock()

// The optimal policy: best of five solves.
var solveTimes = [Double]()
var policy = OptimalPolicy.solve(rules: rules)
for _ in 0..<5 {
    let elapsed = clock.measure { policy = OptimalPolicy.solve(rules: rules) }
    solveTimes.append(seconds(elapsed))
}
let strategy = OptimalStrategy(policy: policy)

// The simulation on one and on two threads, same seed, so the results must agree.
func simulate(threads: Int) async throws -> (summary: MonteCarloSummary, seconds: Double) {
    let settings = MonteCarloSettings(replications: options.replications, seed: options.seed,
                                      generator: options.generator, threads: threads)
    var summary: MonteCarloSummary?
    let elapsed = try await clock.measure {
        summary = try await MonteCarloSimulator.run(strategy: strategy, rules: rules, settings: settings)
    }
    return (summary!, seconds(elapsed))
}

// Other processes share the machine, so each measurement is repeated in interleaved rounds and
// the best of the rounds is reported.
let rounds = 3
var best = (one: Double.infinity, two: Double.infinity, raw: Double.infinity)
var one: (summary: MonteCarloSummary, seconds: Double)!
var two: (summary: MonteCarloSummary, seconds: Double)!
var sink = 0.0
for _ in 0..<rounds {
    one = try await simulate(threads: 1)
    best.one = min(best.one, one.seconds)
    // The raw generator: two uniforms per simulated game, on one thread.
    let uniforms = 2 * Int((one.summary.gamesPerPlayer * Double(options.replications * rules.playersPerPopulation)).rounded())
    let rawElapsed = clock.measure {
        sink += drawUniforms(uniforms, generator: options.generator, seed: options.seed)
    }
    best.raw = min(best.raw, seconds(rawElapsed))
    two = try await simulate(threads: 2)
    best.two = min(best.two, two.seconds)
}
let games = one.summary.gamesPerPlayer * Double(options.replications * rules.playersPerPopulation)
let rateOne = games / best.one
let rateTwo = games / best.two
let rawGamesPerSecond = games / best.raw

func format(_ value: Double) -> String { String(format: "%.3g", value) }

print("simulation benchmark: standard rules, strategy \(strategy.label), generator \(options.generator.rawValue), "
    + "seed \(options.seed), \(options.replications) replications of \(rules.playersPerPopulation) players, "
    + "\(ProcessInfo.processInfo.activeProcessorCount) active processors")
print("player-games simulated: \(Int(games)) (\(format(one.summary.gamesPerPlayer)) per player); "
    + "mean revenue per 1000 players \(format(one.summary.meanRevenuePer1000Players)) "
    + "± \(format(one.summary.standardError)) (standard error)")
print("results identical on 1 and 2 threads: \(one.summary.replicationRevenuesPer1000Players == two.summary.replicationRevenuesPer1000Players)")
print("best of \(rounds) interleaved rounds:")
print("simulation, 1 thread:  \(format(rateOne)) player-games/s")
print("simulation, 2 threads: \(format(rateTwo)) player-games/s")
print("raw generator (2 gsl_rng_uniform per game, 1 thread): \(format(rawGamesPerSecond)) games/s (checksum \(format(sink)))")
print("simulation / raw generator bound (1 thread): \(format(rateOne / rawGamesPerSecond)) (goal >= 0.6)")
print("speedup 1 -> 2 threads: \(format(rateTwo / rateOne))x (goal >= 1.8)")
print("optimal policy solve, standard rules: best \(format(solveTimes.min()! * 1000)) ms, "
    + "median \(format(solveTimes.sorted()[2] * 1000)) ms of 5 (goal < 200 ms); "
    + "\(policy.table.bitCount) states, \(policy.table.bonusStateCount) with a bonus")
