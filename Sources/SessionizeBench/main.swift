// `make bench`'s memory check of sessionize: feeds the same visitor population's synthetic traffic
// for N weeks through the sessionizer and prints peak RSS (getrusage ru_maxrss) and events per
// second. With the streaming sink (`--impl sink`) memory holds open visits only, so 1 and 4 weeks
// of the same people peak alike; `collect` keeps every visit for comparison; `none` times the
// traffic generator alone.
// usage: SessionizeBench [--weeks N] [--visitors N] [--impl sink|collect|none] [--seed S]
import Foundation
import HeapModule
import JourneysCore
import Sessionize
#if canImport(Glibc)
import Glibc
#endif

var weeks = 1, visitors = 100_000, impl = "sink", seed: UInt64 = 1
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--weeks": weeks = Int(args.next()!)!
    case "--visitors": visitors = Int(args.next()!)!
    case "--impl": impl = args.next()!
    case "--seed": seed = UInt64(args.next()!)!
    default: fatalError("unknown argument \(a)")
    }
}

/// The population: each visitor's next request time in a heap (memory ~ visitors, not weeks).
/// A visit has 1...8 requests 5 s to 5 min apart; the next visit comes 0 to 6 days later
/// (about one visit per visitor every 3 days); 30% of visits land with one of 20 campaigns,
/// 20% of visitors log in; request times are disordered by up to 60 s (within the tolerance).
struct Traffic {
    struct Next: Comparable {
        var time: Int64
        var visitor: Int32
        var left: Int32     // requests left in the current visit
        static func < (a: Next, b: Next) -> Bool { a.time != b.time ? a.time < b.time : a.visitor < b.visitor }
    }
    var rng: SplitMix64
    var heap: Heap<Next>
    let end: Int64

    init(visitors: Int, start: Int64, weeks: Int, seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var nexts: [Next] = []
        nexts.reserveCapacity(visitors)
        for v in 0..<visitors {
            nexts.append(Next(time: start + Int64(rng.below(6 * 86_400)), visitor: Int32(v), left: 0))
        }
        heap = Heap(nexts)
        end = start + Int64(weeks) * 7 * 86_400
    }

    mutating func next() -> Event? {
        guard var n = heap.popMin(), n.time < end else { return nil }
        let device = Pseudonym(raw: UInt64(n.visitor) + 1)
        var e = Event(time: n.time - Int64(rng.below(61)), device: device, path: Symbol(raw: UInt32(1 + rng.below(500))))
        if n.left == 0 {
            n.left = Int32(1 + rng.below(8))
            if rng.below(10) < 3 { e.campaign = Campaign(source: Symbol(raw: UInt32(1 + rng.below(20)))) }
        }
        if n.visitor % 5 == 0 && rng.below(2) == 0 { e.customer = Pseudonym(raw: UInt64(n.visitor) + 1 + (1 << 40)) }
        n.left -= 1
        n.time += n.left > 0 ? Int64(5 + rng.below(296)) : Int64(1800 + rng.below(6 * 86_400))
        heap.insert(n)
        return e
    }
}

func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}

let zone = TimeZone(identifier: "Europe/Berlin")!
let start: Int64 = 20_759 * 86_400 - 3600   // 2026-11-02 00:00 CET
var traffic = Traffic(visitors: visitors, start: start, weeks: weeks, seed: seed)
let rssBefore = peakRSSKiB()
var visits = 0, events = 0, peakOpen = 0
let clock = ContinuousClock()
let began = clock.now
switch impl {
case "sink", "collect":
    let s = impl == "sink" ? Sessionizer(rules: .matomo, timeZone: zone) { _ in visits += 1 }
                          : Sessionizer(rules: .matomo, timeZone: zone)
    while let e = traffic.next() { s.add(e); events += 1 }
    let list = s.finish()
    if impl == "collect" { visits = list.count }
    peakOpen = s.peakOpenVisits
case "none":   // the generator alone, to subtract its cost
    while let e = traffic.next() { events += 1; if e.time == 0 { visits += 1 } }
default:
    fatalError("--impl sink|collect|none")
}
let seconds = Double((clock.now - began).components.attoseconds) / 1e18 + Double((clock.now - began).components.seconds)
print("impl=\(impl) weeks=\(weeks) visitors=\(visitors) events=\(events) visits=\(visits) peak_open_visits=\(peakOpen) "
      + "seconds=\(String(format: "%.3f", seconds)) events_per_s=\(Int(Double(events) / seconds)) "
      + "peak_rss_kib=\(peakRSSKiB()) rss_before_kib=\(rssBefore)")
