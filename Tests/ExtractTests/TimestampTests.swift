import Foundation
import Testing
@testable import Extract

/// The timestamp shapes every format uses.
@Suite struct TimestampTests {
    func iso(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBytes { FlexibleTimestamp.parseISO($0) } }
    func epoch(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBytes { FlexibleTimestamp.parseEpoch($0) } }
    func local(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBytes { LogTimestamp.parse($0) } }

    @Test func iso8601Shapes() {
        for s in ["2026-11-16T09:05:03Z", "2026-11-16T10:05:03+01:00", "2026-11-16T10:05:03+0100", "2026-11-16T04:05:03-05",
                  "2026-11-16 09:05:03 UTC", "2026-11-16 09:05:03", "2026-11-16T09:05:03.999Z", "2026-11-16T09:05:03,5z"] {
            #expect(iso(s) == defaultTime, "\(s)")
        }
        for s in ["2026-02-30T00:00:00Z", "2026-11-16T24:00:00Z", "2026-11-16T09:05:03+01:0", "2026-11-16T09:05", "2026-11-16T09:05:03 CET", "2026/11/16 09:05:03"] {
            #expect(iso(s) == nil, "\(s)")
        }
    }

    @Test func epochSecondsAndMilliseconds() {
        #expect(epoch("1794819903") == defaultTime)
        #expect(epoch("1794819903.250") == defaultTime)
        #expect(epoch("1794819903250") == defaultTime)
        #expect(epoch("-5") == nil)
        #expect(epoch("12a") == nil)
        #expect(epoch("") == nil)
    }

    @Test func accessLogTime() {
        #expect(local("16/Nov/2026:10:05:03 +0100") == defaultTime)
        #expect(local("16/nov/2026:04:05:03 -0500") == defaultTime)
        #expect(local("29/Feb/2026:10:05:03 +0100") == nil)
        #expect(local("16/Nov/2026:10:05:03") == nil)
    }

    /// Against Foundation's own writing of the same times, spread over a century, and
    /// every offset shape; any byte that is not a digit where one belongs is refused.
    @Test func accessLogTimeAgreesWithFoundation() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        var x: UInt64 = 42
        for _ in 0..<2_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let time = Date(timeIntervalSince1970: Double(Int64(x >> 32) % 3_155_760_000 - 946_684_800))  // 1940 to 2040
            let minutes = Int(x % 1_561) - 780  // -13:00 to +13:00
            formatter.timeZone = TimeZone(secondsFromGMT: minutes * 60)
            let text = formatter.string(from: time)
            #expect(local(text) == Int64(time.timeIntervalSince1970), "\(text)")
            var bytes = Array(text.utf8)
            let digitAt = [0, 1, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 22, 23, 24, 25][Int(x % 16)]
            bytes[digitAt] = [0x2F, 0x3A, 0x41, 0x20][Int(x >> 8 % 4)]
            #expect(bytes.withUnsafeBytes { LogTimestamp.parse($0) } == nil, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
