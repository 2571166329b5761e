import Foundation
import Testing
@testable import Extract

/// The earliest and latest timestamps, read in each file's own format.
@Suite struct InputSpanTests {
    @Test func everyFormat() throws {
        let folder = temporaryFolder()
        let access = writeLog("a.log", ["junk", combined(time: "16/Nov/2026:10:05:03 +0100"), combined(time: "17/Nov/2026:10:05:03 +0100")], in: folder)
        let json = writeLog("b.jsonl", [#"{"timestamp":"2026-11-15T09:05:03Z","type":"page"}"#, #"{"timestamp":1794819903000}"#], in: folder)
        let csv = writeLog("c.csv", ["timestamp,visitorid,event,itemid,transactionid", "1794819903000,1,view,2,", "1795000000000,1,view,2,"], in: folder)
        #expect(try InputSpan.find(in: [access], maxLineBytes: 65536)! == (defaultTime, defaultTime + 86_400))
        #expect(try InputSpan.find(in: [json], maxLineBytes: 65536)! == (defaultTime - 86_400, defaultTime))
        #expect(try InputSpan.find(in: [csv], maxLineBytes: 65536)! == (defaultTime, 1_795_000_000))
        #expect(try InputSpan.find(in: [access, json, csv], maxLineBytes: 65536)! == (defaultTime - 86_400, 1_795_000_000))
        #expect(try InputSpan.find(in: [writeLog("x.log", ["nothing here"], in: folder)], maxLineBytes: 65536) == nil)

        var options = ExtractOptions()
        options.format = .layout(#"$remote_addr [$time_iso8601] "$request""#)
        let layout = writeLog("d.log", [#"1.2.3.4 [2026-11-16T10:05:03+01:00] "GET / HTTP/1.1""#], in: folder)
        #expect(try InputSpan.find(in: [layout], maxLineBytes: 65536, options: options)! == (defaultTime, defaultTime))
    }

    @Test func largePlainFileReadsHeadAndTail() throws {
        // over 512 KiB: only the first and last 128 KiB are read, header included
        var lines = ["event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"]
        for k in 0..<8000 {
            let h = k / 3600, m = (k / 60) % 60, s = k % 60
            lines.append("2019-10-01 0\(h):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s) UTC,view,44600062,2103807459595387724,appliances.kitchen,brand,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c")
        }
        let path = writeLog("big.csv", lines)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(size > 4 * 131_072)
        #expect(try InputSpan.find(in: [path], maxLineBytes: 65536)! == (1_569_888_000, 1_569_888_000 + 7999))
    }
}
