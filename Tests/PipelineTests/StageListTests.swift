@testable import Pipeline
import Testing

/// The stage list: the progress line numbers a stage by its place, so every name is its own,
/// `journeys partial` runs the report's map side after its shard's plan, and `journeys merge`
/// runs the report's reduce side after the partials.
@Suite struct StageListTests {
    @Test func everyStageHasItsOwnName() {
        for names in [ReportPipeline.stageNames, ReportPipeline.mergeStageNames, ReportPipeline.partialStageNames] {
            #expect(Set(names).count == names.count, "\(names)")
        }
    }

    @Test func aShardedRunIsTheSameStagesCutInTwo() {
        let report = ReportPipeline.stageNames, merge = ReportPipeline.mergeStageNames
        #expect(report.first == "plan" && report.last == "publish")
        #expect(merge.first == "merge partials")
        #expect(Array(merge.dropFirst()) == Array(report.drop { $0 != "history" }))
        #expect(Array(report.prefix { $0 != "history" }) == ["plan", "read+sessionize", "touchpoints+fold"])
        #expect(ReportPipeline.partialStageNames == ["plan shard"] + report.prefix { $0 != "history" }.dropFirst())
    }
}
