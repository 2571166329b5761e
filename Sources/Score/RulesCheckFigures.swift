import Sections
import JourneysCore
import Touchpoints
import ReportModel

/// Whether the report should say that its touchpoint rules, not the shop, may be what its figures
/// show (see `RulesWarning`): nil when the rules look sound.
enum RulesCheckFigures {
    /// Above this share of page views in "other" the rules miss too much of the shop.
    static let otherThreshold = 0.2

    /// From the rules' hits over the run's page views, the period's orders and those with a value.
    static func warning(_ accounting: InputAccounting, catalog: TouchpointCatalog, orders: Int, ordersWithValue: Int) -> RulesWarning? {
        let unmatched = accounting.unmatched.values.reduce(0, +)
        let views = accounting.ruleHits.reduce(unmatched, +)
        let otherShare = views == 0 ? 0 : Double(unmatched) / Double(views)
        var hitsOfStep: [FunnelStep: Int] = [:]
        for (name, hits) in zip(accounting.ruleNames, accounting.ruleHits) {
            if let step = catalog.entries.first(where: { $0.name == name && !$0.isOther })?.funnelStep {
                hitsOfStep[step, default: 0] += hits
            }
        }
        // A step no page view matched; orders alone make a purchase (the confirmation may go unmapped).
        let empty = FunnelStep.allCases.filter { step in
            (hitsOfStep[step] ?? 0) == 0 && !(step == .purchase && orders > 0)
        }.map(\.rawValue)
        let warning = RulesWarning(otherShare: otherShare, otherThreshold: otherThreshold, emptySteps: empty,
                                   orders: orders, ordersWithValue: ordersWithValue)
        return warning.tooMuchOther || !empty.isEmpty || warning.noOrderValues ? warning : nil
    }
}
