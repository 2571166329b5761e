import JourneysCore
import Testing
@testable import Extract

/// JSON-lines tracking events with the default (Segment / Snowplow style) mapping.
@Suite struct JSONLinesTests {
    static let lines = [
        #"{"type":"page","anonymousId":"anon-1","timestamp":"2026-11-16T09:05:03.250Z","context":{"page":{"url":"https://shop.example.com/p/shoe?utm_source=ig&utm_medium=social","referrer":"https://www.instagram.com/"},"userAgent":"Mozilla/5.0 (iPhone) Mobile","ip":"203.0.113.5"},"properties":{"title":"Shoe \"X\"","tags":["a",{"b":[1,2.5e3,true,null]}]}}"#,
        #"{"type":"track","event":"Order Completed","userId":"cust-9","anonymousId":"anon-1","timestamp":1794819963000,"properties":{"order_id":"A-1001","revenue":89.9}}"#,
        #"{"type":"track","event":"Product Added","anonymousId":"anon-1","timestamp":"1794820023","properties":{"order_id":"A-1001","revenue":5}}"#,
        #"{"type":"track","event":"Survey Answered","anonymousId":"anon-2","timestamp":"2026-11-16T10:08:03+01:00","properties":{"survey_type":"nps","score":9}}"#,
        #"  {"type":"page","anonymousId":"anon-3","timestamp":"2026-11-16T09:09:03Z","context":{"page":{"path":"/c/sch\u00f6ne-schuhe"}}} "#,
        #"{"event_name":"page_view","domain_userid":"d-1","collector_tstamp":"2026-11-16 09:10:03.000","page_url":"https://shop.example.com/faq","useragent":"Mozilla/5.0"}"#,
        #"{"type":"page","anonymousId":"x","timestamp":"2026-13-45T00:00:00Z","context":{"page":{"url":"/"}}}"#,
        #"{"type":"page","anonymousId":"x"}"#,
        #"{"type":"page", "timestamp":"#,
        #"{"timestamp":"2026-11-16T09:05:03Z","anonymousId":"x"}"#,
        #"{"type":"page","anonymousId":"bot","timestamp":"2026-11-16T09:05:03Z","context":{"userAgent":"Googlebot/2.1","page":{"url":"/"}}}"#,
    ]

    @Test func defaultMappingReadsSegmentAndSnowplowEvents() throws {
        let r = try extract(lines: Self.lines, name: "events.jsonl")
        #expect(r.paths == ["/p/shoe", "event:order_completed", "event:product_added", "event:survey_answered",
                            "/c/schöne-schuhe", "/faq"])
        #expect(r.events.map(\.time) == [0, 60, 120, 180, 240, 300].map { defaultTime + $0 })

        let page = r.events[0]
        #expect(page.device == r.context.cookieIdentity("anon-1"))
        #expect(page.deviceClass == .mobile)
        #expect(r.symbols[page.campaign?.source ?? .none] == "ig")
        #expect(r.symbols[page.campaign?.medium ?? .none] == "social")
        #expect(r.symbols[page.referrerHost] == "www.instagram.com")

        let order = r.events[1]
        #expect(order.customer == r.context.customerIdentity("cust-9"))
        #expect(order.device == r.context.cookieIdentity("anon-1"))
        #expect(order.order.map { r.symbols[$0.id] } == "A-1001")
        #expect(order.order?.valueCents == 8990)
        #expect(r.events[2].order == nil)  // "Product Added" is no purchase
        #expect(r.events[3].survey == SurveyAnswer(kind: .nps, score: 9))
        #expect(r.events[5].device == r.context.cookieIdentity("d-1"))
    }

    @Test func badEventsAreCountedByReason() throws {
        let r = try extract(lines: Self.lines, name: "events.jsonl")
        let f = r.quality.files[0]
        #expect(f.read == 11)
        #expect(f.parsed == 6)
        #expect(f.count(.badTimestamp) == 1)
        #expect(f.count(.missingField) == 2)
        #expect(f.count(.malformed) == 1)
        #expect(f.count(.bot) == 1)
        #expect(f.isBalanced)
        #expect(r.quality.samples[.missingField]?.map(\.line) == [8, 10])
        #expect(r.quality.samples[.malformed]?.map(\.line) == [9])
    }

    @Test func customMappingPaths() throws {
        var options = ExtractOptions()
        options.format = .json
        options.jsonMapping.time = ["meta.at"]
        options.jsonMapping.device = ["visitor.cookie"]
        options.jsonMapping.url = ["where"]
        let r = try extract(lines: [
            #"{"meta":{"at":1794819903},"visitor":{"cookie":"c-7","ignored":{"deep":[{"x":{}}]}},"where":"/cart?gclid=G1"}"#,
        ], options: options)
        #expect(r.paths == ["/cart"])
        #expect(r.events.first?.device == r.context.cookieIdentity("c-7"))
        #expect(r.events.first?.time == defaultTime)
        #expect(r.events.first?.campaign?.clickID == .gclid)
    }

    @Test func scannerSkipsNestingAndDecodesEscapes() {
        let scanner = JSONFieldScanner(paths: [["a.b"], ["s"]])
        var values: [JSONFieldScanner.Value?] = [nil, nil]
        var priorities = [Int.max, Int.max]
        let good = Array(#"{"x":[[],{},[{"a":{"b":1}}]],"a":{"c":"}","b":-12.5e1},"s":"q\"\\\/\n\ud83d\ude00é"}"#.utf8)
        good.withUnsafeBytes { b in
            #expect(scanner.scan(b, values: &values, priorities: &priorities))
            let number = values[0].map { String(decoding: b[$0.range], as: UTF8.self) }
            #expect(number == "-12.5e1")
            var out = [UInt8](repeating: 0, count: 64)
            let raw = UnsafeRawBufferPointer(rebasing: b[values[1]!.range])
            let n = out.withUnsafeMutableBytes { JSONFieldScanner.unescape(raw, into: $0.baseAddress!) }
            #expect(n.map { String(decoding: out[0..<$0], as: UTF8.self) } == "q\"\\/\n😀é")
        }
        for bad in [#"{"a":1"#, #"{"a":tru}"#, #"{"a":"x}"#, #"{"a":1}x"#, #"["a"]"#, #"{"a" 1}"#, #"{"a":1,}"#,
                    String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)] {
            Array(bad.utf8).withUnsafeBytes { b in
                #expect(!scanner.scan(b, values: &values, priorities: &priorities), "\(bad)")
            }
        }
    }
}
