extension GameRules: Codable {
    private enum CodingKeys: String, CodingKey {
        case startingBalance, stake, winProbability, continueAfterWin, continueAfterWinStreak,
             continueAfterLoss, continueAfterLossStreak, maxGames, playersPerPopulation, bonusAmount,
             bonusCost, revenueModel
    }

    /// Decodes rules in which every field is optional: a missing field takes its standard value and
    /// a missing `bonusCost` takes the decoded `bonusAmount`.
    ///
    /// - Throws: `DecodingError` for a field of the wrong type. Ranges are checked by `validate()`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = GameRules.standard
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }

        let bonusAmount = try value(.bonusAmount, standard.bonusAmount)
        self.init(
            startingBalance: try value(.startingBalance, standard.startingBalance),
            stake: try value(.stake, standard.stake),
            winProbability: try value(.winProbability, standard.winProbability),
            continueAfterWin: try value(.continueAfterWin, standard.continueAfterWin),
            continueAfterWinStreak: try value(.continueAfterWinStreak, standard.continueAfterWinStreak),
            continueAfterLoss: try value(.continueAfterLoss, standard.continueAfterLoss),
            continueAfterLossStreak: try value(.continueAfterLossStreak, standard.continueAfterLossStreak),
            maxGames: try value(.maxGames, standard.maxGames),
            playersPerPopulation: try value(.playersPerPopulation, standard.playersPerPopulation),
            bonusAmount: bonusAmount,
            bonusCost: try value(.bonusCost, Double(bonusAmount)),
            revenueModel: try value(.revenueModel, standard.revenueModel)
        )
    }

    /// Encodes every field, `bonusCost` included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startingBalance, forKey: .startingBalance)
        try container.encode(stake, forKey: .stake)
        try container.encode(winProbability, forKey: .winProbability)
        try container.encode(continueAfterWin, forKey: .continueAfterWin)
        try container.encode(continueAfterWinStreak, forKey: .continueAfterWinStreak)
        try container.encode(continueAfterLoss, forKey: .continueAfterLoss)
        try container.encode(continueAfterLossStreak, forKey: .continueAfterLossStreak)
        try container.encode(maxGames, forKey: .maxGames)
        try container.encode(playersPerPopulation, forKey: .playersPerPopulation)
        try container.encode(bonusAmount, forKey: .bonusAmount)
        try container.encode(bonusCost, forKey: .bonusCost)
        try container.encode(revenueModel, forKey: .revenueModel)
    }
}
