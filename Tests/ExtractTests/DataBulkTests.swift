import Foundation
import Testing
@testable import Extract

/// The bulk of the data: groups of lines separated by more than a week without any line; groups
/// at either end holding less than 1 % of the timed lines are stray.
@Suite struct DataBulkTests {
    /// A scan of lines at `times`, as the plan stage makes it, from a written access log.
    func bulk(_ times: [Int64]) throws -> DataBulk? {
        let folder = temporaryFolder()
        let lines = times.map { t -> String in
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "dd/MMM/yyyy:HH:mm:ss"
            return combined(time: f.string(from: Date(timeIntervalSince1970: TimeInterval(t))) + " +0000")
        }
        return InputScan.bulk(try InputScan.scan([writeLog("a.log", lines, in: folder)], options: ExtractOptions(), tolerance: 300))
    }

    /// 2026-11-16 00:00 UTC, and a week of 200 lines from it (one every 50 minutes).
    let monday: Int64 = 1_795_219_200
    var week: [Int64] { (0..<200).map { monday + Int64($0) * 3000 } }

    @Test func aLineFarAfterOrBeforeIsStray() throws {
        let b = try #require(try bulk(week + [4_076_560_800, 36_000]))
        #expect(b.earliest == monday)
        #expect(b.latest == monday + 199 * 3000)
        #expect(b.strayLines == 2)
    }

    @Test func aGroupOfOnePercentIsKept() throws {
        // Two lines a month later: 2 of 202 lines, just under 1 %: stray; three of 203: kept.
        let later = monday + 30 * 86_400
        #expect(try bulk(week + [later, later + 60])?.strayLines == 2)
        #expect(try bulk(week + [later, later + 60, later + 120])?.latest == later + 120)
    }

    @Test func aGapOfAWeekOrLessJoinsTheGroups() throws {
        let last = monday + 199 * 3000
        #expect(try bulk(week + [last + 7 * 86_400]) == DataBulk(earliest: monday, latest: last + 7 * 86_400, strayLines: 0))
        #expect(try bulk(week + [last + 7 * 86_400 + 1])?.strayLines == 1)
    }

    @Test func withoutAnyGroupOfOnePercentNothingIsStray() throws {
        // 150 lines, each more than a week after the one before.
        let sparse = (0..<150).map { monday + Int64($0) * 8 * 86_400 }
        #expect(try bulk(sparse) == DataBulk(earliest: sparse[0], latest: sparse[149], strayLines: 0))
    }
}
