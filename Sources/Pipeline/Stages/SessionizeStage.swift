import Extract
import Sessionize

/// Streams the merged events through the sessionizer and groups the visits into journeys.
enum SessionizeStage {
    static func run(_ ctx: RunContext, _ progress: Progress) throws {
        let sessionizer = Sessionizer(rules: ctx.config.sessionRules, timeZone: ctx.zone)
        sessionizer.newVisitsUntil = ctx.periodRange.upperBound
        var n = 0
        while let event = try ctx.events.next() {
            sessionizer.add(event)
            n += 1
            if n & 0xFFFF == 0 { progress.update(done: ctx.events.bytesConsumed, total: ctx.totalBytes, unit: "B") }
        }
        ctx.visits = sessionizer.finish()
        ctx.journeys = JourneyBuilder.journeys(of: ctx.visits)
        ctx.lateEvents = sessionizer.lateEvents
        ctx.cutVisits = sessionizer.cutVisits
        ctx.afterPeriod = sessionizer.afterEnd
        ctx.events = nil
    }
}
