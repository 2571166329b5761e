import Foundation
import JourneysCore
@testable import Setup
import Testing
import Touchpoints

@Suite struct RulesCheckTests {
    func write(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-rules-\(UUID().uuidString).log").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func line(_ target: String, method: String = "GET", second: Int = 0, ip: String = "10.0.0.1") -> String {
        "\(ip) - - [16/Nov/2026:10:\(String(format: "%02d", second / 60)):\(String(format: "%02d", second % 60)) +0100] \"\(method) \(target) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0\""
    }

    @Test func coverageNothingShadowedAndFunnel() throws {
        let file = try write([
            line("/", second: 0), line("/p/1", second: 10), line("/cart/add", method: "POST", second: 20),
            line("/cart", second: 21), line("/checkout/done?order=A1&value=12.50", second: 60),
            line("/blog/2026-one", second: 0, ip: "10.0.0.2"), line("/blog/2026-two", second: 30, ip: "10.0.0.2"),
            line("/blog/2026-three", second: 40, ip: "10.0.0.2"), line("/logo.png", second: 41, ip: "10.0.0.2"),
        ])
        defer { try? FileManager.default.removeItem(atPath: file) }
        let rules = [
            TouchpointRule(pattern: .glob("/"), touchpoint: "Home", phase: .awareness),
            TouchpointRule(pattern: .glob("/p/*"), touchpoint: "Product", phase: .consideration, funnelStep: .productView),
            TouchpointRule(pattern: .glob("/p/1"), touchpoint: "Featured", phase: .consideration),
            TouchpointRule(pattern: .glob("/cart/add"), touchpoint: "Add", phase: .purchase, funnelStep: .addToCart),
            TouchpointRule(pattern: .glob("/cart"), touchpoint: "Cart", phase: .purchase),
            TouchpointRule(pattern: .glob("/checkout/done"), touchpoint: "Done", phase: .purchase, funnelStep: .purchase),
            TouchpointRule(pattern: .glob("/wishlist"), touchpoint: "Wish list", phase: .consideration),
        ]
        let check = try RulesCheck.run(rules: rules, files: [file], orderKey: "order", valueKey: "value")
        #expect(check.tally.pageViews == 8)
        #expect(check.tally.assets == 1)
        #expect(check.rules.map(\.views) == [1, 1, 0, 1, 1, 1, 0])
        #expect(check.rules[2].shadowedBy == 1)
        #expect(check.rules[6].shadowedBy == nil)
        #expect(check.otherViews == 3)
        #expect(check.unmatched.map(\.pattern.display) == ["/blog/*"])
        #expect(check.unmatched.first?.views == 3)
        #expect(check.visits == 2)
        #expect(check.funnel[.productView] == 1 && check.funnel[.addToCart] == 1 && check.funnel[.purchase] == 1)
        #expect(check.funnel[.checkout] == nil)
        #expect(check.ordersSeen == 1 && check.ordersWithValue == 1)
        #expect(check.text.contains("SHADOWED by rule 2 (Product)"))
        #expect(check.text.contains("MATCHED NOTHING"))
    }
}

/// A site that sells nothing: pages, no funnel, and a summary that says so.
@Suite struct NonShopTests {
    @Test func pagesAndNoFunnel() throws {
        var lines: [String] = []
        var rng = SchemeLogs.Random(seed: 3)
        for v in 0..<200 {
            let ip = "10.1.\(v / 200).\(v % 200)"
            var t = 0
            for _ in 0..<(1 + rng.int(5)) {
                t += 20
                let target = rng.pick(["/", "/articles/\(rng.int(80))-some-title", "/about", "/tags/\(rng.pick(["swift", "linux", "apache", "logs", "tools"]))", "/feed"])
                lines.append("\(ip) - - [16/Nov/2026:1\(v % 10):\(String(format: "%02d", t / 60 % 60)):\(String(format: "%02d", t % 60)) +0000] \"GET \(target) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 Firefox/121.0\"")
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-blog-\(UUID().uuidString).log").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let setup = try ShopSetup.run(files: [path], platform: .detect)
        #expect(setup.preset == nil)
        #expect(setup.order == nil)
        #expect(setup.stepsFound.isEmpty)
        #expect(setup.coverage >= 0.9)
        let summary = SetupSummary.text(setup, out: "blog.yaml")
        #expect(summary.contains("funnel: none found"))
        #expect(summary.contains("without a shop"))
        #expect(setup.rules.contains { $0.rule.patternText == "/articles/*" })
    }
}
