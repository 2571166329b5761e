import JourneysCore
import ReportModel
import Touchpoints

/// The purchase funnel per channel and per device class, side by side: per segment the period's
/// visits, their people and the visits that reached each step.
struct SegmentFunnelFold: SectionFold {
    struct Counts: Equatable, Codable {
        var visits = 0
        var people = 0
        var steps = [0, 0, 0, 0]
        mutating func merge(_ o: Counts) { visits += o.visits; people += o.people; for i in 0..<4 { steps[i] += o.steps[i] } }
        /// One more visit, which reached the steps whose bits are set in `reached` (bit i: step i).
        mutating func add(reached: UInt8, newPerson: Bool) {
            visits += 1
            if newPerson { people += 1 }
            for s in 0..<4 where reached & (1 << s) != 0 { steps[s] += 1 }
        }
    }
    var byChannel: [Channel: Counts] = [:]
    var byDevice: [DeviceClass: Counts] = [:]

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        var seenChannels = Set<Channel>(), seenDevices = Set<DeviceClass>()
        for (i, visit) in person.visits.enumerated() where context.period.contains(visit.start) {
            let m = person.mapped[i]
            var reached: UInt8 = 0
            for (s, step) in FunnelStep.allCases.enumerated() where m.reached(step) { reached |= 1 << s }
            // the row is changed where it stands: a copy of it would copy its steps too
            func count<K: Hashable>(_ table: inout [K: Counts], _ key: K, _ seen: inout Set<K>) {
                table[key, default: Counts()].add(reached: reached, newPerson: seen.insert(key).inserted)
            }
            count(&byChannel, m.channel, &seenChannels)
            count(&byDevice, visit.deviceClass, &seenDevices)
        }
    }

    mutating func merge(_ o: SegmentFunnelFold) {
        for (k, c) in o.byChannel { byChannel[k, default: Counts()].merge(c) }
        for (k, c) in o.byDevice { byDevice[k, default: Counts()].merge(c) }
    }

    /// The segments about at least `privacy.min_people` people, most visits first (ties by id).
    func finish(_ finishing: inout FinishContext) -> SegmentFunnels {
        let k = finishing.fold.settings.minPeople
        func rows<K: RawRepresentable<String>>(_ table: [K: Counts], _ name: WithheldTable, label: (String) -> String) -> [SegmentFunnel] {
            finishing.withhold(table.values.filter { $0.people < k }.count, in: name)
            return table.filter { $0.value.people >= k }
                .map { key, c in
                    SegmentFunnel(id: key.rawValue, label: label(key.rawValue), visits: c.visits, people: c.people, steps: c.steps,
                                  conversionRate: ratio(c.steps[3], c.visits) ?? 0, interval: Intervals.wilson(c.steps[3], c.visits))
                }
                .sorted { $0.visits != $1.visits ? $0.visits > $1.visits : $0.id < $1.id }
        }
        return SegmentFunnels(byChannel: rows(byChannel, .funnelsByChannel) { Channel(rawValue: $0)?.label ?? $0 },
                              byDevice: rows(byDevice, .funnelsByDevice) { $0 })
    }
}

extension SegmentFunnelFold {
    init(zero context: FoldContext) { self.init() }
}
