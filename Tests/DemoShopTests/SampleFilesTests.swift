import JourneysCore
import DemoShop
import Foundation
import Testing

/// Determinism, file names and compression of `journeys sample`.
@Suite struct SampleFilesTests {
    @Test func sameOptionsGiveByteIdenticalFiles() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        let sa = try SampleGenerator.write(to: a.path, options: smallOptions())
        let sb = try SampleGenerator.write(to: b.path, options: smallOptions())
        #expect(sa.days == sb.days)
        for (fa, fb) in zip(sa.files, sb.files) {
            let da = try Data(contentsOf: URL(fileURLWithPath: fa))
            let db = try Data(contentsOf: URL(fileURLWithPath: fb))
            #expect(da == db, "\(fa) differs from \(fb)")
        }
    }

    @Test func anotherSeedGivesOtherFiles() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        let sa = try SampleGenerator.write(to: a.path, options: smallOptions(seed: 47))
        let sb = try SampleGenerator.write(to: b.path, options: smallOptions(seed: 48))
        #expect(sa.files.map { ($0 as NSString).lastPathComponent } == sb.files.map { ($0 as NSString).lastPathComponent })
        var differing = 0
        for (fa, fb) in zip(sa.files, sb.files) {
            if try Data(contentsOf: URL(fileURLWithPath: fa)) != Data(contentsOf: URL(fileURLWithPath: fb)) { differing += 1 }
        }
        #expect(differing == sa.files.count)
    }

    @Test func fileNamesAndCompressionAsLogrotateLeavesThem() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions())
        let expected = (16...22).map { "access.log-202611\($0)" + ($0 <= 20 ? ".gz" : "") }
        #expect(summary.days.map(\.file) == expected)
        #expect(summary.days.map(\.date) == (16...22).map { "2026-11-\($0)" })
        #expect(summary.files.map { ($0 as NSString).lastPathComponent } == expected)
        #expect(summary.files.allSatisfy { $0.hasPrefix("/") })
        // Nothing else in the directory.
        let listed = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(listed == expected)
        for (day, path) in zip(summary.days, summary.files) {
            let raw = try Data(contentsOf: URL(fileURLWithPath: path))
            let isGzip = raw.count > 2 && raw[raw.startIndex] == 0x1F && raw[raw.startIndex + 1] == 0x8B
            #expect(isGzip == day.file.hasSuffix(".gz"), "\(day.file)")
            #expect(GzipFile.isGzip(path: path) == isGzip)
            #expect(try logLines(path).count == day.lines)
            #expect(day.lines > 100)
        }
    }

    @Test func defaultDatesRunFromMondayToSundayOfW47() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions(weeks: 5, dailyVisits: 2))
        #expect(summary.days.count == 35)
        #expect(summary.days.first?.date == "2026-10-19")
        #expect(summary.days.last?.date == "2026-11-22")
        #expect(summary.days.filter { !$0.file.hasSuffix(".gz") }.map(\.file) == ["access.log-20261121", "access.log-20261122"])
        #expect(CivilDate(year: 2026, month: 10, day: 19).isoWeekday == 1)
        #expect(CivilDate(year: 2026, month: 11, day: 22).isoWeek == (2026, 47))
    }

    @Test func invalidOptionsAreRejected() throws {
        let dir = try TemporaryDirectory()
        var o = smallOptions()
        o.weeks = 0
        #expect(throws: SampleError.self) { try SampleGenerator.write(to: dir.path, options: o) }
        o = smallOptions()
        o.lastDay = (2026, 2, 30)
        #expect(throws: SampleError.self) { try SampleGenerator.write(to: dir.path, options: o) }
    }

    @Test func volumeScalesWithDailyVisits() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        let small = try SampleGenerator.write(to: a.path, options: smallOptions(dailyVisits: 40)).totalLines
        let large = try SampleGenerator.write(to: b.path, options: smallOptions(dailyVisits: 160)).totalLines
        let ratio = Double(large) / Double(small)
        #expect(ratio > 3.0 && ratio < 5.0, "ratio \(ratio)")
    }
}
