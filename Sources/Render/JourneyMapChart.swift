import Foundation
import JourneysCore
import ReportModel

/// The journey map as a process map, read as the five phases from left to right: touchpoints as
/// boxes shaded by views, the strongest transitions as links as wide as their count, each
/// labelled with its count and the median time it took (phones and paper have no hover), and
/// markers for where visits start and end. Boxes in a phase's column follow the flow: a
/// deterministic layering of the strongest links, so that most links run left to right or
/// downward. A link is "back" only when it goes to an earlier phase or against the funnel's
/// order; back links are dashed as well as coloured.
enum JourneyMapChart {
    /// How many links are drawn unless the config says otherwise (`journey_map.max_links`).
    static let defaultMaxLinks = 24
    static let columnWidth = 255.0
    static let nodeWidth = 150.0
    static let nodeHeight = 44.0
    static let nodeGap = 30.0
    static let top = 64.0
    static let laneGap = 9.0

    struct Layout {
        var position: [Int: (x: Double, y: Double)] = [:]
        var column: [Int: Int] = [:]
        var height = 0.0
    }

    /// The links drawn: the `limit` strongest (the model's order: count, then ids), and what is
    /// left out: links and the transitions they carry.
    static func kept(_ map: JourneyMap, limit: Int) -> (links: [JourneyMap.Link], leftOut: Int, leftOutTransitions: Int) {
        let links = Array(map.links.prefix(limit))
        let rest = map.links.dropFirst(limit)
        return (links, rest.count, rest.reduce(0) { $0 + $1.count })
    }

    /// Whether a link goes back: to an earlier phase, or within a phase against the funnel's order.
    static func isBack(_ link: JourneyMap.Link, _ nodes: [Int: JourneyMap.Node]) -> Bool {
        guard let a = nodes[link.from], let b = nodes[link.to] else { return false }
        let pa = Phase(rawValue: a.phase)?.order ?? 0, pb = Phase(rawValue: b.phase)?.order ?? 0
        if pb != pa { return pb < pa }
        guard let sa = a.funnelStep.flatMap(FunnelStep.init(rawValue:)), let sb = b.funnelStep.flatMap(FunnelStep.init(rawValue:)) else {
            return false
        }
        return sb < sa
    }

