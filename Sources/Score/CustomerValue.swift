import JourneysCore
import ReportModel

/// Customer lifetime value per docs/definitions.md "Customer lifetime value" (AOV x purchase frequency x lifespan),
/// for the customers each channel first brought and per spend tier. The logs cover weeks, not
/// years: purchase frequency is annualised from the observed window and the lifespan comes from
/// the config, and the report says both.
enum CustomerValue {
    struct Buyer {
        var firstChannel: Channel
        var orders: Int
        var revenueCents: Int64
    }

    /// People of the data window with their first channel, orders and revenue.
    static func people(_ input: ScoreInput, until end: Int64) -> (all: [Channel: Int], buyers: [Buyer]) {
        var acquired: [Channel: Int] = [:]
        var buyers: [Buyer] = []
        for journey in input.journeys {
            let visits = journey.visits.filter { input.visits[$0].start < end }
            guard let first = visits.first else { continue }
            let channel = input.mapped[first].channel
            acquired[channel, default: 0] += 1
            var orders = 0
            var cents: Int64 = 0
            for v in visits {
                for o in input.visits[v].orders {
                    orders += 1
                    cents += o.valueCents
                }
            }
            if orders > 0 { buyers.append(Buyer(firstChannel: channel, orders: orders, revenueCents: cents)) }
        }
        return (acquired, buyers)
    }

    static func clv(_ buyers: [Buyer], windowDays: Double, lifespanYears: Double) -> CLV? {
        let orders = buyers.reduce(0) { $0 + $1.orders }
        guard orders > 0, windowDays > 0 else { return nil }
        let revenue = Double(buyers.reduce(Int64(0)) { $0 + $1.revenueCents }) / 100
        let aov = revenue / Double(orders)
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

    static func section(_ input: ScoreInput, until end: Int64) -> CustomerValueInfo {
        let (acquired, buyers) = people(input, until: end)
        let start = input.visits.first.map(\.start) ?? end
        let windowDays = max(1, (Double(end - start) / 86_400).rounded(.up))
        let lifespan = input.customerLifespanYears
        let channels = Channel.allCases.compactMap { c -> CustomerValueInfo.ChannelValue? in
            guard let n = acquired[c] else { return nil }
            return .init(channel: c.rawValue, label: c.label, customers: n,
                         clv: clv(buyers.filter { $0.firstChannel == c }, windowDays: windowDays, lifespanYears: lifespan))
        }
        return CustomerValueInfo(windowDays: Int(windowDays), lifespanYears: lifespan, channels: channels,
                                 tiers: tiers(buyers, windowDays: windowDays, lifespanYears: lifespan),
                                 all: clv(buyers, windowDays: windowDays, lifespanYears: lifespan))
    }
}
