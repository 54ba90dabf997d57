import CGSL

/// The GSL random number generators a simulation can use.
public enum RandomGeneratorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mersenne Twister MT19937, the default.
    case mt19937
    /// RANLUX single precision, luxury level 0.
    case ranlxs0
    /// RANLUX single precision, luxury level 2.
    case ranlxs2
    /// RANLUX double precision, luxury level 1.
    case ranlxd1
    /// The original RANLUX.
    case ranlux
    /// Tausworthe generator with improved seeding.
    case taus2
    /// Four-tap lagged Fibonacci shift-register generator.
    case gfsr4
    /// L'Ecuyer multiple recursive generator.
    case mrg
    /// L'Ecuyer combined multiple recursive generator.
    case cmrg
    /// Knuth's 2002 lagged Fibonacci generator.
    case knuthran2002

    /// The GSL generator type.
    public var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mt19937: cgsl_rng_mt19937()
        case .ranlxs0: cgsl_rng_ranlxs0()
        case .ranlxs2: cgsl_rng_ranlxs2()
        case .ranlxd1: cgsl_rng_ranlxd1()
        case .ranlux: cgsl_rng_ranlux()
        case .taus2: cgsl_rng_taus2()
        case .gfsr4: cgsl_rng_gfsr4()
        case .mrg: cgsl_rng_mrg()
        case .cmrg: cgsl_rng_cmrg()
        case .knuthran2002: cgsl_rng_knuthran2002()
        }
    }

    /// Returns the seed of the generator of one replication, a 32-bit value derived from the run
    /// seed and the replication index.
    ///
    /// Several GSL generators, mt19937 among them, use only the low 32 bits of a seed, so seeds
    /// are kept to 32 bits and made distinct within a run. The run seed is mixed down to a 32-bit
    /// base with the SplitMix64 finalizer, the index is added, and the MurmurHash3 32-bit
    /// finalizer, a bijection, scrambles the sum. Replications therefore never share a
    /// seed, except that GSL replaces seed 0 with the generator's default seed.
    public static func replicationSeed(seed: UInt64, replication: Int) -> UInt64 {
        var z = seed &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31

        var h = UInt32(truncatingIfNeeded: z) &+ UInt32(truncatingIfNeeded: replication)
        h ^= h >> 16
        h &*= 0x85eb_ca6b
        h ^= h >> 13
        h &*= 0xc2b2_ae35
        h ^= h >> 16
        return UInt64(h)
    }
}

/// A GSL generator owned by one worker, reseeded for each replication and freed with the value.
final class GSLGenerator {
    let pointer: UnsafeMutablePointer<gsl_rng>

    init(kind: RandomGeneratorKind) {
        guard let pointer = gsl_rng_alloc(kind.gslType) else {
            fatalError("GSL could not allocate a \(kind.rawValue) generator")
        }
        self.pointer = pointer
    }

    convenience init(kind: RandomGeneratorKind, seed: UInt64) {
        self.init(kind: kind)
        self.seed(seed)
    }

    /// Restarts the stream from `seed`, because `gsl_rng_set` resets the whole generator state.
    func seed(_ seed: UInt64) {
        gsl_rng_set(pointer, UInt(truncatingIfNeeded: seed))
    }

    deinit {
        gsl_rng_free(pointer)
    }
}
