import Foundation
import ReportModel
import Testing
@testable import Render
import Sections

/// The journey map as a process map: which links are "back", how boxes follow the flow, and
/// what the labels and the note say.
@Suite struct JourneyMapChartTests {
    static let style = NumberStyle(locale: "en", currency: "EUR")
    static let words = PageLabels(catalogue: Catalogue.builtIn("en"), style: style)

    static func node(_ id: Int, _ name: String, _ phase: String, _ views: Int, step: String? = nil) -> JourneyMap.Node {
        var n = JourneyMap.Node(id: id, touchpoint: name, phase: phase, views: views, entries: 1, exits: 1, exitRate: 0.1)
        n.funnelStep = step
        return n
    }

    static func link(_ from: Int, _ to: Int, _ count: Int, seconds: Double? = 42) -> JourneyMap.Link {
        var l = JourneyMap.Link(from: from, to: to, count: count)
        l.medianSeconds = seconds
        return l
    }

    /// Home; Category, Product (a product view), Reviews; Add to cart, Cart, Checkout, Confirmation.
    static let map: JourneyMap = {
        let nodes = [
            node(0, "Home", "awareness", 900),
            node(1, "Reviews", "consideration", 300),
            node(2, "Product", "consideration", 2_000, step: "product_view"),
            node(3, "Category", "consideration", 1_000),
            node(4, "Checkout", "purchase", 200, step: "checkout"),
            node(5, "Cart", "purchase", 250),
            node(6, "Add to cart", "purchase", 260, step: "add_to_cart"),
            node(7, "Confirmation", "purchase", 90, step: "purchase"),
        ]
        let links = [link(3, 2, 900), link(0, 3, 500), link(2, 1, 300), link(1, 2, 250), link(6, 5, 240), link(5, 4, 180),
                     link(2, 6, 170), link(4, 7, 90), link(5, 2, 60), link(4, 5, 20), link(0, 2, 10)]
        var map = JourneyMap(nodes: nodes, links: links.sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) })
        map.phases = ["awareness", "consideration", "purchase", "retention", "advocacy"].map {
            JourneyMap.PhaseShare(phase: $0, visits: 10, share: 0.25, exits: 3, exitRate: 0.3)
        }
        return map
    }()

    @Test func backMeansAnEarlierPhaseOrAgainstTheFunnel() {
        let nodes = Dictionary(uniqueKeysWithValues: Self.map.nodes.map { ($0.id, $0) })
        #expect(JourneyMapChart.isBack(Self.link(5, 2, 1), nodes))    // Cart -> Product: an earlier phase
        #expect(JourneyMapChart.isBack(Self.link(4, 6, 1), nodes))    // Checkout -> Add to cart: against the funnel
        #expect(!JourneyMapChart.isBack(Self.link(3, 2, 1), nodes))   // Category -> Product: the main flow
        #expect(!JourneyMapChart.isBack(Self.link(6, 5, 1), nodes))   // Add to cart -> Cart
        #expect(!JourneyMapChart.isBack(Self.link(2, 3, 1), nodes))   // Product -> Category: same phase, no funnel order
    }

    @Test func boxesFollowTheFlowWithinEachPhase() {
        let layout = JourneyMapChart.layout(Self.map, links: Self.map.links)
        func y(_ id: Int) -> Double { layout.position[id]!.y }
        // the strongest link runs downward: Category above Product, Reviews below it
        #expect(y(3) < y(2) && y(2) < y(1))
        // the purchase flow top to bottom, whatever the views
        #expect(y(6) < y(5) && y(5) < y(4) && y(4) < y(7))
    }

    @Test func linksCarryTheirCountAndMedianTimeAndTheNoteWhatIsLeftOut() {
        let svg = JourneyMapChart.svg(Self.map, locale: "en", style: Self.style, words: Self.words, maxLinks: 4)
        #expect(svg.contains(">900 · 42s</text>"))
        #expect(svg.contains("class=\"link back\"") == false)  // the four strongest all run forward
        let kept = JourneyMapChart.kept(Self.map, limit: 4)
        #expect(kept.links.count == 4 && kept.leftOut == 7 && kept.leftOutTransitions == 170 + 240 + 180 + 90 + 60 + 20 + 10)
        let all = JourneyMapChart.svg(Self.map, locale: "en", style: Self.style, words: Self.words, maxLinks: 20)
        #expect(all.contains("class=\"link back\""))
        #expect(all.contains("25% of visits · exit 30%"))
    }

    /// Every link ends in an arrowhead: its tip just short of where the link ends on the target
    /// box's edge (clear of the start and end markers), its base further out (so it points into
    /// the box), and wider than the link's stroke.
    @Test func everyLinkShowsItsDirection() throws {
        let svg = JourneyMapChart.svg(Self.map, locale: "en", style: Self.style, words: Self.words, maxLinks: 20)
        func attribute(_ name: String, of tags: [Substring]) -> [String] {
            tags.map { tag in String(tag.components(separatedBy: "\(name)=\"")[1].prefix { $0 != "\"" }) }
        }
        let tags = svg.components(separatedBy: "<path ").dropFirst().map { $0.prefix { $0 != ">" } }
        let linkTags = tags.filter { $0.contains("class=\"link\"") || $0.contains("class=\"link back\"") }
        let headTags = tags.filter { $0.contains("class=\"link-head") }
        let links = JourneyMapChart.kept(Self.map, limit: 20).links
        try #require(linkTags.count == links.count && headTags.count == links.count)
        #expect(headTags.filter { $0.contains("link-head back") }.count == linkTags.filter { $0.contains("link back") }.count)
        func numbers(_ d: String) -> [Double] {
            d.split { "MLCZ ,".contains($0) }.map { Double($0)! }
        }
        let layout = JourneyMapChart.layout(Self.map, links: links)
        for (i, link) in links.enumerated() {
            let path = numbers(attribute("d", of: [linkTags[i]])[0]), head = numbers(attribute("d", of: [headTags[i]])[0])
            let width = Double(attribute("stroke-width", of: [linkTags[i]])[0])!
            #expect(head.count == 6)
            let (tipX, tipY) = (head[0], head[1]), (endX, endY) = (path[path.count - 2], path[path.count - 1])
            let gap = ((tipX - endX) * (tipX - endX) + (tipY - endY) * (tipY - endY)).squareRoot()
            #expect(abs(gap - JourneyMapChart.arrowGap) < 0.2, "link \(link.from) -> \(link.to): its tip \(gap) short of its end")
            let box = try #require(layout.position[link.to])
            let left = box.x, right = box.x + JourneyMapChart.nodeWidth
            #expect(endX == left || endX == right)
            // outside the box, and beyond the markers' 9 from its edge: toward the box from the base
            let baseX = (head[2] + head[4]) / 2
            #expect(tipX < left - 9 || tipX > right + 9)
            #expect(abs(baseX - (left + right) / 2) > abs(tipX - (left + right) / 2), "link \(link.from) -> \(link.to) points into its target")
            let spread = ((head[2] - head[4]) * (head[2] - head[4]) + (head[3] - head[5]) * (head[3] - head[5])).squareRoot()
            #expect(spread > width)
        }
    }

    @Test func namesAreEscaped() {
        var map = Self.map
        map.nodes[0].touchpoint = "<script>x</script>"
        let svg = JourneyMapChart.svg(map, locale: "en", style: Self.style, words: Self.words)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
    }
}
