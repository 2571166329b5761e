import Foundation
import Pipeline
import Testing

/// A config without `templates:` renders with the templates built into the binary: a
/// `journeys` copied anywhere, with no `report-templates/` beside it, still publishes a page.
@Suite struct BuiltInTemplatesRunTests {
    @Test func aConfigWithoutTemplatesPublishesWithTheBuiltInOnes() throws {
        let (logs, _) = try PipelineFixtures.demoLogs()
        let config = try PipelineFixtures.writeConfig("time_zone: Europe/Berlin\nshop_hosts: [shop.example.com]\nidentity: { pseudonym_key: test-key }\n")
        let out = try PipelineFixtures.scratch("builtin")
        var options = PipelineFixtures.options(logs: logs, output: out, period: "2026-W47")
        options.pipeline = config
        options.templates = nil
        #expect(try ConfigLoader.load(path: config).templates == nil)
        _ = try ReportPipeline.run(options, environment: [:])
        let page = try String(contentsOfFile: out + "/2026-W47/index.html", encoding: .utf8)
        #expect(page.contains("<style>") && page.contains("prefers-color-scheme"))
        try PipelineFixtures.checkSchema(output: out)
    }
}
