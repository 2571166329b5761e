import CLVModels
import struct JourneysCore.CivilDate
import Testing

@Suite struct CustomerSummaryTests {
    static let start = CivilDate(year: 2026, month: 1, day: 5).dayNumber

    @Test func ordersOfOneDayArePurchaseOfOneDay() throws {
        let orders = [
            Order(day: Self.start + 14, value: 30), Order(day: Self.start, value: 10),
            Order(day: Self.start + 14, value: 20), Order(day: Self.start + 3, value: 5),
            Order(day: Self.start, value: 99),
        ]
        let summary = try #require(CustomerSummary(orders: orders, asOf: Self.start + 28))
        #expect(summary.frequency == 2)                     // days 3 and 14 are repeats
        #expect(summary.recency == 2)                       // 14 days
        #expect(summary.age == 4)                           // 28 days
        #expect(summary.monetaryValue == (5 + 50) / 2.0)    // the first day's 109 left out
        #expect(summary.entersGammaGamma)
    }

    @Test func weeksAreExactNotFloored() throws {
        let summary = try #require(CustomerSummary(orders: [Order(day: 0, value: 1), Order(day: 10, value: 1)], asOf: 13))
        #expect(summary.recency == 10 / 7.0)
        #expect(summary.age == 13 / 7.0)
    }

    @Test func theAsOfDayCountsAndLaterDaysDoNot() throws {
        let orders = [Order(day: 100, value: 1), Order(day: 107, value: 2), Order(day: 108, value: 4)]
        let summary = try #require(CustomerSummary(orders: orders, asOf: 107))
        #expect(summary == CustomerSummary(frequency: 1, recency: 1, age: 1, monetaryValue: 2))
        #expect(CustomerSummary(orders: orders, asOf: 99) == nil)
    }

    @Test func aOneDayCustomerHasNoRepeatsAndNoMonetaryValue() throws {
        let summary = try #require(CustomerSummary(orders: [Order(day: 5, value: 40), Order(day: 5, value: 2)], asOf: 19))
        #expect(summary == CustomerSummary(frequency: 0, recency: 0, age: 2, monetaryValue: nil))
        #expect(!summary.entersGammaGamma)
        #expect(summary.isValidForBGNBD)
    }

    @Test func refundsThatCancelRepeatsKeepTheCustomerOutOfGammaGamma() throws {
        let orders = [Order(day: 0, value: 50), Order(day: 7, value: 30), Order(day: 14, value: -30)]
        let summary = try #require(CustomerSummary(orders: orders, asOf: 21))
        #expect(summary.frequency == 2)
        #expect(summary.monetaryValue == 0)
        #expect(!summary.entersGammaGamma)
    }

    @Test func manyCustomers() {
        let summaries = CustomerSummary.summaries(of: [
            "a": [Order(day: 0, value: 1)], "b": [Order(day: 30, value: 1)], "c": [],
        ], asOf: 14)
        #expect(summaries.count == 1)
        #expect(summaries["a"]?.age == 2)
    }

    @Test func invalidGivenSummariesAreNotForBGNBD() {
        #expect(!CustomerSummary(frequency: 1, recency: 3, age: 2).isValidForBGNBD)
        #expect(!CustomerSummary(frequency: -1, recency: 0, age: 2).isValidForBGNBD)
        #expect(!CustomerSummary(frequency: 0, recency: 1, age: 2).isValidForBGNBD)
        #expect(!CustomerSummary(frequency: 1, recency: .nan, age: 2).isValidForBGNBD)
        #expect(CustomerSummary(frequency: 0, recency: 0, age: 0).isValidForBGNBD)
    }
}
