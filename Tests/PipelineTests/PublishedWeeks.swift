import Foundation
import Pipeline

/// The demo logs' W46 and then W47 published into one output folder, as a weekly cron job
/// publishes them: made once per test process and only read by the tests.
enum PublishedWeeks {
    static let published: Result<(logs: String, output: String), any Error> = Result {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let out = try PipelineFixtures.scratch("published-weeks")
        for week in ["2026-W46", "2026-W47"] {
            _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: out, period: week), environment: [:])
        }
        return (logs, out)
    }

    /// The output folder; its report folders are `<output>/2026-W46` and `<output>/2026-W47`.
    static func folder() throws -> String { try published.get().output }

    /// The demo logs the weeks were made of.
    static func logs() throws -> String { try published.get().logs }
}
