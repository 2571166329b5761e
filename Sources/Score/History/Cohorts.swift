import Sections
import JourneysCore
import ReportModel

/// Customers by the month of their first purchase, and the share of each cohort that bought again
/// in each month after: how well the shop keeps the customers it wins.
enum Cohorts {
    /// The cohorts of the 12 months up to the month of `asOf`, each with the share of its
    /// customers who ordered in its first month (always all of them) and in each month since,
    /// up to `asOf`'s month (months not reached yet are nil).
    static func table(_ history: CustomerHistory, asOf: CivilDate, months: Int = 12) -> CohortTable {
        func monthIndex(_ d: CivilDate) -> Int { d.year * 12 + (d.month - 1) }
        let last = monthIndex(asOf), lastDay = asOf.dayNumber
        let firstCohort = last - months + 1
        var members = [Int](repeating: 0, count: months)
        var buyers = [[Int]](repeating: [Int](repeating: 0, count: months), count: months)
        var active = [Bool](repeating: false, count: months)
        for k in 0..<history.count where history.firstDay(of: k) <= lastDay {
            let cohort = monthIndex(CivilDate(dayNumber: history.firstDay(of: k)))
            guard cohort >= firstCohort else { continue }
            let c = cohort - firstCohort
            members[c] += 1
            for m in active.indices { active[m] = false }
            for i in history.orders(of: k) where history.day(i) <= lastDay {
                let month = monthIndex(CivilDate(dayNumber: history.day(i))) - cohort
                if month < months { active[month] = true }
            }
            for m in 0..<months where active[m] { buyers[c][m] += 1 }
        }
        var rows: [CohortTable.Row] = []
        for c in 0..<months where members[c] > 0 {
            let cohort = firstCohort + c
            let counts = (0..<months).map { k -> Int? in cohort + k > last ? nil : buyers[c][k] }
            rows.append(CohortTable.Row(cohort: String(format: "%04d-%02d", cohort / 12, cohort % 12 + 1), customers: members[c],
                                        buyers: counts,
                                        shares: counts.map { $0.map { rounded(Double($0) / Double(members[c])) } }))
        }
        return CohortTable(monthsSince: months, rows: rows)
    }

    /// `table` of orders listed one by one (each order id once).
    static func table(_ orders: [HistoryFacts.Order], asOf: CivilDate, months: Int = 12) -> CohortTable {
        table(CustomerHistory(orders), asOf: asOf, months: months)
    }
}
