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
}
