import JourneysCore
import ReportModel

/// The journey map's data: touchpoints as nodes (views, entries, exits) and the transitions
/// between consecutive touchpoints of a visit as weighted links.
enum JourneyMapBuilder {
    static func map(_ input: ScoreInput, visits: [Int]) -> JourneyMap {
        let n = input.catalog.count
        var views = Array(repeating: 0, count: n)
        var entries = Array(repeating: 0, count: n)
        var exits = Array(repeating: 0, count: n)
        var links: [Int: Int] = [:]
        for i in visits {
            let tps = input.mapped[i].touchpoints
            guard let first = tps.first, let last = tps.last else { continue }
            entries[first] += 1
            exits[last] += 1
            for (k, tp) in tps.enumerated() {
                views[tp] += 1
                if k > 0, tps[k - 1] != tp { links[tps[k - 1] * n + tp, default: 0] += 1 }
            }
        }
        let nodes = (0..<n).filter { views[$0] > 0 }.map { t in
            JourneyMap.Node(id: t, touchpoint: input.catalog[t].name, phase: input.catalog[t].phase.rawValue,
                            views: views[t], entries: entries[t], exits: exits[t],
                            exitRate: ratio(exits[t], views[t]) ?? 0)
        }
        let linkList = links.map { JourneyMap.Link(from: $0.key / n, to: $0.key % n, count: $0.value) }
            .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
        return JourneyMap(nodes: nodes, links: linkList)
    }
}
