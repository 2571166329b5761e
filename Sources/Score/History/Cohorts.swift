import JourneysCore
import ReportModel

/// Customers by the month of their first purchase, and the share of each cohort that bought again
/// in each month after: how well the shop keeps the customers it wins.
enum Cohorts {
    /// The cohorts of the 12 months up to the month of `asOf`, each with the share of its
    /// customers who ordered in its first month (always all of them) and in each month since,
    /// up to `asOf`'s month (months not reached yet are nil).
    static func table(_ orders: [HistoryFacts.Order], asOf: CivilDate, months: Int = 12) -> CohortTable {
        func monthIndex(_ d: CivilDate) -> Int { d.year * 12 + (d.month - 1) }
        let last = monthIndex(asOf)
        var first: [Pseudonym: Int] = [:]
        var active: [Pseudonym: Set<Int>] = [:]
        for o in orders where o.day <= asOf {
            let m = monthIndex(o.day)
            first[o.customer] = min(first[o.customer] ?? m, m)
            active[o.customer, default: []].insert(m)
        }
        var rows: [CohortTable.Row] = []
        for cohort in (last - months + 1)...last {
            let members = first.filter { $0.value == cohort }.map(\.key)
            guard !members.isEmpty else { continue }
            let buyers = (0..<months).map { k -> Int? in
                cohort + k > last ? nil : members.filter { active[$0]?.contains(cohort + k) == true }.count
            }
            rows.append(CohortTable.Row(cohort: String(format: "%04d-%02d", cohort / 12, cohort % 12 + 1), customers: members.count,
                                        buyers: buyers,
                                        shares: buyers.map { $0.map { rounded(Double($0) / Double(members.count)) } }))
        }
        return CohortTable(monthsSince: months, rows: rows)
    }
}
