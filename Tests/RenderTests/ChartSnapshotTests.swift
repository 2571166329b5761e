import ReportModel
import SnapshotTesting
import Testing
@testable import Render
import Sections

/// The charts' markup for a fixed small input, held against reviewed snapshots in
/// `__Snapshots__/`: a change to a chart shows up as a diff to look at (re-record by deleting
/// the snapshot file and running the test once).
@Suite struct ChartSnapshotTests {
    let style = NumberStyle(locale: "en", currency: "EUR")

    /// One line per SVG element, so that a diff points at the element that changed.
    func lines(_ svg: String) -> String { svg.replacingOccurrences(of: "><", with: ">\n<") + "\n" }

    @Test func journeyMap() {
        assertSnapshot(of: lines(JourneyMapChart.svg(JourneyMapChartTests.map, locale: "en", style: style, words: JourneyMapChartTests.words, maxLinks: 8)), as: .lines)
    }

    @Test func funnel() {
        let funnel = [
            FunnelRow(step: "product_view", label: "Product view", visits: 3_821, ofFirst: 1, dropOff: 0),
            FunnelRow(step: "add_to_cart", label: "Add to cart", visits: 689, ofFirst: 0.1803, dropOff: 0.8197),
            FunnelRow(step: "checkout", label: "Checkout", visits: 381, ofFirst: 0.0997, dropOff: 0.447),
            FunnelRow(step: "purchase", label: "Purchase", visits: 177, ofFirst: 0.0463, dropOff: 0.5354),
        ]
        assertSnapshot(of: lines(FunnelChart.svg(funnel, labels: JourneyMapChartTests.words)), as: .lines)
    }
}
