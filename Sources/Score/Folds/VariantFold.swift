import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Journey variants and the touchpoints people leave from on the way to purchase
/// (docs/definitions.md "Variants and friction").
struct VariantFold: SectionFold {
    /// Variants longer than this keep their first steps and a final "…", so that one endless
    /// visit cannot make a key of thousands of steps.
    static let maxSteps = 40
    var variants = KeyedCounts<TouchpointSequence>()
    var visits = 0
    /// Per touchpoint, among visits that reached a product view: visits that viewed it and
    /// visits without a purchase that ended on it.
    var exits = KeyedCounts<Int>()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        variants.nextPerson(); exits.nextPerson()
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            visits += 1
            var steps = foldedTouchpoints(m.touchpoints)
            if steps.count > Self.maxSteps { steps.removeSubrange(Self.maxSteps...); steps.append(-1) }
            let bought = !visit.orders.isEmpty
            variants.add(TouchpointSequence(steps)) { if bought { $0.purchases += 1 } }
            guard m.reached(.productView) else { continue }
            let last = m.touchpoints.last
            forEachDistinct(steps, catalogCount: context.catalog.count) { tp in
                let phase = context.phaseOf[tp]
                guard phase == .consideration || phase == .purchase, context.stepOf[tp] != .purchase else { return }
                exits.add(tp) { if !bought && tp == last { $0.exits += 1 } }
            }
        }
    }

    mutating func merge(_ o: VariantFold) {
        variants.merge(o.variants); exits.merge(o.exits); visits += o.visits
    }

    mutating func absorb(_ o: inout VariantFold) {
        variants.absorb(&o.variants); exits.absorb(&o.exits); visits += o.visits
    }

    func finish(_ finishing: inout FinishContext) -> (variants: [Variant], friction: Friction) {
        let context = finishing.fold, funnel = finishing.funnel
        let k = context.settings.minPeople
        let (top, withheld) = variants.top(10, k: k)
        finishing.withhold(withheld, in: .variants)
        func names(_ s: [Int]) -> [String] { s.map { $0 < 0 ? "…" : context.catalog[$0].name } }
        let rows = top.map { row in
            Variant(id: names(row.key.steps).joined(separator: " > "), steps: names(row.key.steps), visits: row.counts.n,
                    people: row.counts.people, share: ratio(row.counts.n, visits) ?? 0, purchases: row.counts.purchases,
                    conversionRate: ratio(row.counts.purchases, row.counts.n) ?? 0,
                    interval: Intervals.wilson(row.counts.purchases, row.counts.n))
        }
        let steps = zip(funnel.dropFirst(), funnel).map { now, before in
            Friction.Step(step: now.step, label: now.label, lost: before.visits - now.visits, lossRate: now.dropOff)
        }.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.step < $1.step }
        let candidates = exits.rows.filter { $0.value.people >= k }
        finishing.withhold(exits.rows.count - candidates.count, in: .frictionExits)
        let exitRows = candidates
            .map { tp, c in
                Friction.Exit(touchpoint: context.catalog[tp].name, phase: context.catalog[tp].phase.rawValue, visits: c.n, exits: c.exits,
                              people: c.people, exitRate: ratio(c.exits, c.n) ?? 0, interval: Intervals.wilson(c.exits, c.n))
            }
            .sorted { ($1.exitRate, $0.touchpoint, $0.phase) < ($0.exitRate, $1.touchpoint, $1.phase) }
            .prefix(8)
        return (rows, Friction(steps: steps, exits: Array(exitRows)))
    }
}

extension VariantFold {
    init(zero context: FoldContext) { self.init() }
}
