import Foundation
@testable import Setup
import Testing

/// `journeys init` on the six generated URL schemes, with no hand edits: at least 90% of page
/// views mapped to the right touchpoint, every funnel step the scheme has a page for found, and
/// the same orders and revenue as the truth. Each scheme is learned twice: as `init` runs by
/// default (the platform detected from its paths, its preset first) and from the paths alone.
@Suite struct SchemeLearningTests {
    static let cases: [(String, Bool)] = URLScheme.all.flatMap { [($0.name, true), ($0.name, false)] }

    @Test(arguments: cases)
    func learnsScheme(name: String, detect: Bool) throws {
        let scheme = URLScheme.all.first { $0.name == name }!
        let logs = SchemeLogs.generate(scheme)
        let e = try SchemeEvaluation.run(scheme, logs: logs, platform: detect ? .detect : .none)
        let truthCents = logs.orders.compactMap(\.cents).reduce(0, +)
        print("scheme \(name) \(detect ? "detected" : "learned"): platform \(e.setup.preset?.name ?? "none"), "
              + "right \(String(format: "%.1f", e.rightShare * 100))%, coverage \(String(format: "%.1f", e.setup.coverage * 100))%, "
              + "steps \(e.stepsFound.sorted()) of \(logs.steps.sorted()), orders \(e.orders)/\(logs.orders.count), "
              + "revenue \(e.revenueCents)/\(truthCents) cents, with value \(e.ordersWithValue)")
        if detect {
            #expect(e.setup.preset?.name == scheme.platform, "platform of \(name)")
        }
        #expect(e.rightShare >= 0.9, "\(name): \(e.rightShare) right\n\(e.yaml)")
        #expect(logs.steps.isSubset(of: e.stepsFound), "\(name): steps \(e.stepsFound) of \(logs.steps)")
        #expect(e.orders == logs.orders.count)
        #expect(e.ordersWithValue == logs.orders.filter { $0.cents != nil }.count)
        #expect(e.revenueCents == truthCents)
    }

    @Test func sameLogsSameConfig() throws {
        let logs = SchemeLogs.generate(.madeUp, visits: 300)
        let a = try SchemeEvaluation.run(.madeUp, logs: logs, platform: .detect)
        let b = try SchemeEvaluation.run(.madeUp, logs: logs, platform: .detect)
        #expect(a.yaml == b.yaml)
    }
}
