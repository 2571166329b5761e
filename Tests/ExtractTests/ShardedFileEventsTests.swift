import Foundation
import JourneysCore
import Testing
@testable import Extract

/// A large plain file parsed by several threads, part by part, gives the stream one reader
/// gives: the same events with the same symbols, the same counts, and the same samples with
/// their line numbers in the whole file.
@Suite struct ShardedFileEventsTests {
    /// 6,000 lines of several people in time order, with bad lines scattered through the file.
    static func log() -> [String] {
        var lines: [String] = []
        for i in 0..<6_000 {
            let second = i / 3
            let time = String(format: "16/Nov/2026:%02d:%02d:%02d +0100", 8 + second / 3600, (second / 60) % 60, second % 60)
            switch i % 997 {
            case 13: lines.append("garbage line \(i) from 198.51.100.\(i % 250)")
            case 501: lines.append(combined(ip: "203.0.113.\(i % 200)", time: time, request: "GET /p/\(i) HTTP/1.1", agent: "curl/8.0"))
            default:
                let path = ["/", "/c/shoes", "/p/a\(i % 37)", "/search?q=w\(i % 11)", "/cart", "/checkout/confirmation?order=o\(i)&value=12.5"][i % 6]
                lines.append(combined(ip: "203.0.113.\(i % 200)", user: i % 7 == 0 ? "cust\(i % 50)" : "-", time: time,
                                      request: "GET \(path) HTTP/1.1", referrer: i % 5 == 0 ? "https://www.google.com/" : "-"))
            }
        }
        return lines
    }

    @Test(arguments: [2, 3, 8]) func partsGiveTheStreamOfOneReader(shards: Int) throws {
        let file = writeLog("big.log", Self.log())
        var one = ExtractOptions()
        one.readAhead = false
        var many = one
        many.shards = shards
        many.shardPartBytes = 16 * 1024
        let a = try extract([file], options: one), b = try extract([file], options: many)
        #expect(a.events.count > 5_000)
        #expect(a.events == b.events)
        #expect(a.symbols.strings == b.symbols.strings)
        #expect(a.quality == b.quality)
        #expect(!(a.quality.samples[.malformed] ?? []).isEmpty)
        #expect(b.quality.samples[.malformed]?.first?.line == 14)  // line numbers in the whole file
    }

    @Test func aSmallFileIsReadWhole() throws {
        let file = writeLog("small.log", Array(Self.log().prefix(50)))
        var options = ExtractOptions()
        options.shards = 4
        let context = ExtractContext(options: options)
        #expect(try ShardedFileEvents.open(path: file, context: context) == nil)
    }
}
