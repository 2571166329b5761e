import JourneysCore

/// A customer as the history knows them: when they were first seen and how they first came.
package struct HistoryCustomer: Equatable, Hashable, Sendable, Codable {
    package var customer: Pseudonym
    /// The local day of their first visit (or, for an imported customer, of their first order).
    package var firstSeen: CivilDate
    /// The channel of that first visit; nil when unknown (imported orders carry no channel).
    package var firstChannel: Channel?

    package init(customer: Pseudonym, firstSeen: CivilDate, firstChannel: Channel?) {
        self.customer = customer; self.firstSeen = firstSeen; self.firstChannel = firstChannel
    }
}

/// An order as the history keeps it, for repeat purchases and customer value after the logs
/// that showed it have rotated away.
package struct HistoryOrder: Equatable, Hashable, Sendable, Codable {
    /// The shop's own order number, as in the logs' order parameter or the order table.
    package var id: String
    package var customer: Pseudonym
    /// Unix seconds.
    package var time: Int64
    package var valueCents: Int64
    /// The channel of the visit it was placed in; nil for an imported order.
    package var channel: Channel?

    package init(id: String, customer: Pseudonym, time: Int64, valueCents: Int64, channel: Channel?) {
        self.id = id; self.customer = customer; self.time = time; self.valueCents = valueCents; self.channel = channel
    }
}

/// How often a customer visited in one ISO week (for lifecycle: new, returning, resurrected,
/// dormant, lost).
package struct WeeklyVisits: Equatable, Hashable, Sendable {
    package var customer: Pseudonym
    package var week: ISOWeek
    package var visits: Int

    package init(customer: Pseudonym, week: ISOWeek, visits: Int) {
        self.customer = customer; self.week = week; self.visits = visits
    }
}

/// One period's key figures as its report gave them, for trends and year-over-year comparisons.
package struct KPISnapshot: Equatable, Sendable {
    /// The period's name: `2026-W47`, `2026-11`, `2026-11-02..2026-11-15`.
    package var period: String
    package var kind: Period.Kind
    package var first: CivilDate
    package var last: CivilDate
    /// True when the input ended before the period did: its counts cover fewer days.
    package var isPartial: Bool
    /// KPI id (`conversion_rate`) to value; KPIs the report had no value for are left out.
    package var kpis: [String: Double]
    /// report.json's schema version of the report the values come from.
    package var reportSchemaVersion: Int

    package init(period: String, kind: Period.Kind, first: CivilDate, last: CivilDate, isPartial: Bool,
                 kpis: [String: Double], reportSchemaVersion: Int) {
        self.period = period; self.kind = kind; self.first = first; self.last = last; self.isPartial = isPartial
        self.kpis = kpis; self.reportSchemaVersion = reportSchemaVersion
    }
}
