import JourneysCore

/// Groups visits into journeys, one per person. Who a visit's person is:
/// 1. the visit's customer, when someone was logged in during it;
/// 2. else the customer its device logged in as, when the device logged in as exactly one customer
///    among the visits given: its anonymous visits before and after the login join that journey;
/// 3. else the device itself. A device seen with two or more customers (a shared family computer)
///    is not guessed at: its logged-in visits go to their customers, its anonymous visits stay on
///    the device's own journey.
///
/// The rule depends only on the set of visits, not on their order, so the same window always gives
/// the same journeys.
package enum JourneyBuilder {
    /// Journeys of `visits` (for example as `Sessionizer.finish()` returns them), ordered by their
    /// first visit's start, then visitor; each journey's visit indexes are in time order.
    package static func journeys(of visits: [Visit]) -> [Journey] {
        // The customers each device logged in as: one, or several (`.none` marks "shared").
        var owner: [Pseudonym: Pseudonym] = [:]
        for v in visits where !v.customer.isNone {
            if let known = owner[v.device] {
                if known != v.customer { owner[v.device] = Pseudonym.none }
            } else {
                owner[v.device] = v.customer
            }
        }
        // Customers and devices are keyed apart, so a customer pseudonym can never merge with a
        // device pseudonym of the same value.
        var byPerson: [Person: [Int]] = [:]
        for (i, v) in visits.enumerated() {
            let person: Person
            if !v.customer.isNone {
                person = Person(id: v.customer, isCustomer: true)
            } else if let o = owner[v.device], !o.isNone {
                person = Person(id: o, isCustomer: true)
            } else {
                person = Person(id: v.device, isCustomer: false)
            }
            byPerson[person, default: []].append(i)
        }
        return byPerson
            .map { person, indexes in
                Journey(visitor: person.id, visits: indexes.sorted { a, b in
                    visits[a].start != visits[b].start ? visits[a].start < visits[b].start : a < b
                })
            }
            .sorted { a, b in
                let sa = visits[a.visits[0]].start, sb = visits[b.visits[0]].start
                if sa != sb { return sa < sb }
                if a.visitor != b.visitor { return a.visitor < b.visitor }
                return a.visits[0] < b.visits[0]
            }
    }

    private struct Person: Hashable {
        var id: Pseudonym
        var isCustomer: Bool
    }
}
