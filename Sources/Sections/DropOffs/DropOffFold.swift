import JourneysCore
import ReportModel
import Touchpoints

/// What people did after leaving the funnel (docs/definitions.md "After the drop-off"): for
/// each step but the last, the period's visits that reached it and not the next, and where
/// they went next: the first later page of the visit outside the purchase phase, else the
/// landing of their next visit within the lookback, else nothing.
struct DropOffFold: SectionFold {
    struct Key: Hashable, Comparable, Codable {
        /// 0 the same visit, 1 the next visit, 2 nothing.
        var kind: Int
        var touchpoint: Int
        static func < (a: Key, b: Key) -> Bool { (a.kind, a.touchpoint) < (b.kind, b.touchpoint) }
    }
    static let steps: [FunnelStep] = [.productView, .addToCart, .checkout]
    var next = Array(repeating: KeyedCounts<Key>(), count: steps.count)
    var left = Array(repeating: KeyedCounts<Int>(), count: steps.count)

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for s in Self.steps.indices { next[s].nextPerson(); left[s].nextPerson() }
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            for (s, step) in Self.steps.enumerated() where m.reached(step) && !m.reached(FunnelStep.allCases[step.order + 1]) {
                left[s].add(0)
                let at = m.touchpoints.lastIndex { context.stepOf[$0] == step } ?? (m.touchpoints.count - 1)
                // Where they went when they left the purchase flow: the cart page after an
                // add-to-cart is the flow, not a way out of it.
                let key: Key
                if let after = m.touchpoints[(at + 1)...].first(where: { context.phaseOf[$0] != .purchase }) {
                    key = Key(kind: 0, touchpoint: after)
                } else if i + 1 < person.visits.count, person.visits[i + 1].start - visit.end <= context.lookback {
                    key = Key(kind: 1, touchpoint: person.mapped[i + 1].touchpoints.first ?? -1)
                } else {
                    key = Key(kind: 2, touchpoint: -1)
                }
                next[s].add(key)
            }
        }
    }

    mutating func merge(_ o: DropOffFold) {
        for s in Self.steps.indices { next[s].merge(o.next[s]); left[s].merge(o.left[s]) }
    }

    func finish(_ finishing: inout FinishContext) -> DropOffs {
        let context = finishing.fold
        let k = context.settings.minPeople
        return DropOffs(rows: Self.steps.enumerated().map { s, step in
            let total = left[s].rows[0] ?? RowCounts()
            let (top, withheld) = next[s].top(8, k: k)
            finishing.withhold(withheld, in: .dropOffs)
            let kinds = ["visit", "next_visit", "none"]
            return DropOff(step: step.rawValue, label: step.label, left: total.n, people: total.people,
                           next: top.map { DropOff.Next(kind: kinds[$0.key.kind],
                                                        touchpoint: $0.key.touchpoint < 0 ? "" : context.catalog[$0.key.touchpoint].name,
                                                        visits: $0.counts.n, people: $0.counts.people,
                                                        share: ratio($0.counts.n, total.n) ?? 0) })
        })
    }
}

extension DropOffFold {
    init(zero context: FoldContext) { self.init() }
}
