import ReportModel
import Testing
@testable import Render

/// A trend line only from enough points, on the figure's own range with that range written.
@Suite struct SparklineTests {
    let labels = JourneyMapChartTests.words

    func trend(_ values: [Double?]) -> [TrendPoint] {
        values.enumerated().map { TrendPoint(period: "2026-W\(40 + $0.offset)", value: $0.element) }
    }

    func svg(_ values: [Double?]) -> String? {
        Sparkline.svg(trend(values), label: "Conversion", labels: labels) { $0.map { "\($0)%" } ?? "–" }
    }

    /// The `text` elements' contents, in the order drawn.
    func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().map { part in
            let open = part.firstIndex(of: ">")!, close = part.range(of: "</text>")!.lowerBound
            return String(part[part.index(after: open)..<close])
        }
    }

    /// The y coordinates of the polyline's points.
    func ys(_ svg: String) -> [Double] {
        let points = svg.components(separatedBy: "points=\"")[1].prefix { $0 != "\"" }
        return points.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
    }

    @Test func fewerThanFourValuesDrawNoLine() {
        #expect(svg([3.0, 3.3]) == nil)
        #expect(svg([3.0, 3.3, 3.1]) == nil)
        #expect(svg([3.0, nil, 3.3, nil, 3.1]) == nil)  // five periods, three values
        #expect(svg([3.0, nil, 3.3, 2.9, 3.1]) != nil)
    }

    @Test func theRangeIsLabelledWithItsHighestAndLowestValue() throws {
        let chart = try #require(svg([3.1, 3.4, 2.9, 3.2]))
        #expect(texts(chart) == ["3.4%", "2.9%"])
        let y = ys(chart)
        // the highest value at the top rule, the lowest at the bottom one, the others between
        #expect(y[1] == y.min() && y[2] == y.max() && y[1] < y[0] && y[0] < y[2])
        #expect(chart.components(separatedBy: "class=\"spark-range\"").count - 1 == 2)
    }

    @Test func aFlatTrendIsOneLineWithOneLabel() throws {
        let chart = try #require(svg([3.0, 3.0, 3.0, 3.0]))
        #expect(texts(chart) == ["3.0%"])
        #expect(Set(ys(chart)).count == 1)
    }
}
