import JourneysCore

/// What one report period adds to the history, written by `HistoryStore.record` in one
/// transaction that first removes whatever the same period wrote before.
///
/// The facts are the period's own days only (not its lookback), so that consecutive periods do
/// not overlap: visit counts of periods that share days add up (see `HistoryStore.weeklyVisits`).
package struct PeriodFacts: Sendable {
    package var period: Period
    /// Every customer seen in the period, with the day and channel of their first visit in it.
    package var customers: [HistoryCustomer]
    package var orders: [HistoryOrder]
    /// Visits per customer and ISO week, counting the period's days only: a week that a month
    /// cuts in two gets part of its visits from each month.
    package var weeklyVisits: [WeeklyVisits]
    /// KPI id to value, as in the report (`kpis[].key`, `kpis[].value`).
    package var kpis: [String: Double]
    /// `ReportData.schemaVersion` of the report these facts come from.
    package var reportSchemaVersion: Int

    package init(period: Period, customers: [HistoryCustomer], orders: [HistoryOrder], weeklyVisits: [WeeklyVisits],
                 kpis: [String: Double], reportSchemaVersion: Int) {
        self.period = period; self.customers = customers; self.orders = orders; self.weeklyVisits = weeklyVisits
        self.kpis = kpis; self.reportSchemaVersion = reportSchemaVersion
    }

    /// The period's KPI snapshot as the history stores it.
    package var snapshot: KPISnapshot {
        KPISnapshot(period: period.description, kind: period.kind, first: period.first, last: period.last,
                    isPartial: period.isPartial, kpis: kpis, reportSchemaVersion: reportSchemaVersion)
    }
}
