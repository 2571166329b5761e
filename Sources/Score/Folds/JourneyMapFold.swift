import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// The journey map's data: touchpoints as nodes (views, entries, exits), the transitions
/// between consecutive touchpoints of a visit as weighted links with the median time they
/// took, the returns across visits (docs/definitions.md "Returns") with the median time
/// between the visits, and the share of visits each phase holds. Times are kept as counts per
/// second, so that partials merge exactly and the median is taken once, in `finish`.
struct JourneyMapFold: SectionFold {
    static let phases = Phase.allCases
    /// The period's visits, with or without touchpoints.
    var visits = 0
    var views: [Int]
    var entries: [Int]
    var exits: [Int]
    /// Per touchpoint, the period's visits with a view of it (each visit once).
    var nodeVisits: [Int]
    /// Transitions per link, keyed `from * touchpoints + to`.
    var links: [Int: Int] = [:]
    /// Per link, how many transitions took each number of seconds (a visit's pages are less
    /// than its timeout apart, so the distinct values stay few).
    var seconds: [Int: [Int32: Int]] = [:]
    /// Returns per link across visits, keyed `from * touchpoints + to` (from the last touchpoint
    /// of a visit to the landing of the person's next one).
    var returns: [Int: Int] = [:]
    /// Per return link, how many returns took each number of seconds between the two visits.
    var returnSeconds: [Int: [Int32: Int]] = [:]
    var phaseVisits = Array(repeating: 0, count: phases.count)
    var phaseExits = Array(repeating: 0, count: phases.count)
    /// Per touchpoint index, the index of its phase in `phases`; the same in every partial.
    let phaseOf: [Int]

    init(zero context: FoldContext) {
        let n = context.catalog.count
        views = Array(repeating: 0, count: n)
        entries = views
        exits = views
        nodeVisits = views
        phaseOf = context.phaseOf.map { Self.phases.firstIndex(of: $0)! }
    }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        let n = views.count
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            visits += 1
            let tps = person.mapped[i].touchpoints
            guard let first = tps.first, let last = tps.last else { continue }
            entries[first] += 1
            exits[last] += 1
            var touched: UInt64 = 0
            for (k, tp) in tps.enumerated() {
                views[tp] += 1
                touched |= 1 << UInt64(phaseOf[tp])
                if k > 0, tps[k - 1] != tp {
                    let key = tps[k - 1] * n + tp
                    links[key, default: 0] += 1
                    seconds[key, default: [:]][Int32(clamping: visit.time(ofPage: k) - visit.time(ofPage: k - 1)), default: 0] += 1
                }
            }
            forEachDistinct(tps, catalogCount: n) { nodeVisits[$0] += 1 }
            for p in phaseVisits.indices where touched & (1 << UInt64(p)) != 0 { phaseVisits[p] += 1 }
            phaseExits[phaseOf[last]] += 1
            // a return: the person's previous visit starts in the period too, and ended within the lookback
            if i > 0, context.period.contains(person.visits[i - 1].start), visit.start - person.visits[i - 1].end <= context.lookback,
               let before = person.mapped[i - 1].touchpoints.last {
                let earlier = person.visits[i - 1]
                let key = before * n + first
                returns[key, default: 0] += 1
                let gap = visit.time(ofPage: 0) - earlier.time(ofPage: max(0, earlier.pages.count - 1))
                returnSeconds[key, default: [:]][Int32(clamping: max(0, gap)), default: 0] += 1
            }
        }
    }

    mutating func merge(_ o: JourneyMapFold) {
        visits += o.visits
        for t in views.indices {
            views[t] += o.views[t]; entries[t] += o.entries[t]; exits[t] += o.exits[t]; nodeVisits[t] += o.nodeVisits[t]
        }
        for (key, count) in o.links { links[key, default: 0] += count }
        for (key, counts) in o.seconds {
            seconds[key, default: [:]].merge(counts, uniquingKeysWith: +)
        }
        for (key, count) in o.returns { returns[key, default: 0] += count }
        for (key, counts) in o.returnSeconds {
            returnSeconds[key, default: [:]].merge(counts, uniquingKeysWith: +)
        }
        for p in phaseVisits.indices {
            phaseVisits[p] += o.phaseVisits[p]; phaseExits[p] += o.phaseExits[p]
        }
    }

    func finish(_ context: inout FinishContext) -> JourneyMap {
        let catalog = context.fold.catalog
        let n = views.count
        let nodes = (0..<n).filter { views[$0] > 0 }.map { t in
            var node = JourneyMap.Node(id: t, touchpoint: catalog[t].name, phase: catalog[t].phase.rawValue,
                                       views: views[t], entries: entries[t], exits: exits[t],
                                       exitRate: ratio(exits[t], views[t]) ?? 0)
            node.funnelStep = catalog[t].funnelStep?.rawValue
            node.visits = nodeVisits[t]
            return node
        }
        let linkList = links.map { key, count in
            var link = JourneyMap.Link(from: key / n, to: key % n, count: count)
            link.medianSeconds = Self.median(seconds[key] ?? [:])
            return link
        }
        .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
        var map = JourneyMap(nodes: nodes, links: linkList)
        map.returns = returns.map { key, count in
            var link = JourneyMap.Link(from: key / n, to: key % n, count: count)
            link.medianDays = Self.median(returnSeconds[key] ?? [:]).map { rounded($0 / 86_400, 100) }
            return link
        }
        .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
        let phases = Self.phases
        map.phases = phases.indices.map { p in
            JourneyMap.PhaseShare(phase: phases[p].rawValue, visits: phaseVisits[p], share: ratio(phaseVisits[p], visits),
                                  exits: phaseExits[p], exitRate: ratio(phaseExits[p], phaseVisits[p]))
        }
        return map
    }

    /// The median of values given as counts per value; the mean of the middle two for an even count.
    static func median(_ counts: [Int32: Int]) -> Double? {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        let sorted = counts.sorted { $0.key < $1.key }
        func value(at rank: Int) -> Int32 {
            var seen = 0
            for (v, c) in sorted {
                seen += c
                if seen > rank { return v }
            }
            return sorted.last!.key
        }
        let m = total % 2 == 1 ? Double(value(at: total / 2)) : (Double(value(at: total / 2 - 1)) + Double(value(at: total / 2))) / 2
        return rounded(m, 10)
    }
}
