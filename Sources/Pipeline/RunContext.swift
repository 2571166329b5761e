import Extract
import Foundation
import JourneysCore
import Render
import Score
import Sessionize
import Touchpoints

/// The values the stages hand to each other, in pipeline order. Each stage fills its part.
final class RunContext {
    let options: RunOptions
    let config: PipelineConfig
    let zone: TimeZone

    // extract
    var files: [String] = []
    var totalBytes = 0
    var period: Period! = nil
    var previousCovered = false
    var extract: ExtractContext! = nil
    var events: MergedEvents! = nil
    // sessionize
    var visits: [Visit] = []
    var journeys: [Journey] = []
    var lateEvents = 0
    var cutVisits = 0
    var afterPeriod = 0
    // touchpoints
    var mapped: [MappedVisit] = []
    var mapper: TouchpointMapper! = nil
    // score
    var data: ReportData! = nil
    // render
    var staging: String = ""
    var written: [String] = []

    init(options: RunOptions, config: PipelineConfig, zone: TimeZone) {
        self.options = options
        self.config = config
        self.zone = zone
    }

    var periodRange: Range<Int64> { period.startTime(in: zone)..<period.endTime(in: zone) }
    var previousRange: Range<Int64> { period.previous.startTime(in: zone)..<period.previous.endTime(in: zone) }
    var lookbackSeconds: Int64 { Int64(config.lookbackDays) * 86_400 }
}
