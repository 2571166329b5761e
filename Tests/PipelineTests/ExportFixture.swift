import Foundation
import JourneysCore

/// A seeded export in the REES46 e-commerce schema (one row per event, purchases without an order
/// id), four weeks ending Sunday 2026-11-22, every row at its own second. Tests write it sorted by
/// time, shuffled, or sorted by customer, and compare the reports.
struct ExportFixture {
    static let header = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"
    /// 2026-10-26T00:00:00Z, the Monday four weeks before the end.
    static let start: Int64 = 1_792_972_800
    static let days: Int64 = 28

    struct Row {
        var time: Int64
        var user: Int
        var text: String
    }

    var rows: [Row] = []

    init(customers: Int = 300, seed: UInt64 = 2026) {
        var rng = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var taken = Set<Int64>()
        func freeSecond(_ t: Int64) -> Int64 {
            var t = t
            while !taken.insert(t).inserted { t += 1 }
            return t
        }
        for user in 0..<customers {
            let visits = 1 + below(4)
            for v in 0..<visits {
                let session = "s-\(user)-\(v)"
                var t = Self.start + Int64(below(Int(Self.days) * 86_400 - 4 * 3600))
                var kinds = Array(repeating: "view", count: 1 + below(6))
                if below(10) < 4 {
                    kinds.append("cart")
                    if below(10) < 4 { kinds.append("purchase") } else if below(10) < 3 { kinds.append("remove_from_cart") }
                }
                for kind in kinds {
                    t = freeSecond(t + Int64(5 + below(240)))
                    let product = 1000 + below(40)
                    let cents = 500 + below(20_000)
                    let price = "\(cents / 100).\(String(format: "%02d", cents % 100))"
                    let stamp = Self.format(t)
                    rows.append(Row(time: t, user: user,
                                    text: "\(stamp),\(kind),\(product),2053013552326770905,apparel.shoes,brand\(product % 7),\(price),\(500_000 + user),\(session)"))
                }
            }
        }
        // The last visit ends in the last hour of Sunday in Berlin, so W47 is complete.
        let last = Self.start + Self.days * 86_400 - 5_400
        for (k, kind) in ["view", "view"].enumerated() {
            rows.append(Row(time: last + Int64(k * 60), user: customers,
                            text: "\(Self.format(last + Int64(k * 60))),\(kind),1000,2053013552326770905,apparel.shoes,brand0,9.99,\(500_000 + customers),s-last"))
        }
    }

    /// `2026-11-16 09:05:03 UTC`
    static func format(_ t: Int64) -> String {
        let date = CivilDate.of(time: t, in: TimeZone(identifier: "UTC")!)
        let s = Int(((t % 86_400) + 86_400) % 86_400)
        return "\(date) " + String(format: "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) + " UTC"
    }

    var byTime: [Row] { rows.sorted { $0.time < $1.time } }
    var byCustomer: [Row] { rows.sorted { $0.user != $1.user ? $0.user < $1.user : $0.time < $1.time } }
    func shuffled(seed: UInt64) -> [Row] {
        var rng = SplitMix64(seed: seed)
        var out = rows
        for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        return out
    }

    /// Writes `rows` as `name` in a fresh folder and returns the folder.
    static func write(_ rows: [Row], name: String = "export.csv") throws -> String {
        let dir = try PipelineFixtures.scratch("export")
        let text = ([header] + rows.map(\.text)).joined(separator: "\n") + "\n"
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir
    }
}