    /// Each node's layer in the flow: the strongest links, heaviest first, make a graph without
    /// cycles (a link that would close one, or goes back, is left out of it); a node's layer is
    /// the longest chain of such links that leads to it. Deterministic: links come in the model's
    /// order and ties fall to node ids.
    static func layers(_ map: JourneyMap, links: [JourneyMap.Link]) -> [Int: Int] {
        let nodes = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0) })
        var next: [Int: [Int]] = [:]
        func reaches(_ from: Int, _ to: Int) -> Bool {
            var stack = [from], seen: Set<Int> = [from]
            while let n = stack.popLast() {
                if n == to { return true }
                for m in next[n] ?? [] where seen.insert(m).inserted { stack.append(m) }
            }
            return false
        }
        for link in links where link.from != link.to && !isBack(link, nodes) && !reaches(link.to, link.from) {
            next[link.from, default: []].append(link.to)
        }
        var layer: [Int: Int] = [:]
        var incoming: [Int: Int] = [:]
        for targets in next.values { for t in targets { incoming[t, default: 0] += 1 } }
        var ready = map.nodes.map(\.id).filter { (incoming[$0] ?? 0) == 0 }.sorted()
        for id in ready { layer[id] = 0 }
        while !ready.isEmpty {
            let n = ready.removeFirst()
            for m in (next[n] ?? []).sorted() {
                layer[m] = max(layer[m] ?? 0, (layer[n] ?? 0) + 1)
                incoming[m]! -= 1
                if incoming[m] == 0 { ready.append(m) }
            }
        }
        return layer
    }

    static func layout(_ map: JourneyMap, links: [JourneyMap.Link]) -> Layout {
        let layer = layers(map, links: links)
        var out = Layout()
        var tallest = 0
        for (c, phase) in Phase.allCases.enumerated() {
            let nodes = map.nodes.filter { Phase(rawValue: $0.phase) == phase }.sorted { a, b in
                let la = layer[a.id] ?? 0, lb = layer[b.id] ?? 0
                if la != lb { return la < lb }
                let sa = a.funnelStep.flatMap(FunnelStep.init(rawValue:))?.order ?? 9
                let sb = b.funnelStep.flatMap(FunnelStep.init(rawValue:))?.order ?? 9
                if sa != sb { return sa < sb }
                return a.views != b.views ? a.views > b.views : (a.touchpoint, a.id) < (b.touchpoint, b.id)
            }
            tallest = max(tallest, nodes.count)
            for (r, node) in nodes.enumerated() {
                out.position[node.id] = (30 + Double(c) * columnWidth, top + Double(r) * (nodeHeight + nodeGap))
                out.column[node.id] = c
            }
        }
        out.height = top + Double(max(tallest, 1)) * (nodeHeight + nodeGap)
        return out
    }

    /// How far short of its target's box an arrowhead stops: clear of the box's start triangle
    /// and end bar, which sit within 9 of its edges.
    static let arrowGap = 10.0

    /// A closed triangle pointing along (dx, dy) at the link's end (x, y), its tip `arrowGap`
    /// short of it, wider than the link's stroke so that even the widest link shows which way it runs.
    static func arrowhead(_ end: (x: Double, y: Double, dx: Double, dy: Double), width: Double) -> String {
        let length = (end.dx * end.dx + end.dy * end.dy).squareRoot()
        let (ux, uy) = length > 0 ? (end.dx / length, end.dy / length) : (1.0, 0.0)
        let tx = end.x - ux * arrowGap, ty = end.y - uy * arrowGap
        let long = max(7, width * 0.8 + 4), half = max(4, width / 2 + 2.5)
        let bx = tx - ux * long, by = ty - uy * long
        return "M\(fmt(tx)),\(fmt(ty)) L\(fmt(bx - uy * half)),\(fmt(by + ux * half)) L\(fmt(bx + uy * half)),\(fmt(by - ux * half))Z"
    }

    /// `words`: the page's catalogue, for the chart's few words.
    static func svg(_ map: JourneyMap, locale: String, style: NumberStyle, words: PageLabels, maxLinks: Int = defaultMaxLinks) -> String {
        let (links, _, _) = kept(map, limit: maxLinks)
        let layout = layout(map, links: links)
        let nodes = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0) })
        // Links that jump over a column, or back over one, run in lanes below the boxes.
        let laned = links.filter { l in
            guard let a = layout.column[l.from], let b = layout.column[l.to] else { return false }
            return abs(a - b) > 1
        }
        let laneTop = layout.height + 10
        let height = Int(laneTop + Double(laned.count) * laneGap + 24)
        let width = Int(60 + Double(Phase.allCases.count) * columnWidth - (columnWidth - nodeWidth))
        var svg = SVGBuilder(width: width, height: height, label: words.text("journeyMap.title"))

        let shares = Dictionary(map.phases.map { ($0.phase, $0) }, uniquingKeysWith: { a, _ in a })
        for (c, phase) in Phase.allCases.enumerated() {
            let x = 30 + Double(c) * columnWidth
            svg.element("rect", ["x": fmt(x - 10), "y": "0", "width": fmt(nodeWidth + 20), "height": fmt(layout.height), "rx": "6", "class": "column"])
            svg.element("text", ["x": fmt(x + nodeWidth / 2), "y": "22", "text-anchor": "middle", "class": "phase"], text: words.phase(phase.rawValue))
            if let s = shares[phase.rawValue] {
                svg.element("text", ["x": fmt(x + nodeWidth / 2), "y": "40", "text-anchor": "middle", "class": "phase-share"],
                            text: words.text("journeyMap.chart.phaseShare", ["share": style.percent(s.share, places: 0),
                                                                              "exitRate": style.percent(s.exitRate, places: 0)]))
            }
        }

        let strongest = Double(links.first?.count ?? 1)
        let names = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, words.touchpoint($0.touchpoint)) })
        var labels: [(x: Double, y: Double, text: String, back: Bool)] = []
        svg.open("g", ["class": "links"])
        var lane = 0
        for link in links {
            guard let a = layout.position[link.from], let b = layout.position[link.to],
                  let ca = layout.column[link.from], let cb = layout.column[link.to] else { continue }
            let w = max(1.5, 14 * Double(link.count) / strongest)
            let back = isBack(link, nodes)
            let ya = a.y + nodeHeight / 2, yb = b.y + nodeHeight / 2
            var path: String
            var label: (Double, Double)
            // where the link enters its target, and the direction it comes from there
            var tip: (x: Double, y: Double, dx: Double, dy: Double)
            if abs(ca - cb) > 1 {
                // around the columns between: down the gap beside the source, along a lane, up the gap beside the target
                let laneY = laneTop + Double(lane) * laneGap
                lane += 1
                let forward = cb > ca
                let x1 = forward ? a.x + nodeWidth : a.x, x2 = forward ? b.x : b.x + nodeWidth
                let g1 = forward ? x1 + 22 : x1 - 22, g2 = forward ? x2 - 22 : x2 + 22
                path = "M\(fmt(x1)),\(fmt(ya)) C\(fmt(g1)),\(fmt(ya)) \(fmt(g1)),\(fmt(ya)) \(fmt(g1)),\(fmt(ya + 8)) L\(fmt(g1)),\(fmt(laneY))"
                    + " L\(fmt(g2)),\(fmt(laneY)) L\(fmt(g2)),\(fmt(yb + 8)) C\(fmt(g2)),\(fmt(yb)) \(fmt(g2)),\(fmt(yb)) \(fmt(x2)),\(fmt(yb))"
                label = ((g1 + g2) / 2, laneY - 2)
                tip = (x2, yb, x2 - g2, 0)
            } else if ca == cb {
                // within a phase: a loop beside the column, on the right going down the flow,
                // on the left going up it, so that the two directions never share a gap
                let down = yb > ya
                let x = down ? a.x + nodeWidth : a.x
                let bulge = (down ? 1 : -1) * min(80, 24 + abs(yb - ya) * 0.25)
                path = "M\(fmt(x)),\(fmt(ya)) C\(fmt(x + bulge)),\(fmt(ya)) \(fmt(x + bulge)),\(fmt(yb)) \(fmt(x)),\(fmt(yb))"
                label = (x + bulge * 0.75, (ya + yb) / 2)
                tip = (x, yb, -bulge, 0)
            } else if cb > ca {
                let x1 = a.x + nodeWidth, x2 = b.x, mid = (x1 + x2) / 2
                path = "M\(fmt(x1)),\(fmt(ya)) C\(fmt(mid)),\(fmt(ya)) \(fmt(mid)),\(fmt(yb)) \(fmt(x2)),\(fmt(yb))"
                label = (mid, (ya + yb) / 2)
                tip = (x2, yb, x2 - mid, 0)
            } else {
                // back to the phase before: from the left edge to the target's right edge, through the gap
                let x1 = a.x, x2 = b.x + nodeWidth, mid = (x1 + x2) / 2
                path = "M\(fmt(x1)),\(fmt(ya)) C\(fmt(mid)),\(fmt(ya + 18)) \(fmt(mid)),\(fmt(yb + 18)) \(fmt(x2)),\(fmt(yb))"
                label = (mid, (ya + yb) / 2 + 14)
                tip = (x2, yb, x2 - mid, -18)
            }
            let time = link.medianSeconds.map { " · " + style.duration(seconds: $0) } ?? ""
            svg.open("path", ["d": path, "stroke-width": fmt(w), "class": back ? "link back" : "link"])
            svg.title("\(names[link.from] ?? "") → \(names[link.to] ?? ""): \(style.integer(link.count))\(time)")
            svg.close("path")
            svg.element("path", ["d": arrowhead(tip, width: w), "class": back ? "link-head back" : "link-head"])
            labels.append((label.0, label.1, style.integer(link.count) + time, back))
        }
        svg.close("g")

        let busiest = Double(map.nodes.map(\.views).max() ?? 1)
        let mostEntries = Double(map.nodes.map(\.entries).max() ?? 1), mostExits = Double(map.nodes.map(\.exits).max() ?? 1)
        for node in map.nodes {
            guard let p = layout.position[node.id] else { continue }
            let fill = 0.10 + 0.55 * Double(node.views) / busiest
            svg.open("g", ["class": "node"])
            svg.title(words.text("journeyMap.chart.nodeTitle", ["touchpoint": words.touchpoint(node.touchpoint), "views": style.integer(node.views),
                                                                 "entries": style.integer(node.entries), "exits": style.integer(node.exits),
                                                                 "exitRate": style.percent(node.exitRate)]))
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5", "class": "node-bg"])
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5",
                                 "class": "node-box", "fill-opacity": String(format: "%.2f", fill)])
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 18), "class": "node-name"], text: words.touchpoint(node.touchpoint))
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 35), "class": "node-count"],
                        text: words.text("journeyMap.chart.nodeCount", ["views": style.integer(node.views),
                                                                         "exitRate": style.percent(node.exitRate, places: 0)]))
            // Start and end markers: a triangle where visits begin, a bar where they end, sized by their count.
            if node.entries > 0 {
                let h = 6 + 10 * Double(node.entries) / mostEntries
                svg.element("path", ["d": "M\(fmt(p.x - 9)),\(fmt(p.y + nodeHeight / 2 - h / 2)) L\(fmt(p.x - 1)),\(fmt(p.y + nodeHeight / 2)) L\(fmt(p.x - 9)),\(fmt(p.y + nodeHeight / 2 + h / 2))Z",
                                     "class": "start-marker"])
            }
            if node.exits > 0 {
                let h = 6 + 10 * Double(node.exits) / mostExits
                svg.element("rect", ["x": fmt(p.x + nodeWidth + 1), "y": fmt(p.y + nodeHeight / 2 - h / 2), "width": "4", "height": fmt(h),
                                     "class": "end-marker"])
            }
            svg.close("g")
        }
        // Labels last, over links and boxes, with a halo that keeps them legible; a label that
        // would overlap one placed before moves down until it is free.
        svg.open("g", ["class": "link-labels"])
        var placed: [(x: Double, y: Double, w: Double)] = []
        for l in labels {
            let w = Double(l.text.count) * 6
            var y = l.y
            for _ in 0..<12 where placed.contains(where: { abs($0.x - l.x) < ($0.w + w) / 2 && abs($0.y - y) < 12 }) { y += 12 }
            placed.append((l.x, y, w))
            // the halo: the same text stroked in the paper's colour, under the label
            svg.element("text", ["x": fmt(l.x), "y": fmt(y), "text-anchor": "middle", "class": "link-halo"], text: l.text)
            svg.element("text", ["x": fmt(l.x), "y": fmt(y), "text-anchor": "middle", "class": l.back ? "link-label back" : "link-label"], text: l.text)
        }
        svg.close("g")
        return svg.finished()
    }
}
