import Extract
import JourneysCore
import Sessionize

/// The visits of the read window, with what extract and sessionize counted.
struct Sessions {
    var people: People
    var extract: ExtractResult
    var lateEvents: Int
    var cutVisits: Int
    var afterPeriod: Int
    /// Events that fall in the period.
    var inPeriod: Int

    /// Where the visits are: set down on disk as they closed (a report), or in a list (a shard's
    /// partial, a merge of partials). Either way their symbols end up numbered in string order.
    enum People {
        /// The spill, and the renumbering of the symbols its visits carry.
        case spilled(VisitSpill, renumbering: [Symbol])
        /// Ordered by start, then device, then closing order; symbols already renumbered.
        case listed([Visit])
    }

    /// The listed visits (a partial's).
    var visits: [Visit] {
        if case .listed(let v) = people { return v }
        preconditionFailure("the visits were spilled, not listed")
    }
}

/// Reads every input line and cuts the events into visits as they stream past: extract and
/// sessionize run fused, so the log is never held in memory. Extract parses on its own thread
/// and hands its accounting back at the end of the stream. With `spill` each visit is set down
/// on disk as it closes (`VisitSpill`), so that memory follows the visitors active at once, not
/// the length of the log.
enum ReadStage {
    static func run(_ plan: ReadPlan, config: PipelineConfig, progress: Progress, spill: Bool = false) throws -> Sessions {
        let events = try MergedEvents(plan.files, options: plan.extract)
        let spilled = try spill ? VisitSpill(temporaryDirectory: config.sortDirectory) : nil
        var spillError: Error? = nil
        let sessionizer = spilled.map { s in
            Sessionizer(rules: config.sessionRules, timeZone: plan.zone) { visit in
                do { try s.add(visit) } catch { spillError = spillError ?? error }
            }
        } ?? Sessionizer(rules: config.sessionRules, timeZone: plan.zone)
        let periodRange = plan.periodRange
        sessionizer.newVisitsUntil = periodRange.upperBound
        var n = 0
        var inPeriod = 0
        while let event = try events.next() {
            sessionizer.add(event)
            if periodRange.contains(event.time) { inPeriod += 1 }
            n += 1
            if n & 0xFFFF == 0 {
                progress.update(done: events.bytesConsumed, total: plan.totalBytes, unit: "B")
                if let spillError { throw spillError }
            }
        }
        var visits = sessionizer.finish()
        if let spillError { throw spillError }
        var extract = events.result
        // Symbols numbered in string order, so that no later order depends on which line was
        // read first: one process and merged shards agree.
        let (table, map) = extract.symbols.inStringOrder()
        extract.symbols = table
        let people: Sessions.People
        if let spilled {
            people = .spilled(spilled, renumbering: map)
        } else {
            for i in visits.indices { visits[i].renumber(map) }
            people = .listed(visits)
        }
        return Sessions(people: people, extract: extract, lateEvents: sessionizer.lateEvents, cutVisits: sessionizer.cutVisits,
                        afterPeriod: sessionizer.afterEnd, inPeriod: inPeriod)
    }
}
