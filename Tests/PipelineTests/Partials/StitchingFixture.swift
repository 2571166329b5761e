import Foundation
import JourneysCore

/// A week of a Combined log (2026-W47, UTC) whose people cross shards unless they are stitched:
/// a customer on a laptop and a phone, a family computer three people use, one order confirmed
/// on two devices, a crowd of anonymous visitors, bots and broken lines (more than the report
/// samples, so that the choice of samples crosses shards too).
enum StitchingFixture {
    /// Monday 2026-11-16 00:00 UTC.
    static let monday: Int64 = 1_794_787_200

    static func write(to path: String) throws {
        var lines: [(Int64, String)] = []
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func stamp(_ t: Int64) -> String {
            let d = CivilDate.of(time: t, in: TimeZone(identifier: "UTC")!)
            let s = Int(t % 86_400)
            return String(format: "%02d/%@/%04d:%02d:%02d:%02d +0000", d.day, months[d.month - 1], d.year, s / 3600, s / 60 % 60, s % 60)
        }
        func hit(_ t: Int64, _ ip: String, _ user: String, _ path: String, agent: String, referrer: String = "-") {
            lines.append((t, "\(ip) - \(user) [\(stamp(t))] \"GET \(path) HTTP/1.1\" 200 512 \"\(referrer)\" \"\(agent)\""))
        }
        let laptop = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
        let phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
        let day: Int64 = 86_400
        // alice: anonymous on the laptop, then logged in on it, then buys on her phone
        hit(monday + 9 * 3600, "10.0.0.1", "-", "/", agent: laptop, referrer: "https://www.google.com/")
        hit(monday + 9 * 3600 + 40, "10.0.0.1", "-", "/p/scarf", agent: laptop)
        hit(monday + day + 10 * 3600, "10.0.0.1", "alice", "/p/scarf", agent: laptop)
        hit(monday + day + 10 * 3600 + 30, "10.0.0.1", "alice", "/cart/add", agent: laptop)
        hit(monday + 2 * day + 20 * 3600, "10.0.0.2", "alice", "/cart", agent: phone)
        hit(monday + 2 * day + 20 * 3600 + 60, "10.0.0.2", "alice", "/checkout/payment", agent: phone)
        hit(monday + 2 * day + 20 * 3600 + 90, "10.0.0.2", "alice", "/checkout/confirmation?order=A-1&value=80.00", agent: phone)
        // the family computer: bob, then carol, then someone not logged in
        hit(monday + 3 * day + 8 * 3600, "10.0.0.3", "bob", "/p/hat", agent: chrome)
        hit(monday + 3 * day + 8 * 3600 + 20, "10.0.0.3", "bob", "/cart/add", agent: chrome)
        hit(monday + 3 * day + 19 * 3600, "10.0.0.3", "carol", "/p/gloves", agent: chrome)
        hit(monday + 3 * day + 19 * 3600 + 50, "10.0.0.3", "carol", "/checkout/confirmation?order=C-1&value=25.50", agent: chrome)
        hit(monday + 4 * day + 12 * 3600, "10.0.0.3", "-", "/", agent: chrome)
        // bob again, on his phone: his journey joins the family computer's group
        hit(monday + 5 * day + 7 * 3600, "10.0.0.9", "bob", "/checkout/confirmation?order=B-1&value=40.00", agent: phone)
        // one order confirmed on two devices (a link sent on): counted once, in the first visit
        hit(monday + 4 * day + 15 * 3600, "10.0.0.4", "-", "/checkout/confirmation?order=D-1&value=60.00", agent: chrome)
        hit(monday + 4 * day + 16 * 3600, "10.0.0.5", "-", "/checkout/confirmation?order=D-1&value=60.00", agent: laptop)
        // the crowd, bots and broken lines
        var rng = SplitMix64(seed: 47)
        let pages = ["/", "/p/scarf", "/p/hat", "/p/gloves", "/search?q=wool", "/cart/add", "/cart", "/checkout/payment"]
        for n in 0..<240 {
            let ip = "192.168.\(n / 200).\(n % 200 + 1)"
            var t = monday + Int64(rng.below(UInt64(7 * day - 4 * 3600)))
            let agent = n % 3 == 0 ? phone : chrome
            for _ in 0...rng.below(4) {
                hit(t, ip, "-", pages[Int(rng.below(UInt64(pages.count)))], agent: agent)
                t += Int64(10 + rng.below(300))
            }
            if rng.below(12) == 0 {
                hit(t, ip, "-", "/checkout/confirmation?order=R-\(n)&value=\(10 + rng.below(90)).00", agent: agent)
            }
        }
        for n in 0..<30 {
            let t = monday + Int64(n) * 20_000
            hit(t, "172.16.0.\(n)", "-", "/", agent: "Googlebot/2.1 (+http://www.google.com/bot.html)")
            lines.append((t, "broken line \(n) from 172.16.0.\(n)"))
        }
        let text = lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1).joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
