import JourneysCore

/// How far a visit went; what the report groups visits by.
package enum VisitOutcome: String, Sendable, Codable, CaseOrdered {
    case bounce, browse, cart, checkout, purchase
}

/// A visit seen through the touchpoint rules: its channel, its touchpoints in order and the
/// funnel steps it reached.
package struct MappedVisit: Sendable, Equatable {
    /// Index of the visit in the sessionizer's list.
    package var visit: Int
    package var channel: Channel
    /// Indexes into the `TouchpointCatalog`, one per page view.
    package var touchpoints: [Int]
    /// Funnel steps done in the visit, in any order.
    package var steps: Set<FunnelStep>
    package var outcome: VisitOutcome
    /// Support contacts in the visit (`support.contacts` of the config), in the order they started.
    package var contacts: [SupportContact] = []

    /// Did `step` or a later one in this visit: a purchase implies a checkout even when the
    /// source logs no checkout event, and the funnel never grows from one step to the next.
    package func reached(_ step: FunnelStep) -> Bool {
        steps.contains { $0 >= step }
    }
}
