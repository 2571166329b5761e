import JourneysCore
import Testing
@testable import Extract

/// Order values in every format through the one money reader; unreadable and implausible values
/// noted (counted among the parsed lines and sampled); customer ids masked in every sample.
@Suite struct OrderValueTests {
    func confirmation(_ query: String, user: String = "c-99999", second: Int = 3) -> String {
        combined(user: user, time: "16/Nov/2026:10:05:\(second < 10 ? "0" : "")\(second) +0100",
                 request: "GET /checkout/done?\(query) HTTP/1.1")
    }

    /// In a shop that sells in EUR (the config's `currency`), a value in another currency is
    /// unreadable: the order counts without a value and the line is noted.
    @Test func aValueInAnotherCurrencyIsUnreadable() throws {
        var options = ExtractOptions()
        options.currency = "EUR"
        let r = try extract(lines: [
            confirmation("order=B1&value=15000JPY", second: 1),
            confirmation("order=B2&value=%C2%A515000", second: 2),
            confirmation("order=B3&value=12%2C50+EUR", second: 3),
        ], options: options)
        #expect(r.quality.files[0].count(.orderValueUnreadable) == 2)
        #expect(r.events.map { $0.order.map { ($0.valueCents, $0.hasValue) }?.0 } == [0, 0, 1_250])
        #expect(r.events.map { $0.order?.hasValue } == [false, false, true])
    }

    @Test func accessLogValuesAreReadNotedOrRefused() throws {
        let r = try extract(lines: [
            confirmation("order=A1&value=1%2C234.56", second: 1),          // 1: 1234.56
            confirmation("order=A2&value=19.999", second: 2),               // 2: rounded to 20.00
            confirmation("order=A3&value=12%2C5+EUR", second: 3),           // 3: 12.50
            confirmation("order=A4&value=abc", second: 4),                  // 4: unreadable, order without value
            confirmation("order=A5&value=-3", second: 5),                   // 5: negative, unreadable
            confirmation("order=A6&value=9999999999999.99", second: 6),     // 6: above the ceiling: no order
            confirmation("order=A7", second: 7),                            // 7: no value: order without value, no note
            confirmation("order=A8&value=" + String(repeating: "9", count: 5_000), second: 8),  // 8: too large
            confirmation("order=A9&value=100000.00", second: 9),            // 9: at the ceiling: kept
            combined(user: "c-99999", time: "16/Nov/2026:99:05:03 +0100"),  // 10: rejected, bad timestamp
        ])
        let f = r.quality.files[0]
        #expect(f.read == 10 && f.parsed == 9 && f.rejected == 1 && f.filtered == 0)
        #expect(f.isBalanced)
        #expect(f.count(.orderValueUnreadable) == 2)
        #expect(f.count(.orderValueImplausible) == 2)
        #expect(f.valueNotes == 4)
        let orders = r.events.map(\.order)
        #expect(orders.count == 9)
        func o(_ i: Int) -> (Int64, Bool)? { orders[i].map { ($0.valueCents, $0.hasValue) } }
        #expect(o(0)! == (123_456, true))
        #expect(o(1)! == (2_000, true))
        #expect(o(2)! == (1_250, true))
        #expect(o(3)! == (0, false))
        #expect(o(4)! == (0, false))
        #expect(orders[5] == nil)
        #expect(o(6)! == (0, false))
        #expect(orders[7] == nil)
        #expect(o(8)! == (10_000_000, true))
        // every note sampled, the customer id masked in each, as in the rejected line
        #expect(r.quality.samples[.orderValueUnreadable]?.map(\.line) == [4, 5])
        #expect(r.quality.samples[.orderValueImplausible]?.map(\.line) == [6, 8])
        #expect(r.quality.samples[.badTimestamp]?.map(\.line) == [10])
        let all = r.quality.samples.values.flatMap { $0 }
        #expect(all.count == 5)
        #expect(all.allSatisfy { $0.text.hasPrefix("[ip] - [customer] [") && !$0.text.contains("c-99999") })
    }

    @Test func aLowerCeilingAppliesToEveryFormat() throws {
        var options = ExtractOptions()
        options.maxOrderValueCents = 5_000
        let r = try extract(lines: [confirmation("order=B1&value=50.00"), confirmation("order=B2&value=50.01", second: 4)], options: options)
        #expect(r.events.map { $0.order?.valueCents } == [5_000, nil])
        #expect(r.quality.count(.orderValueImplausible) == 1)
    }

    @Test func jsonAndCSVValuesUseTheSameReader() throws {
        let json = try extract(lines: [
            #"{"type":"track","event":"Order Completed","userId":"c-99999","anonymousId":"a","timestamp":1794819963000,"properties":{"order_id":"J1","revenue":"1.234,56 €"}}"#,
            #"{"type":"track","event":"Order Completed","userId":"c-99999","anonymousId":"a","timestamp":1794819964000,"properties":{"order_id":"J2","revenue":1e2}}"#,
            #"{"type":"track","event":"Order Completed","userId":"c-99999","anonymousId":"a","timestamp":1794819965000,"properties":{"order_id":"J3","revenue":9999999999999.99}}"#,
            #"{"type":"track","event":"Order Completed","userId": "c-99999","anonymousId":"a","timestamp":"not a time"}"#,
        ], name: "events.jsonl")
        #expect(json.events.map { $0.order?.valueCents } == [123_456, 0, nil])
        #expect(json.events[1].order?.hasValue == false)
        #expect(json.quality.count(.orderValueUnreadable) == 1 && json.quality.count(.orderValueImplausible) == 1)
        let jsonSamples = json.quality.samples.values.flatMap { $0 }
        #expect(jsonSamples.count == 3)
        #expect(jsonSamples.allSatisfy { $0.text.contains(#""userId":"[customer]""#) || $0.text.contains(#""userId": "[customer]""#) })
        #expect(jsonSamples.allSatisfy { !$0.text.contains("99999\"") && !$0.text.contains("c-99999") })

        let csv = try extract(lines: [
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
            "2019-10-01 00:01:00 UTC,purchase,1,2,,brand,\"1,234.50\",c-99999,s-1",
            "2019-10-01 00:01:00 UTC,purchase,3,4,,brand,12.5.0,c-99999,s-1",
            "2019-10-01 00:02:00 UTC,view,5,6,,brand,1.00,c-99999,s-1,extra",
        ], name: "events.csv")
        #expect(csv.events.map { $0.order?.valueCents } == [123_450, 0])
        #expect(csv.events.map { $0.order?.hasValue } == [true, false])
        let csvSamples = csv.quality.samples.values.flatMap { $0 }
        #expect(csvSamples.map(\.line).sorted() == [3, 4])
        #expect(csvSamples.allSatisfy { $0.text.contains("[customer]") && !$0.text.contains("c-99999") })
    }

    @Test func aQueryCustomerIdIsMaskedToo() throws {
        var options = ExtractOptions()
        options.customerFromRemoteUser = false
        options.customerQueryParameter = "cid"
        let r = try extract(lines: [
            combined(request: "GET /a?cid=c-12345&x=1 HTTP/1.1", status: 200),
            combined(time: "16/Nov/2026:99:05:03 +0100", request: "GET /a?cid=c-12345&x=1 HTTP/1.1"),
            combined(request: "GET /checkout/done?cid=c-12345&order=Q1&value=oops HTTP/1.1"),
        ], options: options)
        let samples = r.quality.samples.values.flatMap { $0 }
        #expect(samples.count == 2)
        #expect(samples.allSatisfy { $0.text.contains("cid=[customer]") && !$0.text.contains("12345") })
    }
}
