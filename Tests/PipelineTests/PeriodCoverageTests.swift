import Foundation
import Pipeline
import Testing

/// A period the inputs do not reach is an error, not a collapse; a period they reach in part is
/// compared by its rates only.
@Suite(.serialized) struct PeriodCoverageTests {
    @Test func aPeriodWithoutDataStopsAndPublishesNothing() throws {
        let logs = try ExportFixture.write(ExportFixture().byTime)
        let out = try PipelineFixtures.scratch("empty-period")
        do {
            _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, period: "2026-W49"), environment: [:])
            Issue.record("a period without data was reported")
        } catch {
            #expect("\(error)" == "plan: no data in 2026-W49: the inputs cover 2026-10-26 to 2026-11-22")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/2026-W49"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test func aPartialPeriodComparesRatesOnly() throws {
        // the export ends on Thursday 2026-11-19: W47 is partial
        let end = ExportFixture.start + 24 * 86_400
        let logs = try ExportFixture.write(ExportFixture().byTime.filter { $0.time < end })
        let out = try PipelineFixtures.scratch("partial-period")
        _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out, period: "2026-W47"), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        let json = try PipelineFixtures.reportJSON(out, "2026-W47")
        #expect((json["period"] as! [String: Any])["isPartial"] as? Bool == true)
        let kpis = json["kpis"] as! [String: [String: Any]]
        for (key, kpi) in kpis {
            if kpi["unit"] as? String == "ratio" {
                #expect(kpi["previous"] as? Double != nil, "\(key) is a rate and keeps its comparison")
            } else {
                #expect(kpi["previous"] is NSNull && kpi["significant"] is NSNull, "\(key) is no rate: not compared")
            }
        }
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        #expect(page.contains("its counts and sums are not compared"))
    }
}
