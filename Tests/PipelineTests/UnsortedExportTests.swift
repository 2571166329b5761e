import Foundation
import Pipeline
import Testing

/// An export in any row order gives the report of the same rows in time order; only the
/// data-quality note about the re-sort tells them apart.
@Suite(.serialized) struct UnsortedExportTests {
    static let fixture = ExportFixture()

    /// The report.json of `rows` with the note about re-sorting taken out, and the note.
    func report(_ rows: [ExportFixture.Row], config: String = PipelineFixtures.eventsConfig) throws -> (json: String, resorted: [[String: Any]]?) {
        let logs = try ExportFixture.write(rows)
        let out = try PipelineFixtures.scratch("unsorted-out")
        let summary = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, config: config), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        #expect(summary.period == "2026-W47")
        var json = try PipelineFixtures.reportJSON(out, summary.period)
        var input = json["input"] as! [String: Any]
        let resorted = input.removeValue(forKey: "resorted") as? [[String: Any]]
        json["input"] = input
        return (try PipelineFixtures.canonical(json), resorted)
    }

    @Test func shuffledAndByCustomerExportsGiveTheReportOfTheSortedOne() throws {
        let sorted = try report(Self.fixture.byTime)
        #expect(sorted.resorted == nil)
        // not a report of nothing: visits, orders and revenue are there to compare
        let kpis = try #require(try JSONSerialization.jsonObject(with: Data(sorted.json.utf8)) as? [String: Any])["kpis"] as! [String: [String: Any]]
        let value = { (key: String) in kpis[key]?["value"] as? Double ?? 0 }
        #expect(value("visits") > 100 && value("orders") > 5 && value("revenue") > 0)

        for rows in [Self.fixture.shuffled(seed: 1), Self.fixture.byCustomer] {
            let other = try report(rows)
            #expect(other.json == sorted.json)
            let note = try #require(other.resorted?.first)
            #expect(note["file"] as? String == "export.csv")
            #expect(note["events"] as? Int == Self.fixture.rows.count)
            #expect((note["moved"] as? Int ?? 0) > Self.fixture.rows.count / 2)
        }
    }

    @Test func externalSortGivesTheReportOfTheInMemorySort() throws {
        let rows = Self.fixture.shuffled(seed: 2)
        let inMemory = try report(rows)
        // a budget of about 10 KB: the export (thousands of events) is sorted through many runs
        let text = try String(contentsOfFile: PipelineFixtures.eventsConfig, encoding: .utf8)
            .replacingOccurrences(of: "sort_memory_mb: 256", with: "sort_memory_mb: 0.01")
        let tiny = try PipelineFixtures.writeConfig(text)
        let external = try report(rows, config: tiny)
        #expect(external.json == inMemory.json)
        #expect(external.resorted?.first?["moved"] as? Int == inMemory.resorted?.first?["moved"] as? Int)
    }
}
