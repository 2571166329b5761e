import JourneysCore
import Testing
@testable import Extract

/// One rule for purchases and for who a device is, whatever the export's format.
@Suite struct PurchaseAndDeviceRulesTests {
    @Test func aPurchaseWithoutOrderIdIsAnOrderInJSONAsInCSV() throws {
        let json = try extract(lines: [
            #"{"type":"track","event":"Order Completed","anonymousId":"a-1","timestamp":"2026-11-16T09:05:03Z","properties":{"revenue":19.5}}"#,
            #"{"type":"track","event":"Order Completed","anonymousId":"a-1","timestamp":"2026-11-16T09:05:03Z","properties":{"revenue":0.5}}"#,
            #"{"type":"track","event":"Order Completed","anonymousId":"a-2","timestamp":"2026-11-16T09:06:03Z","properties":{}}"#,
        ], name: "events.jsonl")
        let orders = json.events.compactMap(\.order)
        #expect(orders.count == 3)
        #expect(orders.map(\.valueCents) == [1_950, 50, 0])
        // the rows of one person's purchase at one second share the built id and add up in their visit
        #expect(orders[0].id == orders[1].id && orders[1].id != orders[2].id)
        #expect(orders.allSatisfy { $0.isLineItem })

        // an explicit order id in JSON is the whole order: repeats count once, as a reload does
        let explicit = try extract(lines: [
            #"{"type":"track","event":"Order Completed","anonymousId":"a-1","timestamp":"2026-11-16T09:05:03Z","properties":{"order_id":"A-1","revenue":19.5}}"#,
        ], name: "events.jsonl")
        #expect(explicit.events.first?.order?.isLineItem == false)
    }

    @Test func aPurchaseWithNobodyBehindItIsRejectedAndSampled() throws {
        var mapping = CSVMapping(time: "ts", type: "kind")
        mapping.userAgent = "ua"
        var options = ExtractOptions()
        options.csvMapping = mapping
        let r = try extract(lines: ["ts,kind,ua", "2026-11-16T09:05:03Z,purchase,Mozilla/5.0 Firefox"], name: "export.csv", options: options)
        #expect(r.events.isEmpty)
        #expect(r.quality.files[0].count(.missingField) == 1)
        #expect(r.quality.samples[.missingField]?.map(\.line) == [2])
    }

    @Test func aUserAgentAloneIsNoDevice() throws {
        // an export with a user-agent column but no IP, cookie or device column: two customers on
        // the same browser must stay two people
        var mapping = CSVMapping(time: "ts", type: "kind")
        mapping.customer = "customer"
        mapping.userAgent = "ua"
        var options = ExtractOptions()
        options.csvMapping = mapping
        let ua = "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0"
        let r = try extract(lines: [
            "ts,kind,customer,ua",
            "2026-11-16T09:05:03Z,view,c-1,\(ua)",
            "2026-11-16T09:05:04Z,view,c-2,\(ua)",
            "2026-11-16T09:05:05Z,view,,\(ua)",
        ], name: "export.csv", options: options)
        #expect(r.events.count == 2)
        #expect(r.events[0].device == r.context.customerIdentity("c-1"))
        #expect(r.events[1].device == r.context.customerIdentity("c-2"))
        #expect(r.quality.files[0].count(.missingField) == 1)  // no IP, no cookie, no customer

        // with an IP the device is IP + user agent, as in access logs
        mapping.ip = "ip"
        options.csvMapping = mapping
        let withIP = try extract(lines: ["ts,kind,customer,ua,ip", "2026-11-16T09:05:03Z,view,c-1,\(ua),198.51.100.7"],
                                 name: "export.csv", options: options)
        #expect(withIP.events.first?.device == withIP.context.devicePseudonym(ip: "198.51.100.7", agent: ua))
    }
}
