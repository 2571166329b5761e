import Dispatch
import Foundation
import JourneysCore
import Score
import Sessionize
import Touchpoints

/// What the read window's people were folded into: score's sections, the history's facts, and
/// how the touchpoint rules were used.
struct Folded {
    var score: ScorePartial
    var history: HistoryFold
    var mapper: TouchpointMapper
}

/// Maps every visit to its channel and touchpoints and folds each person, once, into score's
/// partial and the history's facts: the people in parts on `shards` threads, each part with its
/// own partials, merged in part order. The merge is exact, so the report is the same for any
/// number of threads. The spill hands the people back one bucket at a time.
enum FoldStage {
    /// One part of the people: a bucket of the spill.
    private typealias Part = () throws -> [(person: JourneyBuilder.Person, visits: [Visit])]

    static func run(_ sessions: Sessions, input: ScoreInput, mapper: TouchpointMapper, plan: ReadPlan, config: PipelineConfig) throws -> Folded {
        let context = ScorePartial.context(input)
        let shards = max(1, config.shards)
        let symbols = sessions.extract.symbols
        guard let (spill, map) = sessions.spill else { preconditionFailure("the people of a merge were folded by the shards") }
        let parts: [Part] = try spill.people(buckets: shards).map { bucket in
            { try bucket.load(renumbering: map) }
        }
        let work = Work(parts: parts, base: Folded(score: ScorePartial(context), history: HistoryFold(), mapper: mapper),
                        context: context, symbols: symbols, plan: plan)
        let results = ResultSlots<Folded>(count: shards)
        DispatchQueue.concurrentPerform(iterations: shards) { t in
            let (parts, context, symbols, plan) = (work.parts, work.context, work.symbols, work.plan)
            var folded = work.base
            do {
                for k in stride(from: t, to: parts.count, by: shards) {
                    for person in try parts[k]() {
                        let mapped = person.visits.indices.map { i in folded.mapper.map(person.visits[i], index: i, symbols: symbols) }
                        folded.score.add(PersonVisits(visits: person.visits, mapped: mapped), context)
                        folded.history.add(visitor: person.person.id, visits: person.visits, mapped: mapped, plan: plan, symbols: symbols)
                    }
                }
                results.set(t, .success(folded))
            } catch {
                results.set(t, .failure(error))
            }
        }
        var merged = try results.take(0)
        var mergedParts: [Folded] = []
        for t in 1..<shards {
            let part = try results.take(t)
            merged.score.merge(part.score)
            merged.history.merge(part.history)
            merged.mapper.addCounts(ruleHits: part.mapper.ruleHits, unmatched: part.mapper.unmatched)
            mergedParts.append(part)
        }
        // the merged parts' tables are freed beside the stages that follow
        Discard.inBackground(mergedParts)
        return merged
    }

    /// What every thread reads and none writes: the parts, the empty partials, the settings.
    private final class Work: @unchecked Sendable {
        let parts: [Part]
        let base: Folded
        let context: FoldContext
        let symbols: SymbolTable
        let plan: ReadPlan
        init(parts: [Part], base: Folded, context: FoldContext, symbols: SymbolTable, plan: ReadPlan) {
            self.parts = parts; self.base = base; self.context = context; self.symbols = symbols; self.plan = plan
        }
    }

}
