import Extract
import JourneysCore
import Sessionize

/// The visits and journeys of the read window, with what extract and sessionize counted.
struct Sessions {
    var visits: [Visit]
    var journeys: [Journey]
    var extract: ExtractResult
    var lateEvents: Int
    var cutVisits: Int
    var afterPeriod: Int
    /// Events that fall in the period.
    var inPeriod: Int
}

/// Reads every input line and cuts the events into visits as they stream past: extract and
/// sessionize run fused, so the log is never held in memory. Extract parses on its own thread
/// and hands its accounting back at the end of the stream.
enum ReadStage {
    static func run(_ plan: ReadPlan, config: PipelineConfig, progress: Progress) throws -> Sessions {
        let events = try MergedEvents(plan.files, options: plan.extract)
        let sessionizer = Sessionizer(rules: config.sessionRules, timeZone: plan.zone)
        let periodRange = plan.periodRange
        sessionizer.newVisitsUntil = periodRange.upperBound
        var n = 0
        var inPeriod = 0
        while let event = try events.next() {
            sessionizer.add(event)
            if periodRange.contains(event.time) { inPeriod += 1 }
            n += 1
            if n & 0xFFFF == 0 { progress.update(done: events.bytesConsumed, total: plan.totalBytes, unit: "B") }
        }
        var visits = sessionizer.finish()
        var extract = events.result
        Sessions.renumber(&visits, &extract.symbols)
        return Sessions(visits: visits, journeys: JourneyBuilder.journeys(of: visits), extract: extract,
                        lateEvents: sessionizer.lateEvents, cutVisits: sessionizer.cutVisits, afterPeriod: sessionizer.afterEnd,
                        inPeriod: inPeriod)
    }
}

extension Sessions {
    /// Numbers the symbols in string order (`SymbolTable.inStringOrder`), so that no later order
    /// depends on which line was read first: one process and merged shards agree.
    static func renumber(_ visits: inout [Visit], _ symbols: inout SymbolTable) {
        let (table, map) = symbols.inStringOrder()
        for i in visits.indices { visits[i].renumber(map) }
        symbols = table
    }
}
