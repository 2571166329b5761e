import Foundation
import JourneysCore
import ReportModel

/// The journey map: phases as columns, touchpoints as nodes sized by views, transitions as
/// links whose width follows their count. Only the strongest links are drawn, to stay legible.
enum JourneyMapChart {
    static let maxLinks = 36
    static let columnWidth = 230.0
    static let nodeWidth = 160.0
    static let nodeHeight = 40.0
    static let nodeGap = 14.0
    static let top = 40.0

    static func svg(_ map: JourneyMap, locale: String, style: NumberStyle) -> String {
        var position: [Int: (x: Double, y: Double)] = [:]
        var columns: [Phase: [JourneyMap.Node]] = [:]
        for node in map.nodes {
            columns[Phase(rawValue: node.phase) ?? .consideration, default: []].append(node)
        }
        var tallest = 0
        for (c, phase) in Phase.allCases.enumerated() {
            let nodes = (columns[phase] ?? []).sorted { $0.views != $1.views ? $0.views > $1.views : $0.touchpoint < $1.touchpoint }
            columns[phase] = nodes
            tallest = max(tallest, nodes.count)
            for (r, node) in nodes.enumerated() {
                position[node.id] = (20 + Double(c) * columnWidth, top + Double(r) * (nodeHeight + nodeGap))
            }
        }
        let width = Int(40 + Double(Phase.allCases.count) * columnWidth - (columnWidth - nodeWidth))
        let height = Int(top + Double(max(tallest, 1)) * (nodeHeight + nodeGap) + 10)
        var svg = SVGBuilder(width: width, height: height, label: "Journey map")

        for (c, phase) in Phase.allCases.enumerated() {
            let x = 20 + Double(c) * columnWidth
            svg.element("rect", ["x": fmt(x - 8), "y": "0", "width": fmt(nodeWidth + 16), "height": String(height), "rx": "6", "class": "column"])
            svg.element("text", ["x": fmt(x + nodeWidth / 2), "y": "24", "text-anchor": "middle", "class": "phase"], text: phase.label(locale: locale))
        }

        let links = map.links.prefix(maxLinks)
        let strongest = Double(links.first?.count ?? 1)
        let names = Dictionary(uniqueKeysWithValues: map.nodes.map { ($0.id, $0.touchpoint) })
        svg.open("g", ["class": "links"])
        for link in links {
            guard let a = position[link.from], let b = position[link.to] else { continue }
            let w = max(1, 14 * Double(link.count) / strongest)
            let path: String
            if b.x > a.x {
                let x1 = a.x + nodeWidth, y1 = a.y + nodeHeight / 2, x2 = b.x, y2 = b.y + nodeHeight / 2
                let mid = (x1 + x2) / 2
                path = "M\(fmt(x1)),\(fmt(y1)) C\(fmt(mid)),\(fmt(y1)) \(fmt(mid)),\(fmt(y2)) \(fmt(x2)),\(fmt(y2))"
            } else if b.x == a.x {
                // within a phase: a loop in the gap to the right of the column
                let x = a.x + nodeWidth, y1 = a.y + nodeHeight / 2, y2 = b.y + nodeHeight / 2
                let bulge = min(60, 18 + abs(y2 - y1) * 0.2)
                path = "M\(fmt(x)),\(fmt(y1)) C\(fmt(x + bulge)),\(fmt(y1)) \(fmt(x + bulge)),\(fmt(y2)) \(fmt(x)),\(fmt(y2))"
            } else {
                // back to an earlier phase: from the node's left edge to the target's right edge
                let x1 = a.x, y1 = a.y + nodeHeight / 2, x2 = b.x + nodeWidth, y2 = b.y + nodeHeight / 2
                path = "M\(fmt(x1)),\(fmt(y1)) C\(fmt(x1 - 45)),\(fmt(y1 + 24)) \(fmt(x2 + 45)),\(fmt(y2 + 24)) \(fmt(x2)),\(fmt(y2))"
            }
            svg.open("path", ["d": path, "stroke-width": fmt(w), "class": b.x > a.x ? "link" : "link back"])
            svg.title("\(names[link.from] ?? "") → \(names[link.to] ?? ""): \(style.integer(link.count))")
            svg.close("path")
        }
        svg.close("g")

        let busiest = Double(map.nodes.map(\.views).max() ?? 1)
        for node in map.nodes {
            guard let p = position[node.id] else { continue }
            let fill = 0.12 + 0.5 * Double(node.views) / busiest
            svg.open("g", ["class": "node"])
            svg.title("\(node.touchpoint): \(style.integer(node.views)) views, \(style.integer(node.entries)) entries, \(style.integer(node.exits)) exits (exit rate \(style.percent(node.exitRate)))")
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5", "class": "node-bg"])
            svg.element("rect", ["x": fmt(p.x), "y": fmt(p.y), "width": fmt(nodeWidth), "height": fmt(nodeHeight), "rx": "5",
                                 "class": "node-box", "fill-opacity": String(format: "%.2f", fill)])
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 17), "class": "node-name"], text: node.touchpoint)
            svg.element("text", ["x": fmt(p.x + 8), "y": fmt(p.y + 32), "class": "node-count"],
                        text: "\(style.integer(node.views)) views · exit \(style.percent(node.exitRate, places: 0))")
            svg.close("g")
        }
        return svg.finished()
    }
}
