import Sections
import JourneysCore
import ReportModel

/// Customer lifetime value per docs/definitions.md "Customer lifetime value" (AOV x purchase frequency x lifespan),
/// for the customers each channel first brought and per spend tier. The logs cover weeks, not
/// years: purchase frequency is annualised from the observed window and the lifespan comes from
/// the config, and the report says both.
enum CustomerValue {
    struct Buyer: Codable {
        var firstChannel: Channel
        var orders: Int
        var revenueCents: Int64
        /// Orders with a value, for the AOV; nil when every order has one.
        var valuedOrders: Int? = nil
    }

    static func clv(_ buyers: [Buyer], windowDays: Double, lifespanYears: Double) -> CLV? {
        let orders = buyers.reduce(0) { $0 + $1.orders }
        guard orders > 0, windowDays > 0 else { return nil }
        let revenue = Double(buyers.reduce(Int64(0)) { Cents.add($0, $1.revenueCents) }) / 100
        let valued = buyers.reduce(0) { $0 + ($1.valuedOrders ?? $1.orders) }
        guard valued > 0 else { return nil }
        let aov = revenue / Double(valued)
        let perYear = Double(orders) / Double(buyers.count) * 365 / windowDays
        return CLV(buyers: buyers.count, aov: rounded(aov, 100), purchasesPerYear: rounded(perYear, 100),
                   value: rounded(aov * perYear * lifespanYears, 100))
    }

    /// Spend tiers: buyers ranked by revenue, split into thirds, each with its CLV.
    static func tiers(_ buyers: [Buyer], windowDays: Double, lifespanYears: Double) -> [CustomerValueInfo.Tier] {
        let ranked = buyers.sorted { $0.revenueCents > $1.revenueCents }
        let third = (ranked.count + 2) / 3
        return ["high", "medium", "low"].enumerated().compactMap { k, name -> CustomerValueInfo.Tier? in
            let slice = Array(ranked.dropFirst(k * third).prefix(third))
            guard !slice.isEmpty else { return nil }
            return .init(tier: name, minRevenue: Double(slice.last!.revenueCents) / 100,
                         clv: clv(slice, windowDays: windowDays, lifespanYears: lifespanYears))
        }
    }
}
