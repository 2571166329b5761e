import JourneysCore
import DemoShop
import Foundation
import Testing

/// Every line is Combined Log Format (except the counted malformed ones), in time order, with
/// Europe/Berlin offsets.
@Suite struct LogFormatTests {
    @Test func everyLineIsCombinedLogFormatExceptTheCountedMalformedOnes() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions())
        for (day, path) in zip(summary.days, summary.files) {
            var malformed = 0, bots = 0, assets = 0, scanners = 0
            var lastEpoch = Int.min
            for line in try logLines(path) {
                guard let p = ParsedLine(line) else { malformed += 1; continue }
                #expect(p.localDate == day.date, "line of another day in \(day.file)")
                #expect(p.epoch >= lastEpoch, "lines out of time order in \(day.file)")
                lastEpoch = p.epoch
                #expect(p.offset == "+0100", "November is CET")
                #expect((200...599).contains(p.status))
                if p.isBot { bots += 1 } else if p.isAsset { assets += 1 }
                if p.method == nil { scanners += 1; #expect(p.status == 400) }
                if p.status == 304 { #expect(p.bytes == nil) }
                if p.method == "POST", p.target?.hasPrefix("/cart/add?sku=") == true { #expect(p.status == 302) }
            }
            #expect(malformed == day.malformedLines, "\(day.file)")
            #expect((3...6).contains(malformed))
            #expect(bots == day.botLines, "\(day.file)")
            #expect(assets == day.assetLines, "\(day.file)")
            #expect(scanners >= 1)
        }
    }

    @Test func malformedLinesAreOfEachKind() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions())
        let lines = try logLines(summary.files[0])
        let broken = lines.filter { ParsedLine($0) == nil }
        #expect(broken.contains { String(validating: $0, as: UTF8.self) == nil }, "binary garbage")
        #expect(broken.contains { String(decoding: $0, as: UTF8.self).contains("[99/Foo/2026:25:61:00 +0100]") })
        #expect(broken.contains { l in
            let s = String(decoding: l, as: UTF8.self)
            return s.contains("\"GET") && !s.hasSuffix("\"")
        }, "a line cut in the middle")
    }

    @Test func daylightSavingOffsetsChangeOnOctober25() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions(weeks: 5, dailyVisits: 5))
        func offsets(_ date: String) throws -> Set<String> {
            let i = try #require(summary.days.firstIndex { $0.date == date })
            return Set(try logLines(summary.files[i]).compactMap { ParsedLine($0)?.offset })
        }
        #expect(try offsets("2026-10-24") == ["+0200"])
        #expect(try offsets("2026-10-26") == ["+0100"])
        // On the day of the change, lines before 03:00 CEST are +0200, the rest +0100.
        let i = try #require(summary.days.firstIndex { $0.date == "2026-10-25" })
        let change = CivilDate(year: 2026, month: 10, day: 25).dayNumber * 86400 + 3600   // 01:00 UTC
        for p in try logLines(summary.files[i]).compactMap({ ParsedLine($0) }) {
            let utcHour = (p.epoch % 86400) / 3600
            #expect(p.offset == (p.epoch < change ? "+0200" : "+0100"), "\(p.hour):\(p.minute) utc hour \(utcHour)")
        }
    }
}
