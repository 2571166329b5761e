import Compare
import Foundation
import ReportModel
import Testing
@testable import Render
import Sections

/// The journey map reads on its own: no link label overlaps another label, a box (with its
/// start and end markers) or a phase heading, on the demo week's map and on a crowded one;
/// returns across visits are drawn apart from the steps; marks appear only against a previous
/// period. The rectangles are computed here from the drawn SVG, with this test's own measure
/// of a label: 0.6 em a character at the printed 11.5 px (digits are 0.55 em in the usual sans
/// fonts), from 0.8 em above the baseline to 0.2 em below.
@Suite struct JourneyMapLabelTests {
    struct Rect: CustomStringConvertible {
        var x0, y0, x1, y1: Double
        var what: String
        func overlaps(_ o: Rect) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        var description: String { "\(what) [\(Int(x0)),\(Int(y0))–\(Int(x1)),\(Int(y1))]" }
    }

    static func attributes(_ tag: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for match in tag.matches(of: /([a-z-]+)="([^"]*)"/) { out[String(match.output.1)] = String(match.output.2) }
        return out
    }

    static func unescaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The labels, boxes (a box from its start marker to its end marker) and headings of a drawn map.
    static func rects(_ svg: String) -> (labels: [Rect], boxes: [Rect]) {
        var labels: [Rect] = [], boxes: [Rect] = []
        for chunk in svg.components(separatedBy: "<").dropFirst() {
            let tag = chunk.prefix { $0 != ">" }
            let a = attributes(tag)
            let cls = a["class"] ?? ""
            if tag.hasPrefix("text "), cls.hasPrefix("link-label") {
                let text = unescaped(String(chunk.drop { $0 != ">" }.dropFirst()))
                let x = Double(a["x"]!)!, y = Double(a["y"]!)!, w = Double(text.count) * 0.6 * 11.5
                labels.append(Rect(x0: x - w / 2, y0: y - 0.8 * 11.5, x1: x + w / 2, y1: y + 0.2 * 11.5, what: "label \"\(text)\""))
            } else if tag.hasPrefix("rect "), cls.hasPrefix("node-box") {
                let x = Double(a["x"]!)!, y = Double(a["y"]!)!
                boxes.append(Rect(x0: x - 9, y0: y, x1: x + Double(a["width"]!)! + 5, y1: y + Double(a["height"]!)!, what: "box at \(Int(x)),\(Int(y))"))
            } else if tag.hasPrefix("text "), cls == "phase" || cls == "phase-share" {
                let x = Double(a["x"]!)!, y = Double(a["y"]!)!
                boxes.append(Rect(x0: x - 80, y0: y - 14, x1: x + 80, y1: y + 3, what: "heading at \(Int(x)),\(Int(y))"))
            }
        }
        return (labels, boxes)
    }

    static func overlaps(_ svg: String) -> [String] {
        let (labels, boxes) = rects(svg)
        var found: [String] = []
        for (i, l) in labels.enumerated() {
            for m in labels[(i + 1)...] where l.overlaps(m) { found.append("\(l) overlaps \(m)") }
            for b in boxes where l.overlaps(b) { found.append("\(l) overlaps \(b)") }
        }
        return found
    }

    static let style = JourneyMapChartTests.style
    static let words = JourneyMapChartTests.words

    /// The demo week's map (`journeys sample --weeks 2`, its second week), as report.json holds it.
    static func demoMap() throws -> JourneyMap {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/demo-journey-map.json")
        return try JSONDecoder().decode(JourneyMap.self, from: Data(contentsOf: url))
    }

    /// Five touchpoints in each phase, every one linked to many others: forward, within a phase
    /// both ways, back, over columns; returns of every kind; four- and five-digit counts.
    static func crowdedMap() -> JourneyMap {
        let phases = ["awareness", "consideration", "purchase", "retention", "advocacy"]
        var nodes: [JourneyMap.Node] = []
        for (p, phase) in phases.enumerated() {
            for k in 0..<5 {
                nodes.append(JourneyMapChartTests.node(p * 5 + k, "\(phase.prefix(4).capitalized) page \(k)", phase, 50_000 - (p * 5 + k) * 1_000))
            }
        }
        var links: [JourneyMap.Link] = []
        var seed: UInt64 = 47
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % n
        }
        var seen = Set<Int>()
        while links.count < 40 {
            let a = next(25), b = next(25)
            guard a != b, seen.insert(a * 25 + b).inserted else { continue }
            links.append(JourneyMapChartTests.link(a, b, 200 + next(20_000), seconds: Double(5 + next(600))))
        }
        var map = JourneyMap(nodes: nodes, links: links.sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) })
        map.phases = phases.map { JourneyMap.PhaseShare(phase: $0, visits: 10, share: 0.25, exits: 3, exitRate: 0.3) }
        map.returns = (0..<10).map { i in
            var l = JourneyMap.Link(from: next(25), to: next(25), count: 1_000 - i * 90)
            l.medianDays = Double(next(60)) / 10
            return l
        }
        return map
    }

    @Test func noLabelOverlapsOnTheDemoMap() throws {
        let map = try Self.demoMap()
        try #require(map.nodes.count > 10 && !map.returns.isEmpty)
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words)
        #expect(Self.rects(svg).labels.count == min(map.links.count, JourneyMapChart.defaultMaxLinks) + min(map.returns.count, JourneyMapChart.maxReturns))
        let found = Self.overlaps(svg)
        #expect(found.isEmpty, "\(found.count): \(found.prefix(5))")
    }

    @Test(arguments: [8, 24, 40]) func noLabelOverlapsOnACrowdedMap(links: Int) {
        let map = Self.crowdedMap()
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words, maxLinks: links)
        #expect(Self.rects(svg).labels.count == links + JourneyMapChart.maxReturns)
        let found = Self.overlaps(svg)
        #expect(found.isEmpty, "\(found.count): \(found.prefix(5))")
    }

    /// The measure finds an overlap where there is one: two labels drawn at one spot.
    @Test func theMeasureSeesAnOverlap() {
        let svg = "<svg><text x=\"100\" y=\"100\" text-anchor=\"middle\" class=\"link-label\">1,234 · 5s</text>"
            + "<text x=\"130\" y=\"104\" text-anchor=\"middle\" class=\"link-label\">99 · 1m 2s</text>"
            + "<rect x=\"300\" y=\"90\" width=\"150\" height=\"44\" rx=\"5\" class=\"node-box\"/>"
            + "<text x=\"240\" y=\"100\" text-anchor=\"middle\" class=\"link-label back\">12 · 3s</text></svg>"
        #expect(Self.overlaps(svg).count == 1)
        let touching = svg.replacingOccurrences(of: "x=\"240\"", with: "x=\"270\"")
        #expect(Self.overlaps(touching).count == 2)
    }

    /// Within a phase, the two directions run on opposite sides of the column, each with its label beside it.
    @Test func linksWithinAPhaseAreApartWithoutHover() throws {
        var map = JourneyMapChartTests.map
        map.links = [JourneyMapChartTests.link(3, 1, 400), JourneyMapChartTests.link(1, 3, 300)]
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words)
        let layout = JourneyMapChart.layout(map, links: map.links)
        let column = try #require(layout.position[3]).x
        let labels = Self.rects(svg).labels
        try #require(labels.count == 2)
        let down = try #require(labels.first { $0.what.contains("400") }), up = try #require(labels.first { $0.what.contains("300") })
        // one label right of the column, the other left of it
        #expect((down.x0 > column + JourneyMapChart.nodeWidth) != (up.x0 > column + JourneyMapChart.nodeWidth))
    }

    @Test func returnsAreDrawnApartWithTheirDaysAndALegend() {
        var map = JourneyMapChartTests.map
        var r = JourneyMap.Link(from: 7, to: 0, count: 37)
        r.medianDays = 2.25
        map.returns = [r]
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words)
        #expect(svg.components(separatedBy: "class=\"link return\"").count == 3)  // the return and the legend's sample
        #expect(svg.contains("class=\"link-head return\""))
        #expect(svg.contains(">37 back · 2.3 d</text>") || svg.contains(">37 back · 2.2 d</text>"))
        #expect(svg.contains(">1 of 1 such links drawn, with 37 of 37 returns.</text>"))
        let none = JourneyMapChart.svg(JourneyMapChartTests.map, locale: "en", style: Self.style, words: Self.words)
        #expect(!none.contains("link return") && !none.contains("class=\"legend\""))
    }

    /// A box no drawn link reaches (Order confirmation and Add to cart, with the four strongest
    /// links only) gets its strongest return drawn although eleven returns are stronger.
    @Test func returnsJoinBoxesNoLinkReaches() {
        var map = JourneyMapChartTests.map
        let pairs = [(0, 1), (0, 2), (0, 3), (1, 0), (1, 2), (1, 3), (2, 0), (2, 1), (2, 3), (3, 0), (3, 1)]
        map.returns = pairs.enumerated().map { i, p in JourneyMap.Link(from: p.0, to: p.1, count: 500 - i) }
            + [JourneyMap.Link(from: 7, to: 6, count: 3)]
        let links = JourneyMapChart.kept(map, limit: 4).links
        let drawn = JourneyMapChart.drawnReturns(map, links: links)
        #expect(drawn.count == JourneyMapChart.maxReturns)
        #expect(drawn.last == JourneyMap.Link(from: 7, to: 6, count: 3))
        #expect(drawn.dropLast() == map.returns.prefix(JourneyMapChart.maxReturns - 1))
    }

    /// The legend's lines fit the chart's width in both languages (this test's measure of a
    /// character, from the legend's start at x = 78).
    @Test(arguments: ["en", "de"]) func theLegendFitsTheChart(locale: String) throws {
        var map = JourneyMapChartTests.map
        map.returns = [JourneyMap.Link(from: 7, to: 0, count: 12_345)]
        var changes = MapChanges()
        changes.nodes = ["Cart": .up]
        let style = NumberStyle(locale: locale, currency: "EUR")
        let words = PageLabels(catalogue: Catalogue.builtIn(locale), style: style)
        let svg = JourneyMapChart.svg(map, locale: locale, style: style, words: words, changes: changes, previous: "2026-W46")
        let width = try #require(Double(svg.firstMatch(of: /viewBox="0 0 ([0-9.]+)/).map { String($0.output.1) } ?? ""))
        let legend = svg.matches(of: /class="legend">([^<]*)</).map { Self.unescaped(String($0.output.1)) }
        #expect(legend.count == 3)
        for line in legend { #expect(78 + Double(line.count) * 0.6 * 11.5 <= width, "\(line.count) characters: \(line)") }
    }

    @Test func marksOnlyAgainstAPreviousPeriod() {
        let map = JourneyMapChartTests.map
        let plain = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words)
        #expect(!plain.contains("▲") && !plain.contains("▼") && !plain.contains("class=\"mark"))
        var changes = MapChanges()
        changes.nodes = ["Cart": .up]
        changes.links = ["Category -> Product": .down]
        let marked = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words, changes: changes, previous: "2026-W46")
        #expect(marked.contains("class=\"node-box changed up\""))
        #expect(marked.contains("class=\"mark up\">▲</text>"))
        #expect(marked.contains(">▼ 900 · 42s</text>"))
        #expect(marked.contains("class=\"legend\"") && marked.contains("W46"))
        // compared, and nothing changed: no marks, no legend line for them
        let unchanged = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words, changes: MapChanges(), previous: "2026-W46")
        #expect(!unchanged.contains("▲") && !unchanged.contains("▼"))
    }
}
