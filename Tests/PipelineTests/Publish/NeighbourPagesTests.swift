import Foundation
import Pipeline
import Testing

/// Publishing a period relinks the pages of the periods beside it: in the usual weekly order the
/// week before gains its "next" link, published out of order the week after gains its "previous"
/// link, and nothing else on those pages changes.
@Suite struct NeighbourPagesTests {
    static func publish(_ weeks: [String], into dir: String, logs: String) throws {
        for week in weeks {
            _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: dir + "/out", period: week), environment: [:])
        }
    }

    static func page(_ dir: String, _ week: String) throws -> String {
        try String(contentsOfFile: "\(dir)/out/\(week)/index.html", encoding: .utf8)
    }

    /// The page without its navigation block, to compare what must not change.
    static func withoutNavigation(_ page: String) -> String {
        guard let start = page.range(of: "<nav class=\"page-links\""),
              let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex) else { return page }
        return String(page[..<start.lowerBound]) + String(page[end.upperBound...])
    }

    @Test func theWeekBeforeGainsItsNextLinkAndNothingElse() throws {
        let dir = try PipelineFixtures.scratch("neighbours-in-order")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        try Self.publish(["2026-W46"], into: dir, logs: logs)
        let alone = try Self.page(dir, "2026-W46")
        #expect(!alone.contains("rel=\"next\""))

        try Self.publish(["2026-W47"], into: dir, logs: logs)
        let linked = try Self.page(dir, "2026-W46")
        #expect(linked.contains("<a href=\"../2026-W47/index.html\" rel=\"next\">"))
        #expect(Self.withoutNavigation(linked) == Self.withoutNavigation(alone))
        #expect(linked != alone)
        // W47 links back; no staging or backup is left beside or in the output
        #expect(try Self.page(dir, "2026-W47").contains("<a href=\"../2026-W46/index.html\" rel=\"prev\">"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("publish") }
        #expect(left.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted() == ["2026-W46", "2026-W47", "index.html"])

        // running W47 again leaves W46's page as it was
        try Self.publish(["2026-W47"], into: dir, logs: logs)
        #expect(try Self.page(dir, "2026-W46") == linked)
    }

    @Test func theWeekAfterGainsItsPreviousLinkWhenPublishedOutOfOrder() throws {
        let dir = try PipelineFixtures.scratch("neighbours-out-of-order")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        try Self.publish(["2026-W47"], into: dir, logs: logs)
        let alone = try Self.page(dir, "2026-W47")
        #expect(!alone.contains("rel=\"prev\""))

        try Self.publish(["2026-W45"], into: dir, logs: logs)
        // W45 is no neighbour of W47: untouched
        #expect(try Self.page(dir, "2026-W47") == alone)

        try Self.publish(["2026-W46"], into: dir, logs: logs)
        let w47 = try Self.page(dir, "2026-W47")
        #expect(w47.contains("<a href=\"../2026-W46/index.html\" rel=\"prev\">") && !w47.contains("rel=\"next\""))
        #expect(Self.withoutNavigation(w47) == Self.withoutNavigation(alone))
        let w45 = try Self.page(dir, "2026-W45")
        #expect(w45.contains("<a href=\"../2026-W46/index.html\" rel=\"next\">") && !w45.contains("rel=\"prev\""))
        let w46 = try Self.page(dir, "2026-W46")
        #expect(w46.contains("rel=\"prev\"") && w46.contains("rel=\"next\""))
    }

    /// A neighbour whose report.json this version cannot read keeps its page as it is: its links
    /// point at nothing missing, and the run still publishes.
    @Test func aNeighbourThatCannotBeReadIsLeftAsItIs() throws {
        let dir = try PipelineFixtures.scratch("neighbours-unreadable")
        let logs = try ExportFixture.write(ExportFixture(customers: 40).byTime)
        try Self.publish(["2026-W46"], into: dir, logs: logs)
        try Data("{\"not\": \"a report\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/out/2026-W46/report.json"))
        let before = try Self.page(dir, "2026-W46")
        try Self.publish(["2026-W47"], into: dir, logs: logs)
        #expect(try Self.page(dir, "2026-W46") == before)
        #expect(try Self.page(dir, "2026-W47").contains("rel=\"prev\""))
    }
}
