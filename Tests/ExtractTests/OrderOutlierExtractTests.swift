import JourneysCore
import Testing
@testable import Extract

/// Extract with an outlier bound below the ceiling: random and extreme values are kept, noted as
/// outliers or as implausible exactly as the money reader and the two bounds say; none traps.
@Suite struct OrderOutlierExtractTests {
    func confirmation(_ id: Int, _ value: String) -> String {
        combined(user: "-", time: "16/Nov/2026:10:\(String(format: "%02d", id / 60)):\(String(format: "%02d", id % 60)) +0100",
                 request: "GET /checkout/done?order=R\(id)&value=\(value) HTTP/1.1")
    }

    @Test func randomValuesAreKeptOrNotedByTheBounds() throws {
        var rng = SplitMix64(seed: 1_919)
        var options = ExtractOptions()
        options.maxOrderValueCents = 10_000_000
        options.outlierBoundCents = 250_000
        let extremes = ["2500.00", "2500.01", "2500,005", "100000.00", "100000.01", "9999999999999.99", "0", "0.001",
                        String(repeating: "9", count: 40), "1e9", "-1", "+2500", "2.500,00"]
        var values: [String] = []
        for k in 0..<400 {
            if k % 3 == 0 { values.append(extremes[Int(rng.next() % UInt64(extremes.count))]) } else {
                let cents = rng.next() % 20_000_000
                values.append("\(cents / 100).\(String(format: "%02d", cents % 100))")
            }
        }
        let r = try extract(lines: values.enumerated().map { confirmation($0.offset, $0.element) }, options: options)
        var outliers = 0, implausible = 0
        for (event, value) in zip(r.events, values) {
            switch MoneyText.read(value) {
            case .cents(let c) where c <= 250_000:
                #expect(event.order?.valueCents == c, "\(value)")
            case .cents(let c) where c <= 10_000_000:
                #expect(event.order == nil, "\(value)")
                outliers += 1
            case .cents, .tooLarge:
                #expect(event.order == nil, "\(value)")
                implausible += 1
            case .unreadable, .missing:
                #expect(event.order?.hasValue == false, "\(value)")
            }
        }
        #expect(r.events.count == values.count)
        #expect(outliers > 0 && implausible > 0)
        #expect(r.quality.files[0].count(.orderValueOutlier) == outliers)
        #expect(r.quality.files[0].count(.orderValueImplausible) == implausible)
    }
}
