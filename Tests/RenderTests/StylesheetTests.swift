import Foundation
import Testing
@testable import Render

/// What the stylesheet promises paper and small screens: A4, sections that flow, the journey
/// map's text readable when printed, and a period that stays on one line.
@Suite struct StylesheetTests {
    let css = BuiltInTemplates.css

    /// The declarations of the first rule in `text` whose selector is `selector`.
    func rule(_ selector: String, in text: String) -> String? {
        guard let start = text.range(of: selector + " {") else { return nil }
        return String(text[start.upperBound...].prefix { $0 != "}" })
    }

    var print: String { String(css[css.range(of: "@media print {")!.upperBound...]) }

    @Test func paperIsA4AndSectionsFlow() throws {
        #expect(try #require(rule("@page", in: css)).contains("size: A4"))
        #expect(!css.contains("break-before: page"))
        #expect(try #require(rule("figure.wide", in: print)).contains("page: wide"))
        #expect(try #require(rule("@page wide", in: css)).contains("size: A4 landscape"))
    }

    /// The map prints across a landscape A4 page (297 mm less both margins); its smallest text
    /// scaled from the chart's width to that page is at least 7 pt.
    @Test func theMapsSmallestPrintedTextIsAtLeast7pt() throws {
        let page = try #require(rule("@page wide", in: css))
        let margin = try #require(Double(page.components(separatedBy: "margin: ")[1].prefix { $0.isNumber || $0 == "." }))
        let widthPt = (297 - 2 * margin) / 25.4 * 72
        let chartWidth = 60 + Double(5) * JourneyMapChart.columnWidth - (JourneyMapChart.columnWidth - JourneyMapChart.nodeWidth)
        let rules = try #require(rule("svg .link-label, svg .link-halo, svg .node-count, svg .phase-share, svg .legend", in: print))
        let px = try #require(Double(rules.components(separatedBy: "font-size: ")[1].prefix { $0.isNumber || $0 == "." }))
        #expect(px * widthPt / chartWidth >= 7)
        // the map's other text is larger than those
        for (cls, size) in [("node-name", 12.0), ("phase", 14.0), ("mark", 12.0)] {
            #expect(try #require(rule("svg .\(cls)", in: css)).contains("font-size: \(Int(size))px") && size >= px)
        }
    }

    @Test func thePeriodDoesNotBreak() throws {
        #expect(try #require(rule(".period", in: css)).contains("white-space: nowrap"))
    }

    /// Colours set in a block that starts with `start` (`--name: #rrggbb`).
    func colours(after start: String) throws -> [String: String] {
        let from = try #require(css.range(of: start))
        let block = css[from.upperBound...].prefix { $0 != "}" }
        var out: [String: String] = [:]
        for part in block.components(separatedBy: "--").dropFirst() {
            let pieces = part.components(separatedBy: ":")
            guard pieces.count > 1 else { continue }
            let value = pieces[1].trimmingCharacters(in: .whitespaces).prefix { $0 != ";" }
            if value.hasPrefix("#") { out[pieces[0]] = String(value) }
        }
        return out
    }

    /// WCAG 2 relative luminance of `#rgb` or `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        return stride(from: 0, to: 6, by: 2).enumerated().map { k, i -> Double in
            let c = Double(Int(String(digits[i..<i + 2]), radix: 16)!) / 255
            let linear = c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            return [0.2126, 0.7152, 0.0722][k] * linear
        }.reduce(0, +)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The notes say "a stronger colour = more" (heatmaps, cohorts, the map's boxes): in light,
    /// dark and print colours alike, each of the ten shades stands out from the paper more than
    /// the one before, by a step the eye can tell (at least 8% more contrast), and the number
    /// printed in a cell keeps 4.5:1 on its shade.
    @Test func aStrongerShadeMeansMoreInEveryMode() throws {
        let light = try colours(after: ":root {")
        let modes = [("light", light),
                     ("dark", light.merging(try colours(after: "@media (prefers-color-scheme: dark) {\n  :root {")) { $1 }),
                     ("print", light.merging(try colours(after: "@media print {\n  :root {")) { $1 })]
        for (mode, c) in modes {
            let paper = try #require(c["paper"], "\(mode)")
            let shades = try (0..<10).map { try #require(c["h\($0)"], "\(mode) h\($0)") }
            let standOut = shades.map { Self.contrast($0, paper) }
            for k in 1..<10 {
                #expect(standOut[k] >= standOut[k - 1] * 1.08, "\(mode): h\(k) stands out \(standOut[k]), h\(k - 1) \(standOut[k - 1])")
            }
            // the cells' ink: the low ink on h0 to h6, the high ink on h7 to h9 (report.css's .heat and .hm rules)
            for (k, shade) in shades.enumerated() {
                let ink = try #require(c[k < 7 ? "h-low-ink" : "h-high-ink"])
                #expect(Self.contrast(ink, shade) >= 4.5, "\(mode): the number on h\(k) has \(Self.contrast(ink, shade)):1")
            }
        }
        #expect(css.contains(".heat.h7, .heat.h8, .heat.h9 { color: var(--h-high-ink); }"))
        #expect(css.contains("svg .hm.h7 text, svg .hm.h8 text, svg .hm.h9 text { fill: var(--h-high-ink); }"))
    }

    /// On a phone a chart with a narrow form shows only that form; elsewhere (and on paper,
    /// wider than 600 px) the narrow forms stay hidden.
    @Test func phonesShowTheNarrowForms() throws {
        #expect(try #require(rule(".narrow-form", in: css)).contains("display: none"))
        let phone = String(css[try #require(css.range(of: "@media (max-width: 600px) {")).upperBound...])
        #expect(try #require(rule("figure.chart > .wide-form", in: phone)).contains("display: none"))
        #expect(try #require(rule("figure.chart > .narrow-form", in: phone)).contains("display: block"))
        #expect(!(try #require(rule("figure.chart svg, figure.wide svg", in: phone))).contains("max-width: none"))
    }

    /// Closed `<details>` print closed unless print.appendix is open: then the renderer adds
    /// the rule that opens them on paper (and only then, as the W3C checker does not know
    /// `::details-content` yet).
    @Test func foldedSectionsPrintAsTheConfigSays() throws {
        #expect(!css.contains("::details-content"))
        let templates = try ReportTemplates(directory: RenderFixtures.templates)
        let closed = ReportRenderer(templates: templates).report(RenderFixtures.data())
        let open = ReportRenderer(templates: templates, page: PageOptions(printAppendix: .open)).report(RenderFixtures.data())
        #expect(!closed.contains("::details-content"))
        #expect(open.contains("@media print { details:not([open])::details-content { content-visibility: visible; } }"))
    }
}
