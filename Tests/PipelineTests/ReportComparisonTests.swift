import Foundation
import Compare
@testable import Pipeline
import Testing

/// What `journeys diff` and the next week's comparison read: a report.json is checked as it is
/// decoded, so a key given twice cannot slip a figure past the size check.
@Suite(.serialized) struct ReportComparisonTests {
    @Test func aKeyGivenTwiceIsCheckedAsDecoded() throws {
        let out = try PublishedWeeks.folder()
        let text = try String(contentsOfFile: out + "/2026-W47/report.json", encoding: .utf8)
        let report = try PipelineFixtures.reportJSON(out, "2026-W47")
        var visits = (report["kpis"] as! [String: [String: Any]])["visits"]!
        visits["value"] = 1e300
        let forged = String(decoding: try JSONSerialization.data(withJSONObject: visits, options: [.sortedKeys]), as: UTF8.self)
        // the decoder takes the first "visits", the object tree the last
        let marker = try #require(text.range(of: "\"kpis\" : {"))
        var twice = text
        twice.insert(contentsOf: "\n\"visits\" : \(forged),", at: marker.upperBound)
        let dir = try PipelineFixtures.scratch("report-twice")
        try twice.write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
        #expect(throws: CompareError.self) { _ = try ReportComparison.load(dir + "/report.json") }
        do {
            _ = try ReportComparison.load(dir + "/report.json")
        } catch {
            #expect("\(error)".contains("beyond any figure of a report"), "\(error)")
            #expect(!"\(error)".contains("\n"))
        }
        // the report itself loads
        _ = try ReportComparison.load(out + "/2026-W47/report.json")
    }

    /// Figures within the size bound that no period can have are refused too.
    @Test func impossibleFiguresAreRefused() throws {
        let out = try PublishedWeeks.folder()
        for (key, field, value, words) in [("visits", "value", -5.0, "kpis.visits.value is -5.0, below 0"),
                                           ("conversion_rate", "value", 5.0, "kpis.conversion_rate.value is 5.0, outside 0 to 1"),
                                           ("conversion_rate", "numerator", 1e9, "kpis.conversion_rate counts 1000000000 of")] {
            var report = try PipelineFixtures.reportJSON(out, "2026-W47")
            var kpis = report["kpis"] as! [String: [String: Any]]
            kpis[key]![field] = field == "numerator" ? Int(value) : value
            report["kpis"] = kpis
            let dir = try PipelineFixtures.scratch("report-impossible")
            try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]).write(to: URL(fileURLWithPath: dir + "/report.json"))
            do {
                _ = try ReportComparison.load(dir + "/report.json")
                Issue.record("\(key).\(field) = \(value) was read")
            } catch {
                #expect("\(error)".contains(words), "\(error)")
            }
        }
    }

    /// A report.json written before the key figures kept their p-values is still read and
    /// compared: the diff tests against its base on its own, so its list is the same.
    @Test func aReportWithoutPValuesIsComparedAlike() throws {
        let out = try PublishedWeeks.folder()
        var report = try PipelineFixtures.reportJSON(out, "2026-W47")
        var kpis = report["kpis"] as! [String: [String: Any]]
        #expect(kpis.values.contains { $0["pValue"] != nil })
        for key in kpis.keys {
            kpis[key]!["pValue"] = nil
            kpis[key]!["yearAgoPValue"] = nil
        }
        report["kpis"] = kpis
        let dir = try PipelineFixtures.scratch("report-old")
        try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]).write(to: URL(fileURLWithPath: dir + "/report.json"))
        let base = try ReportComparison.load(out + "/2026-W46/report.json")
        let old = try ReportDiff.compare(base: base, new: try ReportComparison.load(dir + "/report.json"))
        let now = try ReportDiff.compare(base: base, new: try ReportComparison.load(out + "/2026-W47/report.json"))
        #expect(old.kpis == now.kpis)
        #expect(old.changes.items.map(\.id) == now.changes.items.filter { $0.lead.reference != .yearAgo }.map(\.id))
    }
}
