import Extract
import Foundation
import JourneysCore
import Pipeline
@testable import Setup
import Touchpoints

/// `journeys init` run on one generated scheme, and its result held against the truth: the
/// share of page views mapped to the right touchpoint, the funnel steps found, the orders and
/// revenue the written config reads.
struct SchemeEvaluation {
    var setup: ShopSetup
    var config: PipelineConfig
    var yaml: String
    /// Page views whose touchpoint is right: a touchpoint of the shop's roles (Home, Category,
    /// Search, Product, Add to cart, Cart, Checkout, Order confirmation) must carry that name; any
    /// other page must be in the learned touchpoint that holds most of its views, and be most of
    /// that touchpoint's views (so that neither lumping pages together nor splitting one page
    /// into many is counted right).
    var rightShare: Double
    var stepsFound: Set<String>
    var orders: Int
    var ordersWithValue: Int
    var revenueCents: Int64

    static let roleNames: Set<String> = ["Home", "Category", "Search", "Product", "Add to cart", "Cart", "Checkout", "Order confirmation"]

    static func run(_ scheme: URLScheme, logs: SchemeLogs, platform: PlatformChoice) throws -> SchemeEvaluation {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeys-setup-\(scheme.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("access.log").path
        try (logs.lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let setup = try ShopSetup.run(files: [log], platform: platform)
        let yaml = ConfigWriter.yaml(setup, inputs: ["access.log"])
        let configPath = dir.appendingPathComponent("shop.yaml").path
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: configPath)

        // Touchpoints of the truth's page views under the written rules.
        var mapper = try TouchpointMapper(rules: config.touchpointRules, unmatchedPhase: config.unmatchedPhase, channels: ChannelRules())
        var symbols = SymbolTable()
        var learned: [String] = []
        for t in logs.truth {
            let tp = mapper.touchpoint(of: symbols.intern(t.path), symbols: symbols)
            learned.append(mapper.catalog[tp].name)
        }
        var pairs: [String: [String: Int]] = [:]      // truth -> learned -> views
        var reverse: [String: [String: Int]] = [:]    // learned -> truth -> views
        for (t, l) in zip(logs.truth, learned) {
            pairs[t.touchpoint, default: [:]][l, default: 0] += 1
            reverse[l, default: [:]][t.touchpoint, default: 0] += 1
        }
        func top(_ d: [String: Int]) -> String? { d.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
        var right = 0
        for (t, l) in zip(logs.truth, learned) {
            if roleNames.contains(t.touchpoint) { if l == t.touchpoint { right += 1 } }
            else if l != "other" && top(pairs[t.touchpoint]!) == l && top(reverse[l]!) == t.touchpoint { right += 1 }
        }

        // Orders and revenue as the report reads them: extract with the written config.
        let files = try InputFiles.resolve(config.inputs)
        let options = config.extractOptions
        let scans = try InputScan.scan(files, options: options, tolerance: config.sessionRules.outOfOrderTolerance)
        let merged = try MergedEvents(scans.map(\.inputFile), options: options)
        var seen: [Symbol: (cents: Int64, hasValue: Bool)] = [:]
        while let e = try merged.next() {
            guard let o = e.order else { continue }
            if seen[o.id] == nil { seen[o.id] = (o.valueCents, o.hasValue) }
        }
        return SchemeEvaluation(setup: setup, config: config, yaml: yaml,
                                rightShare: Double(right) / Double(max(1, logs.truth.count)),
                                stepsFound: Set(setup.stepsFound.map(\.rawValue)),
                                orders: seen.count, ordersWithValue: seen.values.filter(\.hasValue).count,
                                revenueCents: seen.values.filter(\.hasValue).reduce(0) { $0 + $1.cents })
    }
}
