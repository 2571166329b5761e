import JourneysCore

/// Groups visits into journeys, one per person: a customer id beats a device. When a device's
/// visitor logs in, that device's visits, before and after, join the customer's journey.
package enum JourneyBuilder {
    package static func journeys(of visits: [Visit]) -> [Journey] {
        // The first customer each device logged in as.
        var owner: [Pseudonym: Pseudonym] = [:]
        for v in visits where !v.customer.isNone && owner[v.device] == nil {
            owner[v.device] = v.customer
        }
        var byPerson: [Pseudonym: [Int]] = [:]
        for (i, v) in visits.enumerated() {
            let person = !v.customer.isNone ? v.customer : (owner[v.device] ?? v.device)
            byPerson[person, default: []].append(i)
        }
        return byPerson
            .map { Journey(visitor: $0.key, visits: $0.value) }
            .sorted { a, b in
                let sa = visits[a.visits[0]].start, sb = visits[b.visits[0]].start
                return sa != sb ? sa < sb : a.visitor < b.visitor
            }
    }
}
