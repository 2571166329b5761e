import Dispatch
import Foundation
import JourneysCore
import Score
import Sessionize
import Touchpoints
import Sections

/// Maps every visit to its channel and touchpoints and folds each person, once, into score's
/// partial and the history's facts: the people in parts on `shards` threads, each part with its
/// own partials, merged in part order (`Folded.merge`). The merge is exact, so the report is the
/// same for any number of threads. The spill hands the people back one bucket at a time. What
/// it returns is all the reduce side reads of the run (`FoldedRead`).
enum FoldStage {
    /// One part of the people: a bucket of the spill.
    private typealias Part = () throws -> [(person: JourneyBuilder.Person, visits: [Visit])]

    static func run(_ sessions: Sessions, plan: ReadPlan, config: PipelineConfig) throws -> FoldedRead {
        let mapper = try TouchpointsStage.mapper(config)
        let settings = ScoreStage.settings(plan.window, config: config, catalog: mapper.catalog, symbols: sessions.extract.symbols)
        let context = FoldContext(settings)
        let shards = max(1, config.shards)
        let symbols = sessions.extract.symbols
        let (spill, map) = sessions.spill
        let parts: [Part] = try spill.people(buckets: shards).map { bucket in
            { try bucket.load(renumbering: map) }
        }
        let work = Work(parts: parts, base: Folded(score: ScorePartial(zero: context), history: HistoryFold(), mapper: mapper),
                        context: context, symbols: symbols, window: plan.window)
        let results = ResultSlots<Folded>(count: shards)
        DispatchQueue.concurrentPerform(iterations: shards) { t in
            let (parts, context, symbols, window) = (work.parts, work.context, work.symbols, work.window)
            var folded = work.base
            do {
                for k in stride(from: t, to: parts.count, by: shards) {
                    for person in try parts[k]() {
                        let mapped = person.visits.indices.map { i in folded.mapper.map(person.visits[i], index: i, symbols: symbols) }
                        folded.score.add(PersonVisits(visits: person.visits, mapped: mapped), context)
                        folded.history.add(visitor: person.person.id, visits: person.visits, mapped: mapped, window: window, symbols: symbols)
                    }
                }
                results.set(t, .success(folded))
            } catch {
                results.set(t, .failure(error))
            }
        }
        // each part joined in order and its largest tables freed as they are joined, so that the
        // parts are not all kept whole until the last is merged; the rest of it is freed beside
        // the stages that follow
        var folded = try results.take(0)
        for t in 1..<shards {
            var part = try results.take(t)
            folded.absorb(&part)
            Discard.inBackground(part)
        }
        let accounting = ScoreStage.accounting(quality: sessions.extract.quality, lateEvents: sessions.lateEvents,
                                               cutVisits: sessions.cutVisits, afterPeriod: sessions.afterPeriod,
                                               rules: folded.mapper, config: config)
        return FoldedRead(window: plan.window, settings: settings, accounting: accounting, folded: folded)
    }

    /// What every thread reads and none writes: the parts, the empty partials, the settings.
    private final class Work: @unchecked Sendable {
        let parts: [Part]
        let base: Folded
        let context: FoldContext
        let symbols: SymbolTable
        let window: PeriodWindow
        init(parts: [Part], base: Folded, context: FoldContext, symbols: SymbolTable, window: PeriodWindow) {
            self.parts = parts; self.base = base; self.context = context; self.symbols = symbols; self.window = window
        }
    }

}
