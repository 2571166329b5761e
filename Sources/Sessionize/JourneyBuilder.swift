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
        let owner = owners(visits.lazy.map { ($0.device, $0.customer) })
        var byPerson: [Person: [Int]] = [:]
        for (i, v) in visits.enumerated() {
            byPerson[person(device: v.device, customer: v.customer, owners: owner), default: []].append(i)
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

    /// The customer each device logged in as, from the visits' devices and customers: one, or
    /// `.none` for a device seen with two or more customers (shared).
    package static func owners(_ visits: some Sequence<(Pseudonym, Pseudonym)>) -> [Pseudonym: Pseudonym] {
        var owner: [Pseudonym: Pseudonym] = [:]
        for (device, customer) in visits where !customer.isNone {
            if let known = owner[device] {
                if known != customer { owner[device] = Pseudonym.none }
            } else {
                owner[device] = customer
            }
        }
        return owner
    }

    /// The person of a visit of `device`, logged in as `customer` (or `.none`), by the rule above.
    package static func person(device: Pseudonym, customer: Pseudonym, owners: [Pseudonym: Pseudonym]) -> Person {
        if !customer.isNone { return Person(id: customer, isCustomer: true) }
        if let o = owners[device], !o.isNone { return Person(id: o, isCustomer: true) }
        return Person(id: device, isCustomer: false)
    }

    /// Whose journey a visit is part of. Customers and devices are keyed apart, so a customer
    /// pseudonym can never merge with a device pseudonym of the same value.
    package struct Person: Hashable, Comparable, Sendable {
        package var id: Pseudonym
        package var isCustomer: Bool
        package static func < (a: Person, b: Person) -> Bool { (a.id, a.isCustomer ? 1 : 0) < (b.id, b.isCustomer ? 1 : 0) }
    }
}
