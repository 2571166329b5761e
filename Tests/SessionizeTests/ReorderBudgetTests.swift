import Foundation
import JourneysCore
@testable import Sessionize
import Testing

/// A burst of events within the out-of-order tolerance waits in the reorder buffer; beyond the
/// budget it waits on disk, and the visits are exactly those of a buffer without a budget.
@Suite struct ReorderBudgetTests {
    /// A burst: `count` events of a few devices within a few seconds, shuffled within the
    /// tolerance, with equal times (whose arrival order must hold), some late events and a gap
    /// that closes visits mid-stream. Deterministic (a fixed linear congruential sequence).
    static func burst(count: Int) -> [Event] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % n
        }
        var events: [Event] = []
        var clock = t0
        for i in 0..<count {
            if i == count / 2 { clock += 3600 }            // a gap: every open visit times out
            if next(4) == 0 { clock += 1 }
            let jitter = Int64(next(400))                   // up to 400 s behind: some are late
            let time = next(3) == 0 ? clock - jitter : clock
            events.append(event(time, device: next(5) + 1, path: UInt32(i + 1)))
        }
        return events
    }

    static func run(_ events: [Event], budget: Int) -> (visits: [Visit], sessionizer: Sessionizer) {
        let s = Sessionizer(rules: .ga4, timeZone: utc, reorderBudget: budget)
        for e in events { s.add(e) }
        return (s.finish(), s)
    }

    @Test func aBurstBeyondTheBudgetGivesTheVisitsOfAnUnboundedBuffer() throws {
        let events = Self.burst(count: 5000)
        let unbounded = Self.run(events, budget: .max)
        let bounded = Self.run(events, budget: 16)
        #expect(unbounded.sessionizer.peakReorderInMemory > 1000)
        #expect(unbounded.sessionizer.reorderRunsWritten == 0)
        // The spill path is taken, runs are merged (more than `maxRuns` of them), and memory held
        // at most the budget.
        #expect(bounded.sessionizer.peakReorderInMemory <= 16)
        #expect(bounded.sessionizer.reorderRunsWritten > Sessionizer.maxReorderRuns)
        #expect(bounded.sessionizer.spillError == nil)
        #expect(bounded.visits == unbounded.visits)
        #expect(bounded.visits.map(\.pageNumbers) == unbounded.visits.map(\.pageNumbers))
        #expect(bounded.sessionizer.lateEvents == unbounded.sessionizer.lateEvents)
        #expect(bounded.sessionizer.lateEvents > 0)
        #expect(bounded.sessionizer.events == unbounded.sessionizer.events)
    }

    @Test func identicalRequestsWithinOneSecondKeepTheirOrder() {
        // 3000 requests of one device in the same second: one visit, pages in arrival order.
        let events = (0..<3000).map { event(t0, device: 7, path: UInt32($0 + 1)) }
        let (visits, s) = Self.run(events, budget: 100)
        #expect(s.peakReorderInMemory <= 100)
        #expect(s.reorderRunsWritten > 0)
        #expect(visits.map(\.pageNumbers) == [Array(1...3000)])
    }

    @Test func anUnwritableFolderIsReportedNotLost() {
        let s = Sessionizer(rules: .ga4, timeZone: utc, reorderBudget: 4, temporaryDirectory: "/nonexistent-journeys-folder")
        for i in 0..<10 { s.add(event(t0, path: UInt32(i + 1))) }
        let visits = s.finish()
        #expect(s.spillError != nil)
        // The events that could not be set down stayed in memory: none is lost.
        #expect(visits.map(\.pageNumbers) == [Array(1...10)])
    }
}
