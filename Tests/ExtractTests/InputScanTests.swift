import Foundation
import Testing
@testable import Extract

/// The earliest and latest timestamps, read in each file's own format, and whether a file is in
/// time order.
@Suite struct InputScanTests {
    func span(_ files: [String], options: ExtractOptions = ExtractOptions()) throws -> (earliest: Int64, latest: Int64)? {
        InputScan.span(try InputScan.scan(files, options: options, tolerance: 300))
    }

    @Test func everyFormat() throws {
        let folder = temporaryFolder()
        let access = writeLog("a.log", ["junk", combined(time: "16/Nov/2026:10:05:03 +0100"), combined(time: "17/Nov/2026:10:05:03 +0100")], in: folder)
        let json = writeLog("b.jsonl", [#"{"timestamp":"2026-11-15T09:05:03Z","type":"page"}"#, #"{"timestamp":1794819903000}"#], in: folder)
        let csv = writeLog("c.csv", ["timestamp,visitorid,event,itemid,transactionid", "1794819903000,1,view,2,", "1795000000000,1,view,2,"], in: folder)
        #expect(try span([access])! == (defaultTime, defaultTime + 86_400))
        #expect(try span([json])! == (defaultTime - 86_400, defaultTime))
        #expect(try span([csv])! == (defaultTime, 1_795_000_000))
        #expect(try span([access, json, csv])! == (defaultTime - 86_400, 1_795_000_000))
        #expect(try span([writeLog("x.log", ["nothing here"], in: folder)]) == nil)

        var options = ExtractOptions()
        options.format = .layout(#"$remote_addr [$time_iso8601] "$request""#)
        let layout = writeLog("d.log", [#"1.2.3.4 [2026-11-16T10:05:03+01:00] "GET / HTTP/1.1""#], in: folder)
        #expect(try span([layout], options: options)! == (defaultTime, defaultTime))
    }

    @Test func largePlainFileIsReadWhole() throws {
        var lines = ["event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"]
        for k in 0..<8000 {
            let h = k / 3600, m = (k / 60) % 60, s = k % 60
            lines.append("2019-10-01 0\(h):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s) UTC,view,44600062,2103807459595387724,appliances.kitchen,brand,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c")
        }
        let path = writeLog("big.csv", lines)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(size > 4 * 131_072)
        #expect(try span([path])! == (1_569_888_000, 1_569_888_000 + 7999))
    }

    @Test func timeOrderWithinTheToleranceIsOrder() throws {
        // two servers' lines interleaved a minute apart: in order within the 5-minute tolerance
        let lines = [combined(time: "16/Nov/2026:10:05:03 +0100"), combined(time: "16/Nov/2026:10:04:03 +0100"),
                     combined(time: "16/Nov/2026:10:09:03 +0100"), combined(time: "16/Nov/2026:10:05:04 +0100")]
        let scan = try InputScan.scan(writeLog("servers.log", lines), options: ExtractOptions(), tolerance: 300)
        #expect(scan.isInTimeOrder)
        #expect(scan.timedLines == 4)
    }

    @Test func exportSortedByCustomerIsNotInOrder() throws {
        let lines = ["timestamp,visitorid,event,itemid,transactionid",
                     "1794819903000,1,view,2,", "1794823503000,1,view,3,",   // customer 1: 10:05, 11:05
                     "1794819963000,2,view,2,", "1794823563000,2,view,3,"]   // customer 2: 10:06, 11:06
        let scan = try InputScan.scan(writeLog("by-customer.csv", lines), options: ExtractOptions(), tolerance: 300)
        #expect(!scan.isInTimeOrder)
        #expect(scan.linesOutOfOrder == 1)
        #expect(scan.earliest == defaultTime && scan.latest == defaultTime + 3660)
    }

    /// A large plain file's parts scanned on several threads give the scan of one reader, in
    /// time order, with small jitter, and out of order across the parts' boundaries.
    @Test(arguments: ["sorted", "jitter", "by-customer"]) func partsScanLikeOneReader(_ kind: String) throws {
        var rows: [(Int64, String)] = []
        for k in 0..<6000 {
            var t: Int64 = 1_569_888_000 + Int64(k) * 7
            if kind == "jitter" { t += Int64(k % 5) * 40 - 80 }
            rows.append((t, "\(t)000,\(k % 50),view,\(k % 9),"))
        }
        if kind == "by-customer" { rows.sort { ($0.1.split(separator: ",")[1], $0.0) < ($1.1.split(separator: ",")[1], $1.0) } }
        let path = writeLog("parts-\(kind).csv", ["timestamp,visitorid,event,itemid,transactionid"] + rows.map(\.1))
        var one = ExtractOptions()
        one.shards = 1
        var many = ExtractOptions()
        many.shards = 4
        many.shardPartBytes = 16 * 1024
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(size > 4 * many.shardPartBytes)
        let whole = try InputScan.scan(path, options: one, tolerance: 300)
        #expect(try InputScan.scan(path, options: many, tolerance: 300) == whole)
        #expect(whole.timedLines == 6000)
        #expect(whole.isInTimeOrder == (kind != "by-customer"))
    }
}

