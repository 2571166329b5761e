import Foundation
import Pipeline
import Testing

/// `history.path` in the config: relative to the config file, outside the published output.
@Suite struct HistoryConfigTests {
    @Test func theShippedConfigsKeepTheirHistoriesApartAndUnpublished() throws {
        let weekly = try ConfigLoader.load(path: PipelineFixtures.weeklyConfig)
        let events = try ConfigLoader.load(path: PipelineFixtures.eventsConfig)
        let pipelines = PipelineFixtures.repo.appendingPathComponent("pipelines").path
        #expect(weekly.historyPath == pipelines + "/../history/journeys.sqlite")
        #expect(events.historyPath == pipelines + "/../history/events.sqlite")
        // The default, for a config that leaves the key out, is weekly.yaml's.
        var defaults = try ConfigLoader.parse("locale: en\n", file: "p.yaml")
        #expect(defaults.historyPath == "../history/journeys.sqlite")
        defaults = try ConfigLoader.load(path: try PipelineFixtures.writeConfig("locale: en\n"))
        #expect(defaults.historyPath.hasSuffix("/../history/journeys.sqlite") && defaults.historyPath.hasPrefix("/"))
    }

    @Test func aWrongHistoryKeyNamesItsLine() {
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "history.path expects a text value")) {
            try ConfigLoader.parse("history:\n  path: [a, b]\n", file: "p.yaml")
        }
    }
}
