import JourneysCore
import ReportModel
import Touchpoints
import Sections

/// Support contacts and their handling times (docs/definitions.md "Support contacts"), this
/// period (0) and the previous one (1). Seconds add up as integers; AHT is divided in `finish`.
struct SupportFold: SectionFold {
    struct Times: Equatable, Codable {
        var contacts = 0
        var timed = 0
        var seconds: Int64 = 0
        /// Sum of squared seconds, for the spread of the handling times (the noise test of AHT).
        var squares: Int64 = 0

        mutating func add(_ s: Int32?) {
            contacts += 1
            guard let s else { return }
            let x = Int64(min(s, 1_000_000))
            timed += 1; seconds += x; squares += x * x
        }
        mutating func merge(_ o: Times) { contacts += o.contacts; timed += o.timed; seconds += o.seconds; squares += o.squares }
    }

    var total = [Times(), Times()]
    var orders = [0, 0]
    /// Handling times of this period's contacts, for the median.
    var handled: [Int32] = []
    /// Contacts per kind, channel and phase: `n` counts contacts, `visits` those with a handling
    /// time, `cents` their seconds (the fields of `RowCounts`, so that rows merge like any table's).
    var byKind = KeyedCounts<Int>()
    var byChannel = KeyedCounts<String>()
    var byPhase = KeyedCounts<String>()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        byKind.nextPerson(); byChannel.nextPerson(); byPhase.nextPerson()
        for (v, visit) in person.visits.enumerated() {
            guard let b = context.bucket(visit.start) else { continue }
            orders[b] += visit.orders.count
            let m = person.mapped[v]
            for c in m.contacts {
                total[b].add(c.seconds)
                guard b == 0 else { continue }
                if let s = c.seconds { handled.append(s) }
                // The phase the person was in: the touchpoint before the contact, else the contact's own.
                let before = c.page > 0 ? m.touchpoints[Int(c.page) - 1] : m.touchpoints[Int(c.page)]
                let phase = context.phaseOf[before].rawValue
                func count(_ row: inout RowCounts) {
                    if let s = c.seconds { row.visits += 1; row.cents += Int64(min(s, 1_000_000)) }
                }
                byKind.add(c.kind, count)
                byChannel.add(m.channel.rawValue, count)
                byPhase.add(phase, count)
            }
        }
    }

    mutating func merge(_ o: SupportFold) {
        for b in 0..<2 { total[b].merge(o.total[b]); orders[b] += o.orders[b] }
        handled += o.handled
        byKind.merge(o.byKind); byChannel.merge(o.byChannel); byPhase.merge(o.byPhase)
    }

    func finish(_ finishing: inout FinishContext) -> SupportInfo {
        let context = finishing.fold
        let k = context.settings.minPeople
        func aht(_ seconds: Int64, _ timed: Int) -> Double? { timed == 0 ? nil : rounded(Double(seconds) / Double(timed), 10) }
        func rows<K>(_ counts: KeyedCounts<K>, _ name: WithheldTable, id: (K) -> String, label: (K) -> String) -> [SupportInfo.Row] {
            let (top, withheld) = counts.top(.max, k: k)
            finishing.withhold(withheld, in: name)
            return top.map { SupportInfo.Row(id: id($0.key), label: label($0.key), contacts: $0.counts.n, timed: $0.counts.visits,
                                             people: $0.counts.people, ahtSeconds: aht($0.counts.cents, $0.counts.visits)) }
        }
        let t = total[0]
        let kinds = context.catalog.contactKinds
        return SupportInfo(
            contacts: t.contacts, timed: t.timed, unended: t.contacts - t.timed, ahtSeconds: aht(t.seconds, t.timed),
            medianSeconds: median(handled.map(Double.init)), contactsPerOrder: orders[0] == 0 ? nil : rounded(Double(t.contacts) / Double(orders[0])),
            byKind: rows(byKind, .supportByKind, id: { kinds[$0] }, label: { kinds[$0] }),
            byChannel: rows(byChannel, .supportByChannel, id: { $0 }, label: { Channel(rawValue: $0)?.label ?? $0 }),
            byPhase: rows(byPhase, .supportByPhase, id: { $0 }, label: { Phase(rawValue: $0)?.name ?? $0 }))
    }

    /// The handling times of one period as a sample (count, mean, standard deviation), for the
    /// noise test of AHT.
    func sample(_ b: Int) -> ValueSample? {
        let t = total[b]
        guard t.timed > 0 else { return nil }
        let n = Double(t.timed), mean = Double(t.seconds) / n
        let variance = t.timed > 1 ? max(0, (Double(t.squares) - n * mean * mean) / (n - 1)) : 0
        return ValueSample(count: t.timed, mean: rounded(mean, 100), standardDeviation: rounded(variance.squareRoot(), 100))
    }
}

extension SupportFold {
    init(zero context: FoldContext) { self.init() }
}
