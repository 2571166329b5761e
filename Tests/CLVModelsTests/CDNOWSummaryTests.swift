import CLVModels
import Testing

/// The summary function against the summary Fader, Hardie and Lee published for CDNOW.
@Suite struct CDNOWSummaryTests {
    @Test func fixtureIsTheShippedSample() throws {
        let orders = try CDNOW.orders()
        #expect(orders.count == 2357)
        #expect(orders.values.reduce(0) { $0 + $1.count } == 6919)
    }

    /// Every customer's x, t_x, T and mean repeat value equal the published ones to their two decimals.
    @Test func everyCustomerMatchesThePublishedSummary() throws {
        let published = try CDNOW.publishedSummaries()
        let ours = CDNOW.calibration
        #expect(published.count == 2357)
        #expect(ours.count == 2357)
        var mismatches: [Int] = []
        for (id, expected) in published {
            guard let summary = ours[id] else { mismatches.append(id); continue }
            let same = summary.frequency == expected.frequency
                && abs(summary.recency - expected.recency) <= 0.005 + 1e-9
                && abs(summary.age - expected.age) <= 0.005 + 1e-9
                && abs((summary.monetaryValue ?? 0) - (expected.monetaryValue ?? 0)) <= 0.005 + 1e-9
            if !same { mismatches.append(id) }
        }
        #expect(mismatches.isEmpty, "customers that differ: \(mismatches.sorted().prefix(20))")
        #expect(ours.values.filter { $0.frequency > 0 }.count == 946)
        #expect(ours.values.filter(\.entersGammaGamma).count == 946)
    }

    /// Customer 1 (00004 in the raw file): 1997-01-01, 01-18 and 08-02 before the end of September.
    @Test func firstCustomerByHand() throws {
        let summary = try #require(CDNOW.calibration[1])
        #expect(summary.frequency == 2)
        #expect(summary.recency == 213 / 7.0)
        #expect(summary.age == 272 / 7.0)
        #expect(summary.monetaryValue == (29.73 + 14.96) / 2)
    }
}
