import Testing
import Strategies

@Suite struct StreakTests {
    @Test func winsAndLossesExtendRuns() {
        #expect(Streak.none.afterWin == .win)
        #expect(Streak.win.afterWin == .wins)
        #expect(Streak.wins.afterWin == .wins)
        #expect(Streak.loss.afterWin == .win)
        #expect(Streak.losses.afterWin == .win)
        #expect(Streak.none.afterLoss == .loss)
        #expect(Streak.win.afterLoss == .loss)
        #expect(Streak.wins.afterLoss == .loss)
        #expect(Streak.loss.afterLoss == .losses)
        #expect(Streak.losses.afterLoss == .losses)
    }

    @Test func bonusCountsAsWin() {
        var state = PlayerState(startingBalance: 100)
        state.recordGame(won: false, stake: 10)
        state.recordGame(won: false, stake: 10)
        #expect(state.streak == .losses)
        #expect(state.lossRunLength == 2)

        state.recordBonus(amount: 5)
        #expect(state.streak == .win)
        #expect(state.balance == 85)
        #expect(state.lossRunLength == 0)
        #expect(state.gamesPlayed == 2)
        #expect(state.recentResults.losses(inLast: 2) == 2)
    }

    @Test func recentResultsKeepLast64Games() {
        var results = RecentResults()
        for game in 0..<70 {
            results.record(isLoss: game % 2 == 0)
        }
        #expect(results.count == 64)
        #expect(results.losses(inLast: 64) == 32)
        #expect(results.losses(inLast: 1) == 0)
        #expect(results.losses(inLast: 3) == 1)
        #expect(results.losses(inLast: 0) == 0)
    }
}
