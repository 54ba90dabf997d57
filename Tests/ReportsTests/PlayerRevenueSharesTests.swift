import Foundation
@testable import Reports
import Simulator
import Testing

@Suite("Player revenue shares")
struct PlayerRevenueSharesTests {
    @Test("synthetic histogram merges into two-stake bins")
    func syntheticHistogram() throws {
        let histogram = RevenueHistogram(lowerBound: -10, binWidth: 10, counts: [1, 2, 1])

        let shares = try #require(PlayerRevenueShares([histogram]))

        #expect(shares.lowerBound == -20)
        #expect(shares.binWidth == 20)
        #expect(shares.shares == [[0.25, 0.75]])
        #expect(shares.sharesBelowZero == [0.25])
    }

    @Test("shares of every strategy sum to one")
    func sharesSumToOne() throws {
        // Counts that rise and fall over 1000 one-stake bins, like a long-tailed revenue histogram.
        let wide = RevenueHistogram(lowerBound: -8000, binWidth: 10, counts: (0..<1000).map { ($0 * 7919) % 101 })
        let narrow = RevenueHistogram(lowerBound: -50, binWidth: 10, counts: [5, 0, 3, 9, 1, 1, 2])
        let empty = RevenueHistogram(lowerBound: 0, binWidth: 10, counts: [])

        let shares = try #require(PlayerRevenueShares([wide, narrow, empty]))

        #expect(shares.binCount <= 120)
        #expect(shares.binWidth == 100)
        #expect(abs(shares.shares[0].reduce(0, +) - 1) < 1e-12)
        #expect(abs(shares.shares[1].reduce(0, +) - 1) < 1e-12)
        #expect(shares.shares[2].allSatisfy { $0 == 0 })
        #expect(shares.lowerBound <= -8000)
        #expect(shares.upperBound >= 2000)
    }

    @Test("bin straddling zero splits evenly")
    func straddlingBin() throws {
        let histogram = RevenueHistogram(lowerBound: -5, binWidth: 10, counts: [2, 2])

        let shares = try #require(PlayerRevenueShares([histogram]))

        #expect(shares.sharesBelowZero == [0.25])
    }

    @Test("empty histograms give no chart data")
    func emptyHistograms() {
        #expect(PlayerRevenueShares([RevenueHistogram(lowerBound: 0, binWidth: 10, counts: [])]) == nil)
    }
}
