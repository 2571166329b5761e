import DemoShop
import Foundation
import Testing

/// The summary's purchases are what the files say, and the traffic covers every channel and
/// logged-in customers.
@Suite struct JourneyContentTests {
    /// Cents of a "value=189.80" query parameter.
    private func cents(_ target: String) throws -> Int {
        let query = try #require(target.split(separator: "?").last)
        let value = try #require(query.split(separator: "&").first { $0.hasPrefix("value=") }?.dropFirst(6))
        let parts = value.split(separator: ".")
        try #require(parts.count == 2 && parts[1].count == 2)
        return try #require(Int(parts[0])) * 100 + #require(Int(parts[1]))
    }

    @Test func ordersAndRevenueMatchTheFiles() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions())
        var orderIds = Set<String>()
        for (day, path) in zip(summary.days, summary.files) {
            var orders = 0, revenue = 0
            for line in try logLines(path) {
                guard let p = ParsedLine(line), !p.isBot, p.status == 200, p.method == "GET",
                      let target = p.target, target.hasPrefix("/checkout/confirmation?") else { continue }
                orders += 1
                revenue += try cents(target)
                let id = try #require(target.split(separator: "=")[1].split(separator: "&").first)
                #expect(id.count == 9 && id.hasPrefix("NL-"))
                #expect(orderIds.insert(String(id)).inserted, "order \(id) confirmed twice")
            }
            #expect(orders == day.orders, "\(day.file)")
            #expect(revenue == day.revenueCents, "\(day.file)")
        }
        #expect(summary.totalOrders > 0)
    }

    @Test func everyChannelAndLoggedInCustomersAppear() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions())
        var seen = Set<String>()
        var customerLines = 0
        for path in summary.files {
            for line in try logLines(path) {
                guard let p = ParsedLine(line), !p.isBot, let target = p.target else { continue }
                if target.contains("utm_medium=cpc") { seen.insert("cpc") }
                if target.contains("utm_medium=email") { seen.insert("email") }
                if target.contains("utm_medium=paid_social") { seen.insert("paid_social") }
                if target.contains("gclid=") { seen.insert("gclid") }
                if ["https://www.instagram.com/", "https://l.facebook.com/", "https://www.tiktok.com/", "https://t.co/"].contains(p.referrer) {
                    seen.insert("social referrer")
                }
                if ["https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/"].contains(p.referrer) {
                    seen.insert("search referrer")
                }
                if p.referrer == "-" && !p.isAsset { seen.insert("direct") }
                if p.referrer.hasPrefix("https://shop.example.com/") { seen.insert("internal") }
                if target.hasPrefix("/survey?type=") { seen.insert("survey") }
                if p.user != "-" {
                    customerLines += 1
                    #expect(p.user.hasPrefix("c-") && p.user.count == 8)
                }
            }
        }
        for channel in ["cpc", "email", "paid_social", "gclid", "social referrer", "search referrer", "direct", "internal"] {
            #expect(seen.contains(channel), "no \(channel) traffic")
        }
        #expect(customerLines > 0)
    }

    @Test func botAndAssetSharesAreRealistic() throws {
        let dir = try TemporaryDirectory()
        let summary = try SampleGenerator.write(to: dir.path, options: smallOptions(dailyVisits: 200))
        let lines = Double(summary.totalLines)
        let bots = Double(summary.days.reduce(0) { $0 + $1.botLines })
        #expect(bots / lines > 0.08 && bots / lines < 0.18, "bot share \(bots / lines)")
    }

    @Test func gzipRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/x.gz"
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
        try GzipFileWriter.write(bytes, to: path)
        #expect(GzipFile.isGzip(path: path))
        #expect(try GzipFile.readAll(path: path) == bytes)
    }
}
