import Compare
import Foundation
import JourneysCore
import ReportModel
import Sections

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
    /// Lanes below the boxes are a label's height apart, so that labels on neighbouring lanes never meet.
    static let laneGap = 16.0

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

    /// How many returns across visits are drawn (see `drawnReturns`).
    static let maxReturns = 10

    /// The returns drawn: first those that join a box no drawn link reaches (the strongest of
    /// each such box, up to half of them), so that retention and advocacy, which visits seldom
    /// reach within one visit, stand connected; then the strongest of the rest. Model order.
    static func drawnReturns(_ map: JourneyMap, links: [JourneyMap.Link]) -> [JourneyMap.Link] {
        var reached = Set(links.flatMap { [$0.from, $0.to] })
        var chosen: [Int] = []
        for (i, r) in map.returns.enumerated() where chosen.count < maxReturns / 2 {
            if !reached.contains(r.from) || !reached.contains(r.to) {
                chosen.append(i)
                reached.formUnion([r.from, r.to])
            }
        }
        for i in map.returns.indices where chosen.count < maxReturns && !chosen.contains(i) { chosen.append(i) }
        return chosen.sorted().map { map.returns[$0] }
    }

    /// The returns the map draws: those of `drawnReturns` whose two boxes stand on the map.
    static func drawnReturns(_ map: JourneyMap, links: [JourneyMap.Link], layout: Layout) -> [JourneyMap.Link] {
        drawnReturns(map, links: links).filter { layout.position[$0.from] != nil && layout.position[$0.to] != nil }
    }
    /// The largest font size a link label takes (the printed page's), and an upper bound of a
    /// character's width in it, for the rectangles the labels are placed by.
    static let labelFontSize = 11.5
    static let labelCharWidth = 0.62

    /// A label's rectangle, its text anchored in the middle of its baseline at (x, y).
    struct Box {
        var left, top, right, bottom: Double
        func overlaps(_ o: Box) -> Bool { left < o.right && o.left < right && top < o.bottom && o.top < bottom }
        static func label(_ text: String, x: Double, y: Double) -> Box {
            let w = Double(text.count) * labelCharWidth * labelFontSize
            return Box(left: x - w / 2 - 1, top: y - 0.85 * labelFontSize, right: x + w / 2 + 1, bottom: y + 0.25 * labelFontSize)
        }
    }

    /// One link as drawn: its path, the points its label may sit at (best first) and its arrowhead.
    struct Route {
        var path: String
        var spots: [(x: Double, y: Double)]
        var tip: (x: Double, y: Double, dx: Double, dy: Double)
    }

    /// A cubic Bézier from p0 to p3: its path and its points at a few places, the middle first.
    static func curve(_ p0: (Double, Double), _ p1: (Double, Double), _ p2: (Double, Double), _ p3: (Double, Double),
                      tip: (x: Double, y: Double, dx: Double, dy: Double)) -> Route {
        func at(_ t: Double) -> (x: Double, y: Double) {
            let u = 1 - t
            let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
            return (a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1)
        }
        let path = "M\(fmt(p0.0)),\(fmt(p0.1)) C\(fmt(p1.0)),\(fmt(p1.1)) \(fmt(p2.0)),\(fmt(p2.1)) \(fmt(p3.0)),\(fmt(p3.1))"
        return Route(path: path, spots: [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9].map { at($0) }, tip: tip)
    }

    /// Around the columns between: from (x1, ya) out into the gap at g1, down to the lane, along
    /// it to the gap at g2, up and into (x2, yb). The label sits on the lane.
    static func laned(x1: Double, ya: Double, g1: Double, laneY: Double, g2: Double, x2: Double, yb: Double) -> Route {
        let path = "M\(fmt(x1)),\(fmt(ya)) C\(fmt(g1)),\(fmt(ya)) \(fmt(g1)),\(fmt(ya)) \(fmt(g1)),\(fmt(ya + 8)) L\(fmt(g1)),\(fmt(laneY))"
            + " L\(fmt(g2)),\(fmt(laneY)) L\(fmt(g2)),\(fmt(yb + 8)) C\(fmt(g2)),\(fmt(yb)) \(fmt(g2)),\(fmt(yb)) \(fmt(x2)),\(fmt(yb))"
        let spots = [0.5, 0.35, 0.65, 0.2, 0.8].map { (x: g1 + (g2 - g1) * $0, y: laneY - 2) }
        return Route(path: path, spots: spots, tip: (x2, yb, x2 - g2, 0))
    }

    /// Where a label goes: the first of its spots, each tried centred on the link, then beside
    /// it (the label's edge on the link), a little above and below, where it overlaps no box and
    /// no label placed before; else where it overlaps least.
    static func place(_ text: String, spots: [(x: Double, y: Double)], avoiding obstacles: [Box], _ placed: [Box]) -> (x: Double, y: Double) {
        let half = Box.label(text, x: 0, y: 0).right
        var best: (x: Double, y: Double)? = nil, bestOverlap = Double.infinity
        for dy in [0.0, -7, 7, -14, 14, -21, 21, -28, 28, -35, 35, -42, 42] {
            for dx in [0.0, half + 2, -half - 2] {
                for spot in spots {
                    let box = Box.label(text, x: spot.x + dx, y: spot.y + dy)
                    var overlap = 0.0
                    for o in obstacles + placed where box.overlaps(o) {
                        overlap += (min(box.right, o.right) - max(box.left, o.left)) * (min(box.bottom, o.bottom) - max(box.top, o.top))
                    }
                    if overlap == 0 { return (spot.x + dx, spot.y + dy) }
                    if overlap < bestOverlap { best = (spot.x + dx, spot.y + dy); bestOverlap = overlap }
                }
            }
        }
        return best ?? spots[0]
    }

    /// The boxes labels keep clear of: every touchpoint's box with its start and end markers,
    /// and the phase headings above the columns.
    static func obstacles(_ layout: Layout) -> [Box] {
        let boxes = layout.position.values.map { p in
            Box(left: p.x - 10, top: p.y - 1, right: p.x + nodeWidth + 6, bottom: p.y + nodeHeight + 1)
        }
        let headings = Phase.allCases.indices.map { c in
            Box(left: 30 + Double(c) * columnWidth - 10, top: 0, right: 30 + Double(c) * columnWidth + nodeWidth + 10, bottom: 46)
        }
        return boxes + headings
    }

    /// `words`: the page's catalogue, for the chart's few words. `changes`: the boxes and links
    /// that changed beyond noise against `previous`, the period before, marked ▲ or ▼ (no marks
    /// without them).
    static func svg(_ map: JourneyMap, locale: String, style: NumberStyle, words: PageLabels, maxLinks: Int = defaultMaxLinks,
                    changes: MapChanges? = nil, previous: String? = nil) -> String {
        let (links, _, _) = kept(map, limit: maxLinks)
        let layout = layout(map, links: links)
        let nodes = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0) })
        let returns = drawnReturns(map, links: links, layout: layout)
        // Links that jump over a column, or back over one, run in lanes below the boxes; returns too.
        let skipping = links.filter { l in
            guard let a = layout.column[l.from], let b = layout.column[l.to] else { return false }
            return abs(a - b) > 1
        }
        let laneTop = layout.height + 14
        let lanesEnd = laneTop + Double(skipping.count + returns.count) * laneGap
        let marks = changes.map { !$0.isEmpty } ?? false
        let legendTop = lanesEnd + 12
        let legendLines = (returns.isEmpty ? 0 : 2) + (marks ? 1 : 0)
        let height = Int(legendTop + Double(legendLines) * 18 + 8)
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
        let keys = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, map.nodeID($0)) })
        func mark(_ direction: MapChanges.Direction?) -> String { direction.map { $0 == .up ? "▲ " : "▼ " } ?? "" }
        func linkKey(_ l: JourneyMap.Link) -> String { "\(keys[l.from] ?? "") -> \(keys[l.to] ?? "")" }
        var labels: [(spots: [(x: Double, y: Double)], text: String, kind: String)] = []
        svg.open("g", ["class": "links"])
        var lane = 0
        for link in links {
            guard let a = layout.position[link.from], let b = layout.position[link.to],
                  let ca = layout.column[link.from], let cb = layout.column[link.to] else { continue }
            let w = max(1.5, 14 * Double(link.count) / strongest)
            let back = isBack(link, nodes)
            let ya = a.y + nodeHeight / 2, yb = b.y + nodeHeight / 2
            let route: Route
            if abs(ca - cb) > 1 {
                // around the columns between: down the gap beside the source, along a lane, up the gap beside the target
                let laneY = laneTop + Double(lane) * laneGap
                lane += 1
                let forward = cb > ca
                let x1 = forward ? a.x + nodeWidth : a.x, x2 = forward ? b.x : b.x + nodeWidth
                route = laned(x1: x1, ya: ya, g1: forward ? x1 + 22 : x1 - 22, laneY: laneY, g2: forward ? x2 - 22 : x2 + 22, x2: x2, yb: yb)
            } else if ca == cb {
                // within a phase: a loop beside the column, on the right going down the flow,
                // on the left going up it, so that the two directions never share a gap
                let down = yb > ya
                let x = down ? a.x + nodeWidth : a.x
                let bulge = (down ? 1 : -1) * min(80, 24 + abs(yb - ya) * 0.25)
                route = curve((x, ya), (x + bulge, ya), (x + bulge, yb), (x, yb), tip: (x, yb, -bulge, 0))
            } else if cb > ca {
                let x1 = a.x + nodeWidth, x2 = b.x, mid = (x1 + x2) / 2
                route = curve((x1, ya), (mid, ya), (mid, yb), (x2, yb), tip: (x2, yb, x2 - mid, 0))
            } else {
                // back to the phase before: from the left edge to the target's right edge, through the gap
                let x1 = a.x, x2 = b.x + nodeWidth, mid = (x1 + x2) / 2
                route = curve((x1, ya), (mid, ya + 18), (mid, yb + 18), (x2, yb), tip: (x2, yb, x2 - mid, -18))
            }
            let time = link.medianSeconds.map { " · " + style.duration(seconds: $0) } ?? ""
            svg.open("path", ["d": route.path, "stroke-width": fmt(w), "class": back ? "link back" : "link"])
            svg.title("\(names[link.from] ?? "") → \(names[link.to] ?? ""): \(style.integer(link.count))\(time)")
            svg.close("path")
            svg.element("path", ["d": arrowhead(route.tip, width: w), "class": back ? "link-head back" : "link-head"])
            let changed = changes?.links[linkKey(link)]
            labels.append((route.spots, mark(changed) + style.integer(link.count) + time,
                           (back ? "link-label back" : "link-label") + (changed.map { " " + $0.rawValue } ?? "")))
        }
        // Returns across visits: from the source's right edge down its column's right gap, along
        // a lane, up the target column's left gap into the target's left edge (a return to the
        // same touchpoint runs under its column).
        let mostReturns = Double(returns.first?.count ?? 1)
        for r in returns {
            guard let a = layout.position[r.from], let b = layout.position[r.to] else { continue }
            // thinner than the links of a visit: the returns join the map, they do not lead it
            let w = max(1.2, 2.5 * Double(r.count) / mostReturns)
            let laneY = laneTop + Double(lane) * laneGap
            lane += 1
            let x1 = a.x + nodeWidth, x2 = b.x
            let route = laned(x1: x1, ya: a.y + nodeHeight / 2 + 6, g1: x1 + 22, laneY: laneY, g2: x2 - 22, x2: x2, yb: b.y + nodeHeight / 2 - 6)
            let days = r.medianDays.map { style.decimal($0, places: 1) } ?? "–"
            let text = words.text("journeyMap.chart.returnLabel", ["count": style.integer(r.count), "days": days])
            svg.open("path", ["d": route.path, "stroke-width": fmt(w), "class": "link return"])
            svg.title(words.text("journeyMap.chart.returnTitle", ["from": names[r.from] ?? "", "to": names[r.to] ?? "",
                                                                  "count": style.integer(r.count), "days": days]))
            svg.close("path")
            svg.element("path", ["d": arrowhead(route.tip, width: w), "class": "link-head return"])
            let changed = changes?.returns[linkKey(r)]
            labels.append((route.spots, mark(changed) + text, "link-label return" + (changed.map { " " + $0.rawValue } ?? "")))
        }
        svg.close("g")

        let busiest = Double(map.nodes.map(\.views).max() ?? 1)
        let mostEntries = Double(map.nodes.map(\.entries).max() ?? 1), mostExits = Double(map.nodes.map(\.exits).max() ?? 1)
        for node in map.nodes {
            guard let p = layout.position[node.id] else { continue }
            let fill = 0.10 + 0.55 * Double(node.views) / busiest
            let changed = changes?.nodes[map.nodeID(node)]
            svg.open("g", ["class": "node"])
            svg.title(words.text("journeyMap.chart.nodeTitle", ["touchpoint": words.touchpoint(node.touchpoint), "views": style.integer(node.views),
                                                                 "entries": style.integer(node.entries), "exits": style.integer(node.exits),
                                                                 "exitRate": style.percent(node.exitRate)]))
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5", "class": "node-bg"])
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5",
                                 "class": changed.map { "node-box changed " + $0.rawValue } ?? "node-box", "fill-opacity": String(format: "%.2f", fill)])
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 18), "class": "node-name"], text: words.touchpoint(node.touchpoint))
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 35), "class": "node-count"],
                        text: words.text("journeyMap.chart.nodeCount", ["views": style.integer(node.views),
                                                                         "exitRate": style.percent(node.exitRate, places: 0)]))
            if let changed {
                svg.element("text", ["x": fmt(p.x + nodeWidth - 6), "y": fmt(p.y + 16), "text-anchor": "end", "class": "mark " + changed.rawValue],
                            text: changed == .up ? "▲" : "▼")
            }
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
        // Labels last, over links and boxes, with a halo that keeps them legible; each placed
        // where it overlaps no box and no label placed before (see `place`).
        svg.open("g", ["class": "link-labels"])
        let blocked = obstacles(layout)
        var placed: [Box] = []
        for l in labels {
            let at = place(l.text, spots: l.spots, avoiding: blocked, placed)
            placed.append(Box.label(l.text, x: at.x, y: at.y))
            // the halo: the same text stroked in the paper's colour, under the label
            svg.element("text", ["x": fmt(at.x), "y": fmt(at.y), "text-anchor": "middle", "class": "link-halo"], text: l.text)
            svg.element("text", ["x": fmt(at.x), "y": fmt(at.y), "text-anchor": "middle", "class": l.kind], text: l.text)
        }
        svg.close("g")

        // The legend of what the colours and dashes alone would not say.
        var y = legendTop + 6
        if !returns.isEmpty {
            svg.element("path", ["d": "M30,\(fmt(y - 4)) L70,\(fmt(y - 4))", "stroke-width": "2", "class": "link return"])
            svg.element("text", ["x": "78", "y": fmt(y), "class": "legend"], text: words.text("journeyMap.chart.returnLegend"))
            y += 18
            let shown = returns.reduce(0) { $0 + $1.count }, all = map.returns.reduce(0) { $0 + $1.count }
            svg.element("text", ["x": "78", "y": fmt(y), "class": "legend"],
                        text: words.text("journeyMap.chart.returnsDrawn", ["drawn": style.integer(returns.count), "links": style.integer(map.returns.count),
                                                                           "shown": style.integer(shown), "returns": style.integer(all)]))
            y += 18
        }
        if marks {
            svg.element("text", ["x": "30", "y": fmt(y), "class": "legend"],
                        text: words.text("journeyMap.chart.changeLegend", ["previous": previous.map { words.period($0) } ?? ""]))
        }
        return svg.finished()
    }
}
