extension GameRules {
    /// The largest `maxGames` accepted, because exact evaluation and the optimal policy need memory
    /// that grows with its square.
    public static let maxGamesLimit = 100_000
    /// The largest stake, bonus amount or starting balance accepted, so balances fit in `Int`.
    public static let amountLimit = 1_000_000_000

    /// Checks every field against its allowed range.
    ///
    /// - Throws: `StrategyError` naming the first field out of range, its value and the range.
    public func validate() throws(StrategyError) {
        try Self.check("stake", stake, in: 1...Self.amountLimit)
        try Self.check("startingBalance", startingBalance, in: stake...Self.amountLimit,
                       allowed: "at least the stake (\(stake)), because the first game is always played, "
                           + "and at most \(Self.amountLimit)")
        try Self.check("bonusAmount", bonusAmount, in: 0...Self.amountLimit)
        try Self.check("maxGames", maxGames, in: 1...Self.maxGamesLimit)
        try Self.check("playersPerPopulation", playersPerPopulation, in: 1...Int(Int32.max))
        let probabilities: [(String, Double)] = [
            ("winProbability", winProbability),
            ("continueAfterWin", continueAfterWin),
            ("continueAfterWinStreak", continueAfterWinStreak),
            ("continueAfterLoss", continueAfterLoss),
            ("continueAfterLossStreak", continueAfterLossStreak),
        ]
        for (field, probability) in probabilities where !(0...1).contains(probability) {
            throw .invalidRules(field: field, value: "\(probability)", allowed: "a probability in [0, 1]")
        }
        guard (0...Double(Self.amountLimit)).contains(bonusCost) else {
            throw .invalidRules(field: "bonusCost", value: "\(bonusCost)", allowed: "in 0...\(Self.amountLimit)")
        }
    }

    private static func check(_ field: String, _ value: Int, in range: ClosedRange<Int>,
                              allowed: String? = nil) throws(StrategyError) {
        guard !range.contains(value) else { return }
        throw .invalidRules(field: field, value: "\(value)",
                            allowed: allowed ?? "in \(range.lowerBound)...\(range.upperBound)")
    }
}
