import Foundation
import JourneysCore
@testable import Sessionize
import Testing

/// Visits set down as they close come back whole, person by person: the same people, with the
/// same visits in the same order, as the journeys of the listed visits.
@Suite struct VisitSpillTests {
    /// Visits with every field set, of devices that log in, share a computer and buy.
    func visits() -> [Visit] {
        var rng = SplitMix64(seed: 7)
        var events: [Event] = []
        for n in 0..<400 {
            let device = 1 + rng.below(60)
            var e = event(t0 + Int64(n) * 97, device: device, path: UInt32(1 + rng.below(9)),
                          customer: rng.below(5) == 0 ? 1_000 + device % 7 : 0,
                          campaign: rng.below(9) == 0 ? utm(UInt32(2 + rng.below(3))) : nil)
            if e.campaign != nil, rng.below(2) == 0 {
                e.campaign?.clickID = .gclid
                e.campaign?.clickValue = 0x8000_0000_0000_0000 | rng.below(1_000)
                e.campaign?.termAndContent = 0xFFFF_0000_0000_0000 | rng.below(3)
            }
            if rng.below(11) == 0 { e.order = Order(id: Symbol(raw: UInt32(50 + n)), valueCents: Int64(rng.below(9_000)), isLineItem: n % 2 == 0) }
            if rng.below(13) == 0 { e.survey = SurveyAnswer(kind: [.nps, .csat, .ces][n % 3], score: n % 5) }
            if rng.below(7) == 0 { e.searchTerm = Symbol(raw: UInt32(80 + n % 4)) }
            if rng.below(17) == 0 { e.handlingSeconds = Int32(n) }
            e.referrerHost = Symbol(raw: UInt32(rng.below(3)))
            e.deviceClass = DeviceClass.allCases[Int(device % 3)]
            events.append(e)
        }
        return sessionize(events, rules: .ga4).visits
    }

    @Test(arguments: [1, 3, 8]) func peopleComeBackWhole(buckets: Int) throws {
        let listed = visits()
        let spill = try VisitSpill(temporaryDirectory: nil)
        // in closing order, as the sessionizer's sink hands them on
        for v in listed.sorted(by: { ($0.end, $0.device) < ($1.end, $1.device) }) { try spill.add(v) }
        #expect(spill.count == listed.count)
        let identity = (0..<1_000).map { Symbol(raw: UInt32($0)) }
        var people: [Pseudonym: [Visit]] = [:]
        for bucket in try spill.people(buckets: buckets, bucketBytes: 512) {
            for (person, visits) in try bucket.load(renumbering: identity) {
                #expect(people[person.id] == nil)
                people[person.id] = visits
            }
        }
        let journeys = JourneyBuilder.journeys(of: listed)
        #expect(people.count == journeys.count)
        for j in journeys { #expect(people[j.visitor] == j.visits.map { listed[$0] }) }
        #expect(journeys.contains { $0.visits.count > 1 })
        #expect(listed.contains { !$0.orders.isEmpty && !$0.surveys.isEmpty || !$0.searchTerms.isEmpty })
        #expect(listed.contains { ($0.campaign?.clickValue ?? 0) != 0 && ($0.campaign?.nameAndKeyword ?? 0) != 0 })
    }

    /// A killed run's spill folder is removed by the next run; a live process's and another
    /// prefix's stay.
    @Test func aDeadRunsFolderIsRemovedByTheNext() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spill-stale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        // a process id that cannot be running: above the kernel's largest (4,194,304)
        let dead = base + "/journeys-visits-99999999-abc123", live = base + "/journeys-visits-1-abc123"
        let other = base + "/journeys-shard-99999999-abc123"
        for folder in [dead, live, other] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder + "/visits", contents: Data([1, 2, 3]))
        }
        let spill = try VisitSpill(temporaryDirectory: base)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))   // process 1 runs
        #expect(FileManager.default.fileExists(atPath: other))
        _ = spill
    }

    @Test func symbolsAreRenumberedOnTheWayBack() throws {
        let listed = visits()
        let spill = try VisitSpill(temporaryDirectory: nil)
        for v in listed { try spill.add(v) }
        let shifted = (0..<1_000).map { Symbol(raw: $0 == 0 ? 0 : UInt32($0 + 1_000)) }
        let back = try spill.people(buckets: 1)[0].load(renumbering: shifted).flatMap(\.visits)
        #expect(back.count == listed.count)
        #expect(back.allSatisfy { $0.pages.allSatisfy { $0.raw > 1_000 } })
    }
}
