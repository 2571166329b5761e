import JourneysCore
import Testing
@testable import Extract

/// CSV exports: the two built-in schemas, quoting, and a custom mapping.
@Suite struct CSVExportTests {
    @Test func ecommerceBehaviorSchema() throws {
        let r = try extract(lines: [
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
            "2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,s-1",
            "2019-10-01 00:00:05 UTC,cart,44600062,2103807459595387724,,shiseido,35.79,541312140,s-1",
            "2019-10-01 00:01:00 UTC,purchase,44600062,2103807459595387724,,shiseido,35.79,541312140,s-1",
            "2019-10-01 00:01:00 UTC,purchase,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,541312140,s-1",
            #"2019-10-01 00:02:00 UTC,remove_from_cart,5,6,"kitchen, ""best"" stuff",brand,1.00,7,s-2"#,
            "2019-10-01 00:03:00 UTC,view,5,6,,brand,1.00,7",
        ], name: "events.csv")
        let f = r.quality.files[0]
        #expect(f.read == 7)
        #expect(f.count(.header) == 1)
        #expect(f.parsed == 5)  // each purchase row is an event; sessionize adds up the rows of one order
        #expect(f.count(.csvFieldCount) == 1)
        #expect(f.isBalanced)
        #expect(r.quality.samples[.csvFieldCount]?.map(\.line) == [7])
        #expect(r.paths == ["event:view", "event:cart", "event:purchase", "event:purchase", "event:remove_from_cart"])
        let start: Int64 = 1_569_888_000
        #expect(r.events.map(\.time) == [start, start + 5, start + 60, start + 60, start + 120])
        #expect(r.events[0].customer == r.context.customerIdentity("541312140"))
        #expect(r.events[0].device == r.context.cookieIdentity("s-1"))
        // no order id: both rows are line items of the session's purchase at that second
        #expect(r.events[2].order?.valueCents == 3_579)
        #expect(r.events[3].order?.valueCents == 3_320)
        #expect(r.events[2].order?.id == r.events[3].order?.id)
        #expect(r.events[2].order?.isLineItem == true)
        #expect(r.events[0].order == nil)
        #expect(r.events[4].device == r.context.cookieIdentity("s-2"))
    }

    @Test func retailRocketSchema() throws {
        let r = try extract(lines: [
            "timestamp,visitorid,event,itemid,transactionid",
            "1433221332117,257597,view,355908,",
            "1433221400000,257597,addtocart,355908,",
            "1433221500000,257597,transaction,355908,4000",
            "1433221500000,257597,transaction,11111,4000",
            "1433221600000,257597,transaction,11111,4001",
        ], name: "events.csv")
        #expect(r.paths == ["event:view", "event:cart", "event:purchase", "event:purchase", "event:purchase"])
        #expect(r.events.map(\.time) == [1_433_221_332, 1_433_221_400, 1_433_221_500, 1_433_221_500, 1_433_221_600])
        #expect(r.events.compactMap { $0.order.map { r.symbols[$0.id] } } == ["4000", "4000", "4001"])
        #expect(r.events.allSatisfy { $0.order?.isLineItem ?? true })
        #expect(r.events[0].device == r.context.cookieIdentity("257597"))
        #expect(r.quality.files[0].parsed == 5)
        #expect(r.quality.files[0].count(.header) == 1)
    }

    @Test func customMappingWithUrlColumn() throws {
        var mapping = CSVMapping(time: "ts", type: "kind")
        mapping.device = "visitor"
        mapping.url = "url"
        var options = ExtractOptions()
        options.csvMapping = mapping
        let r = try extract(lines: [
            "ts,kind,visitor,url",
            "2026-11-16T09:05:03Z,page,v1,/p/x?utm_source=mail",
            "2026-11-16T09:05:04Z,signup,v1,",
            "not a time,page,v1,/",
        ], name: "export.csv", options: options)
        #expect(r.paths == ["/p/x", "event:signup"])
        #expect(r.quality.files[0].count(.badTimestamp) == 1)
    }

    @Test func csvFormatWithUnknownHeaderStopsTheRun() throws {
        var options = ExtractOptions()
        options.format = .csv
        #expect(throws: ExtractError.self) { try extract(lines: ["a,b,c", "1,2,3"], options: options) }
        // auto: a first line of column names is a CSV header, and one that fits no schema stops the
        // run with the header, instead of turning every row into a malformed access-log line
        do {
            _ = try extract(lines: ["a,b,c", "1,2,3"])
            Issue.record("an unknown CSV header did not stop the run")
        } catch let error as ExtractError {
            #expect(error.reason.contains("matches none of the built-in schemas") && error.reason.contains("a,b,c"))
        }
        // an access log's first line is no header
        #expect(try extract(lines: [combined()]).events.count == 1)
    }

    @Test func mappedColumnMissingFromTheHeaderIsNamed() throws {
        var mapping = CSVMapping(time: "ts", type: "kind")
        mapping.device = "visitor"
        mapping.orderID = "order_id"
        var options = ExtractOptions()
        options.csvMapping = mapping
        do {
            _ = try extract(lines: ["ts,kind,visitor_id,order", "2026-11-16T09:05:03Z,page,v1,"], name: "export.csv", options: options)
            Issue.record("a header without the mapped columns did not stop the run")
        } catch let error as ExtractError {
            #expect(error.reason.hasPrefix("the CSV header lacks the columns visitor, order_id"))
            #expect(error.path.hasSuffix("export.csv"))
        }
    }
}
