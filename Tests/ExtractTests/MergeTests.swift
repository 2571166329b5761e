import Foundation
import JourneysCore
import Testing
@testable import Extract

/// Several servers' files merged in time order, with and without the read-ahead thread.
@Suite struct MergeTests {
    func line(_ second: Int, _ path: String) -> String {
        let m = second / 60, s = second % 60
        return combined(time: "16/Nov/2026:10:\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s) +0100", request: "GET \(path) HTTP/1.1")
    }

    @Test(arguments: [false, true])
    func twoServersInterleaved(readAhead: Bool) throws {
        let folder = temporaryFolder()
        let a = writeLog("web1.log", [line(0, "/a0"), line(2, "/a1"), line(4, "/a2"), line(5, "/a3")], in: folder)
        let b = writeLog("web2.log", [line(1, "/b0"), line(3, "/b1"), line(5, "/b2"), line(6, "/b3")], in: folder)
        var options = ExtractOptions()
        options.readAhead = readAhead
        let r = try extract([a, b], options: options)
        // a tie (second 5) goes to the earlier file
        #expect(r.paths == ["/a0", "/b0", "/a1", "/b1", "/a2", "/a3", "/b2", "/b3"])
        #expect(r.quality.files.map(\.parsed) == [4, 4])
    }

    @Test func readAheadGivesTheSameStreamOverManyBatches() throws {
        let folder = temporaryFolder()
        var x: UInt64 = 42
        func next() -> Int { x = x &* 6364136223846793005 &+ 1442695040888963407; return Int(x >> 33) }
        var files: [String] = []
        for server in 0..<3 {
            var second = 0
            var lines: [String] = []
            for k in 0..<4000 {
                second += next() % 2
                lines.append(line(second % 3600, "/s\(server)/\(k)"))
                if k % 97 == 0 { lines.append("junk \(k)") }
            }
            files.append(writeLog("web\(server).log", lines, in: folder))
        }
        var on = ExtractOptions()
        on.readAhead = true
        var off = ExtractOptions()
        off.readAhead = false
        let a = try extract(files, options: on)
        let b = try extract(files, options: off)
        #expect(a.events.count == 12_000)
        #expect(a.paths == b.paths)
        #expect(a.events.map(\.time) == b.events.map(\.time))
        #expect(zip(a.events, a.events.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(a.quality == b.quality)
    }

    @Test func readAheadPassesErrorsOn() throws {
        var options = ExtractOptions()
        options.format = .csv
        options.readAhead = true
        #expect(throws: ExtractError.self) { try extract(lines: ["no,csv,header"], options: options) }
    }

    @Test func abandonedStreamDoesNotHang() throws {
        let lines = (0..<20_000).map { line($0 % 3600, "/p/\($0)") }
        var merged: MergedEvents? = try MergedEvents([InputFile(path: writeLog("a.log", lines))], options: ExtractOptions())
        #expect(try merged?.next() != nil)
        merged = nil  // the producer is told to stop; nothing waits for it
        #expect(merged == nil)
    }
}
