import Foundation
import Simulator

/// The per-player revenue histograms of several strategies merged onto one grid of wider bins,
/// as shares of each strategy's players, so they can be drawn on shared axes.
///
/// The simulator's bins are one stake wide. With net revenue a player's revenue after n games has
/// the parity of n stakes, so one-stake bins alternate between full and nearly empty. Bins of two
/// or more source bins hide that comb, and the width leaves at most `targetBinCount` bins.
struct PlayerRevenueShares {
    /// The lower edge of the first bin, in money units.
    let lowerBound: Double
    /// The width of every bin, a whole multiple of the simulator's bin width.
    let binWidth: Double
    /// `shares[s][i]` is the share of strategy `s`'s players whose revenue falls in bin `i`.
    let shares: [[Double]]
    /// The share of each strategy's players who cost the operator money (revenue below zero).
    let sharesBelowZero: [Double]

    var binCount: Int { shares.first?.count ?? 0 }
    var upperBound: Double { lowerBound + Double(binCount) * binWidth }

    /// Merges the histograms onto a grid of equal bins through zero, or returns nil when every
    /// histogram is empty.
    ///
    /// - Complexity: O(total bins of the histograms + strategies × `targetBinCount`).
    init?(_ histograms: [RevenueHistogram], targetBinCount: Int = 120) {
        let filled = histograms.filter { !$0.counts.isEmpty && $0.binWidth > 0 }
        guard let sourceWidth = filled.map(\.binWidth).max() else { return nil }
        let low = filled.map(\.lowerBound).min()!
        let high = filled.map { $0.lowerBound + Double($0.counts.count) * $0.binWidth }.max()!

        // Widths of 2, 5, 10, 20, 50, ... source bins. The edges of the wide bins are multiples of
        // the width, so zero is one of them. When the source bins also have an edge at zero, none
        // of them straddles two wide bins.
        var multiple = 2.0
        var step = 0
        while (high - low) / (sourceWidth * multiple) > Double(targetBinCount) {
            multiple *= [2.5, 2, 2][step % 3]
            step += 1
        }
        let width = sourceWidth * multiple
        let firstIndex = (low / width).rounded(.down)
        let count = Int((high / width).rounded(.up) - firstIndex)

        lowerBound = firstIndex * width
        binWidth = width
        var shares: [[Double]] = []
        var sharesBelowZero: [Double] = []
        for histogram in histograms {
            let (binShares, belowZero) = Self.merge(histogram, lowerBound: firstIndex * width, width: width, count: count)
            shares.append(binShares)
            sharesBelowZero.append(belowZero)
        }
        self.shares = shares
        self.sharesBelowZero = sharesBelowZero
    }

    // Adds each source bin to the wide bin holding its center and counts the players below
    // zero. A source bin that straddles zero adds the part of its players below zero, assuming
    // they spread evenly over the bin.
    private static func merge(_ histogram: RevenueHistogram, lowerBound: Double, width: Double,
                              count: Int) -> (shares: [Double], belowZero: Double) {
        let total = Double(histogram.counts.reduce(0, +))
        var shares = [Double](repeating: 0, count: count)
        guard total > 0 else { return (shares, 0) }

        var belowZero = 0.0
        for (index, players) in histogram.counts.enumerated() where players > 0 {
            let binLower = histogram.lowerBound + Double(index) * histogram.binWidth
            let center = binLower + histogram.binWidth / 2
            let target = min(count - 1, max(0, Int(((center - lowerBound) / width).rounded(.down))))
            let share = Double(players) / total
            shares[target] += share
            let fractionBelowZero = min(1, max(0, -binLower / histogram.binWidth))
            belowZero += share * fractionBelowZero
        }
        return (shares, belowZero)
    }
}
