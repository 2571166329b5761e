/// Abandoned carts followed per customer: which came back to buy, how fast, and through what.
package struct CartRecoveryInfo: Codable, Equatable, Sendable {
    package struct Source: Codable, Equatable, Sendable {
        package var id: String
        package var label: String
        package var carts: Int
        package var people: Int
        package var share: Double
        package init(id: String, label: String, carts: Int, people: Int, share: Double) {
            self.id = id; self.label = label; self.carts = carts; self.people = people; self.share = share
        }
    }
    /// `carts.recovery_days`.
    package var recoveryDays: Int
    /// The local days of the carts followed: the period moved back by `recoveryDays`, so that
    /// every cart's window has closed by the period's end.
    package var cohortFirst: String
    package var cohortLast: String
    /// Visits with an add-to-cart in the cohort days, and those without an order.
    package var carts: Int
    package var abandoned: Int
    package var recovered: Int
    package var people: Int
    package var peopleAbandoned: Int
    /// Channels and landing touchpoints of the visits in which recovered carts were bought.
    package var byChannel: [Source]
    package var byTouchpoint: [Source]
    package init(recoveryDays: Int, cohortFirst: String, cohortLast: String, carts: Int, abandoned: Int, recovered: Int,
                 people: Int, peopleAbandoned: Int, byChannel: [Source], byTouchpoint: [Source]) {
        self.recoveryDays = recoveryDays; self.cohortFirst = cohortFirst; self.cohortLast = cohortLast; self.carts = carts
        self.abandoned = abandoned; self.recovered = recovered; self.people = people; self.peopleAbandoned = peopleAbandoned
        self.byChannel = byChannel; self.byTouchpoint = byTouchpoint
    }
}
