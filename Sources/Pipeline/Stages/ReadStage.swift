import Extract
import JourneysCore
import Sessionize

/// The visits of the read window, with what extract and sessionize counted.
struct Sessions {
    /// The visits, set down on disk as they closed, and the renumbering of the symbols they
    /// carry (symbols end up numbered in string order).
    var spill: (visits: VisitSpill, renumbering: [Symbol])
    var extract: ExtractResult
    var lateEvents: Int
    /// Visits cut by a rule (the maximum length or page views) or closed before their timeout
    /// because more were open at once than `open_visits_memory_mb` holds.
    var cutVisits: Int
    var afterPeriod: Int
    /// Events that fall in the period.
    var inPeriod: Int
    /// Sorted runs the reorder buffer set down on disk (a burst beyond its memory).
    var reorderRunsWritten = 0
}

/// Reads every input line and cuts the events into visits as they stream past: extract and
/// sessionize run fused, so the log is never held in memory. Extract parses on its own thread
/// and hands its accounting back at the end of the stream. Each visit is set down on disk as it
/// closes (`VisitSpill`), so that memory follows the visitors active at once, not the length of
/// the log.
enum ReadStage {
    static func run(_ plan: ReadPlan, config: PipelineConfig, progress: Progress) throws -> Sessions {
        // before the read's and the fold's threads allocate their first large blocks
        ProcessMemory.returnLargeBlocksWhenFreed()
        let events = try MergedEvents(plan.files, options: plan.extract)
        let spill = try VisitSpill(temporaryDirectory: config.sortDirectory)
        var spillError: Error? = nil
        let sessionizer = Sessionizer(rules: config.sessionRules, timeZone: plan.zone,
                                      reorderBudget: Sessionizer.reorderBudget(bytes: config.reorderMemoryBytes),
                                      temporaryDirectory: config.sortDirectory,
                                      maxOpenVisits: Sessionizer.openVisitBudget(bytes: config.openVisitsMemoryBytes),
                                      orderValueBound: plan.extract.orderValueBoundCents) { visit in
            do { try spill.add(visit) } catch { spillError = spillError ?? error }
        }
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
                if let spillError = spillError ?? sessionizer.spillError { throw spillError }
            }
        }
        _ = sessionizer.finish()
        if let spillError = spillError ?? sessionizer.spillError { throw spillError }
        // The read-ahead thread's and the reorder buffer's freed memory goes back to the system
        // before the fold allocates on threads of its own.
        ProcessMemory.trim()
        var extract = events.result
        if sessionizer.rejectedOrderTotals > 0 {
            extract.quality.runNotes[.orderTotalImplausible, default: 0] += sessionizer.rejectedOrderTotals
        }
        // Symbols numbered in string order, so that no later order depends on which line was
        // read first: one process and merged shards agree.
        let (table, map) = extract.symbols.inStringOrder()
        extract.symbols = table
        return Sessions(spill: (spill, map), extract: extract, lateEvents: sessionizer.lateEvents,
                        cutVisits: sessionizer.cutVisits + sessionizer.closedEarly,
                        afterPeriod: sessionizer.afterEnd, inPeriod: inPeriod, reorderRunsWritten: sessionizer.reorderRunsWritten)
    }
}
