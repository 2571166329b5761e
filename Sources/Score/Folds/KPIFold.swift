import JourneysCore

/// The visit KPIs of the period and of the previous one, each counted over the visits that
/// start in it, so that the change between them is tested on the same definitions.
struct KPIFold: PersonFold {
    var current = KPICounts()
    var previous = KPICounts()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        current.add(person, range: context.period, lookback: context.lookback)
        if let range = context.previous { previous.add(person, range: range, lookback: context.lookback) }
    }

    mutating func merge(_ o: KPIFold) {
        current.merge(o.current)
        previous.merge(o.previous)
    }
}
