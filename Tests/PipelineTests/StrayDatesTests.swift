import Foundation
import Pipeline
import Testing

/// A few lines dated far from the rest (a server clock in 2099, a forged date in 1970) neither
/// move the default period nor vanish: they are rejected as `far_from_data`, counted and sampled.
@Suite(.serialized) struct StrayDatesTests {
    @Test func strayLinesIn2099And1970LeaveTheDefaultPeriodOnTheBulk() throws {
        let fixture = ExportFixture(customers: 60)
        var rows = fixture.byTime
        let stray2099: Int64 = 4_076_560_800    // 2099-03-07 (a Saturday) 10:00 UTC
        let stray1970: Int64 = 4 * 86_400 + 36_000
        for (k, t) in [stray2099, stray1970].enumerated() {
            rows.append(ExportFixture.Row(time: t, user: 9_000 + k,
                                          text: "\(ExportFixture.format(t)),view,1000,2053013552326770905,apparel.shoes,brand0,9.99,\(509_000 + k),s-stray-\(k)"))
        }
        let logs = try ExportFixture.write(rows)
        let out = try PipelineFixtures.scratch("stray-dates")
        _ = try ReportPipeline.run(PipelineFixtures.exportOptions(logs: logs, output: out), environment: [:])
        try PipelineFixtures.checkSchema(output: out)
        // The fixture's last complete week, as without the stray lines.
        let json = try PipelineFixtures.reportJSON(out, "2026-W47")
        let period = json["period"] as! [String: Any]
        #expect(period["isPartial"] as? Bool == false)
        let quality = json["input"] as! [String: Any]
        let reasons = quality["reasons"] as! [[String: Any]]
        let far = reasons.first { $0["reason"] as? String == "far_from_data" }
        #expect(far?["count"] as? Int == 2)
        #expect(far?["isRejected"] as? Bool == true)
        // Both stray lines are named: the header is line 1, the fixture's rows follow.
        let samples = (quality["samples"] as! [[String: Any]]).filter { $0["reason"] as? String == "far_from_data" }
        #expect(samples.compactMap { $0["line"] as? Int }.sorted() == [rows.count, rows.count + 1])
        #expect(samples.contains { ($0["text"] as? String)?.hasPrefix("2099-03-07 10:00:00 UTC,view") == true })
        #expect(samples.contains { ($0["text"] as? String)?.hasPrefix("1970-01-05 10:00:00 UTC,view") == true })
    }
}
