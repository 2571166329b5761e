import Foundation
import JourneysCore
import Testing
@testable import Extract

/// Random and mutated input never crashes extract, and every file keeps read = parsed + filtered + rejected.
@Suite struct FuzzTests {
    static let seeds: [[UInt8]] = [
        combined(request: "GET /p/x?utm_source=a&order=1&value=2.50 HTTP/1.1", referrer: "https://www.google.com/"),
        "shop.example.com:443 " + combined(ip: "2001:db8::1", agent: #"Mozilla \"x\" iPhone"#),
        #"{"type":"track","event":"Order Completed","anonymousId":"a\u00e9","timestamp":"2026-11-16T09:05:03Z","properties":{"order_id":"1","revenue":2.5,"x":[{"y":null}]}}"#,
        "2019-10-01 00:00:00 UTC,purchase,1,2,\"a,\"\"b\",brand,35.79,541312140,s-1",
        "1433221332117,257597,view,355908,",
    ].map { Array($0.utf8) }

    static func mutate(_ line: [UInt8], _ g: inout SplitMix64) -> [UInt8] {
        var b = line
        let interesting: [UInt8] = [0x22, 0x5C, 0x20, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3F, 0x26, 0x3D, 0x25, 0x2D, 0x00, 0xFF, 0xC3, 0xE2, 0x0D, 0x3A]
        for _ in 0..<Int.random(in: 1...4, using: &g) {
            guard !b.isEmpty else { break }
            let at = Int.random(in: 0..<b.count, using: &g)
            switch Int.random(in: 0..<6, using: &g) {
            case 0: b[at] = UInt8.random(in: 0...255, using: &g)
            case 1: b[at] = interesting.randomElement(using: &g)!
            case 2: b.insert(interesting.randomElement(using: &g)!, at: at)
            case 3: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...12, using: &g)))
            case 4: b.removeSubrange(at...)  // truncation
            default: b.insert(contentsOf: b[at..<min(b.count, at + 8)], at: at)
            }
        }
        return b.filter { $0 != 0x0A }
    }

    static func corpus(seed: UInt64, count: Int, header: String?) -> ([UInt8], Int) {
        var g = SplitMix64(seed: seed)
        var out: [UInt8] = header.map { Array(($0 + "\n").utf8) } ?? []
        var lines = header == nil ? 0 : 1
        for _ in 0..<count {
            switch Int.random(in: 0..<10, using: &g) {
            case 0:  // garbage
                out += (0..<Int.random(in: 0..<120, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }.filter { $0 != 0x0A }
            case 1:  // a valid line as it is
                out += seeds.randomElement(using: &g)!
            default:
                out += mutate(seeds.randomElement(using: &g)!, &g)
            }
            out.append(0x0A)
            lines += 1
        }
        return (out, lines)
    }

    static let formats: [(String, LogFormat, String?)] = [
        ("auto", .auto, nil),
        ("combined", .combined, nil),
        ("layout", .layout(#"$host:$server_port $remote_addr - $remote_user [$time_local] "$request" $status $bytes_sent "$http_referer" "$http_user_agent""#), nil),
        ("json", .json, nil),
        ("csv-rees46", .csv, "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session"),
        ("csv-retailrocket", .auto, "timestamp,visitorid,event,itemid,transactionid"),
    ]

    @Test(arguments: 0..<formats.count)
    func mutatedLinesKeepTheInvariant(format: Int) throws {
        let (name, logFormat, header) = Self.formats[format]
        let (bytes, lines) = Self.corpus(seed: 0xC0FFEE &+ UInt64(format), count: 3000, header: header)
        var options = ExtractOptions()
        options.format = logFormat
        let r = try extract([writeFile("\(name).log", bytes)], options: options)
        let f = r.quality.files[0]
        #expect(f.read == lines, "\(name)")
        #expect(f.isBalanced, "\(name)")
        #expect(f.parsed >= r.events.count)
        #expect(r.quality.samples.values.allSatisfy { $0.count <= 5 })
    }

    @Test func truncatedGzipAtEveryKindOfCut() throws {
        let (bytes, _) = Self.corpus(seed: 99, count: 400, header: nil)
        let gz = gzip(bytes)
        var g = SplitMix64(seed: 5)
        let folder = temporaryFolder()
        for k in 0..<25 {
            let cut = k == 0 ? 5 : Int.random(in: 1..<gz.count, using: &g)
            var damaged = Array(gz[0..<cut])
            if k % 3 == 1 { damaged += gz }  // a damaged member followed by a whole one
            let r = try extract([writeFile("cut\(k).gz", damaged, in: folder)])
            #expect(r.quality.files[0].isBalanced, "cut at \(cut)")
            #expect(cut == gz.count || r.quality.files[0].damage != nil, "cut at \(cut)")
        }
    }

    @Test func randomBytesInEveryFormat() throws {
        var g = SplitMix64(seed: 1234)
        for (name, logFormat, _) in Self.formats where logFormat != .csv {
            let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &g) }
            var options = ExtractOptions()
            options.format = logFormat
            let r = try extract([writeFile("\(name).bin", bytes)], options: options)
            let newlines = bytes.filter { $0 == 0x0A }.count
            #expect(r.quality.files[0].isBalanced)
            #expect(r.quality.files[0].read == newlines + (bytes.last == 0x0A ? 0 : 1), "\(name)")
        }
    }
}
