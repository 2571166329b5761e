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
}
