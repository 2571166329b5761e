import JourneysCore
import ReportModel

/// The journey map's data: touchpoints as nodes (views, entries, exits), the transitions
/// between consecutive touchpoints of a visit as weighted links with the median time they
/// took, and the share of visits each phase holds.
enum JourneyMapBuilder {
    static func map(_ input: ScoreInput, visits: [Int]) -> JourneyMap {
        let n = input.catalog.count
        var views = Array(repeating: 0, count: n)
        var entries = Array(repeating: 0, count: n)
        var exits = Array(repeating: 0, count: n)
        var links: [Int: Int] = [:]
        /// Per link, how many transitions took each number of seconds (a visit's pages are less
        /// than its timeout apart, so the distinct values stay few).
        var seconds: [Int: [Int32: Int]] = [:]
        let phases = Phase.allCases
        var phaseVisits = Array(repeating: 0, count: phases.count)
        var phaseExits = Array(repeating: 0, count: phases.count)
        let phaseOf = input.catalog.entries.map { phases.firstIndex(of: $0.phase)! }
        for i in visits {
            let tps = input.mapped[i].touchpoints
            guard let first = tps.first, let last = tps.last else { continue }
            entries[first] += 1
            exits[last] += 1
            var touched = Array(repeating: false, count: phases.count)
            let visit = input.visits[i]
            for (k, tp) in tps.enumerated() {
                views[tp] += 1
                touched[phaseOf[tp]] = true
                if k > 0, tps[k - 1] != tp {
                    let key = tps[k - 1] * n + tp
                    links[key, default: 0] += 1
                    seconds[key, default: [:]][Int32(clamping: visit.time(ofPage: k) - visit.time(ofPage: k - 1)), default: 0] += 1
                }
            }
            for p in phases.indices where touched[p] { phaseVisits[p] += 1 }
            phaseExits[phaseOf[last]] += 1
        }
        let nodes = (0..<n).filter { views[$0] > 0 }.map { t in
            var node = JourneyMap.Node(id: t, touchpoint: input.catalog[t].name, phase: input.catalog[t].phase.rawValue,
                                       views: views[t], entries: entries[t], exits: exits[t],
                                       exitRate: ratio(exits[t], views[t]) ?? 0)
            node.funnelStep = input.catalog[t].funnelStep?.rawValue
            return node
        }
        let linkList = links.map { key, count in
            var link = JourneyMap.Link(from: key / n, to: key % n, count: count)
            link.medianSeconds = median(seconds[key] ?? [:])
            return link
        }
        .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
        var map = JourneyMap(nodes: nodes, links: linkList)
        map.phases = phases.indices.map { p in
            JourneyMap.PhaseShare(phase: phases[p].rawValue, visits: phaseVisits[p], share: ratio(phaseVisits[p], visits.count) ?? 0,
                                  exits: phaseExits[p], exitRate: ratio(phaseExits[p], phaseVisits[p]) ?? 0)
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
