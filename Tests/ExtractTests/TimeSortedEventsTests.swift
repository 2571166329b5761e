import JourneysCore
import Testing
@testable import Extract

/// A file that is not in time order is sorted before the merge, stably, in memory or on disk.
@Suite struct TimeSortedEventsTests {
    /// `n` access-log lines with distinct times, plus pairs that share a second, in a seeded shuffle.
    func shuffledLines(_ n: Int, seed: UInt64) -> [String] {
        var lines: [String] = []
        for k in 0..<n {
            let t = 36_000 + k * 7
            let time = String(format: "16/Nov/2026:%02d:%02d:%02d +0000", t / 3600, (t / 60) % 60, t % 60)
            lines.append(combined(time: time, request: "GET /p/\(k) HTTP/1.1"))
            if k % 10 == 0 { lines.append(combined(time: time, request: "GET /p/\(k)-twin HTTP/1.1")) }
        }
        var rng = SplitMix64(seed: seed)
        // Fisher-Yates, keeping each twin after its first (same-second rows keep file order)
        var order = Array(lines.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        var shuffled = order.map { lines[$0] }
        for (i, line) in shuffled.enumerated() where line.contains("-twin") {
            let first = line.replacingOccurrences(of: "-twin", with: "")
            if let j = shuffled.firstIndex(of: first), j > i { shuffled.swapAt(i, j) }
        }
        return shuffled
    }

    @Test func shuffledFileComesOutInTimeOrderKeepingTiesInFileOrder() throws {
        let lines = shuffledLines(2_000, seed: 7)
        let r = try extract(lines: lines, name: "shuffled.log")
        #expect(r.events.count == lines.count)
        #expect(zip(r.events, r.events.dropFirst()).allSatisfy { $0.time <= $1.time })
        let paths = r.paths
        for (i, p) in paths.enumerated() where p.hasSuffix("-twin") {
            #expect(paths[i - 1] + "-twin" == p)
        }
        let resort = try #require(r.quality.files[0].resort)
        #expect(resort.events == lines.count)
        #expect(resort.spilledRuns == 0)
        #expect(resort.moved > lines.count / 2 && resort.moved <= lines.count)
    }

    @Test func externalSortGivesTheSameStreamAsTheInMemorySort() throws {
        let lines = shuffledLines(3_000, seed: 11)
        let inMemory = try extract(lines: lines, name: "shuffled.log")
        var options = ExtractOptions()
        options.sortBudgetBytes = 16 * 1024
        let external = try extract(lines: lines, name: "shuffled.log", options: options)
        #expect(external.events.count == inMemory.events.count)
        #expect(external.paths == inMemory.paths)
        #expect(external.events.map(\.time) == inMemory.events.map(\.time))
        #expect(external.events.map(\.device) == inMemory.events.map(\.device))
        let runs = try #require(external.quality.files[0].resort).spilledRuns
        #expect(runs > 10)
        #expect(external.quality.files[0].resort?.moved == inMemory.quality.files[0].resort?.moved)
    }

    @Test func manyRunsAreMergedIntoOneBeforeTooManyAreOpen() throws {
        let lines = shuffledLines(3_000, seed: 13)
        let inMemory = try extract(lines: lines, name: "shuffled.log")
        var options = ExtractOptions()
        options.sortBudgetBytes = 4 * 1024
        let external = try extract(lines: lines, name: "shuffled.log", options: options)
        #expect(try #require(external.quality.files[0].resort).spilledRuns > TimeSortedEvents.maxRuns)
        #expect(external.paths == inMemory.paths)
        #expect(external.events.map(\.time) == inMemory.events.map(\.time))
    }

    @Test func filesToSortShareTheBudget() throws {
        // two shuffled files, each alone within the budget, together over it: both spill
        let a = writeLog("a.log", shuffledLines(400, seed: 1)), b = writeLog("b.log", shuffledLines(400, seed: 2))
        let alone = try extract([a])
        let entry = MemoryLayout<Event>.stride + 8
        var options = ExtractOptions()
        options.sortBudgetBytes = alone.events.count * entry * 3 / 2
        #expect(try extract([a], options: options).quality.files[0].resort?.spilledRuns == 0)
        let both = try extract([a, b], options: options)
        #expect(both.quality.files.allSatisfy { ($0.resort?.spilledRuns ?? 0) > 0 })
        #expect(zip(both.events, both.events.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test func aFileInOrderIsStreamedAsItIs() throws {
        let lines = (0..<100).map { k in combined(time: String(format: "16/Nov/2026:10:%02d:%02d +0000", k / 60, k % 60)) }
        let r = try extract(lines: lines, name: "ordered.log")
        #expect(r.events.count == 100)
        #expect(r.quality.files[0].resort == nil)
    }
}
