import Foundation
import JourneysCore
import Testing
@testable import Extract

/// `.gz` inputs: detected by magic bytes, several members, damaged members.
@Suite struct GzipTests {
    let lines = (0..<6).map { combined(time: "16/Nov/2026:10:0\($0):03 +0100", request: "GET /p/\($0) HTTP/1.1") }

    @Test func plainAndGzipGiveTheSameEvents() throws {
        let folder = temporaryFolder()
        let plain = writeLog("access.log", lines, in: folder)
        let gz = writeFile("access.log.1", gzip(logText(lines)), in: folder)  // no .gz name: magic bytes decide
        let a = try extract([plain])
        let b = try extract([gz])
        #expect(a.paths == b.paths)
        #expect(a.events.map(\.time) == b.events.map(\.time))
        #expect(b.events.count == 6)
        #expect(b.quality.files[0].damage == nil)
    }

    @Test func multiMemberGzip() throws {
        let bytes = gzip(logText(Array(lines[0..<2]))) + gzip(logText(Array(lines[2..<5]))) + gzip(logText([lines[5]]))
        let r = try extract([writeFile("access.log.gz", bytes)])
        #expect(r.paths == (0..<6).map { "/p/\($0)" })
        #expect(r.quality.files[0].damage == nil)
        #expect(r.quality.files[0].isBalanced)
    }

    @Test func truncatedMemberIsCountedAndTheRunGoesOn() throws {
        let folder = temporaryFolder()
        // the last line is long and varied, so that half of its member still inflates to part of it
        var tail = "GET /p/tail?"
        var x: UInt64 = 7
        for _ in 0..<300 { x = x &* 6364136223846793005 &+ 1442695040888963407; tail += String(x >> 40, radix: 36) }
        let last = combined(time: "16/Nov/2026:10:09:03 +0100", request: tail + " HTTP/1.1")
        let second = gzip(logText([last]))
        let bytes = gzip(logText(Array(lines[0..<2]))) + Array(second[0..<(second.count / 2)])
        let damaged = writeFile("a.log.gz", bytes, in: folder)
        let fine = writeLog("b.log", [lines[3]], in: folder)
        let r = try extract([damaged, fine])
        let f = r.quality.files[0]
        #expect(f.read == 3)
        #expect(f.parsed == 2)
        #expect(f.count(.truncated) == 1)
        #expect(f.damage != nil)
        #expect(r.quality.samples[.truncated]?.map(\.line) == [3])
        #expect(r.quality.files[1].parsed == 1)
        #expect(r.paths == ["/p/0", "/p/1", "/p/3"])
    }

    @Test func corruptGzipDataIsDamageNotACrash() throws {
        var bytes = gzip(logText(lines))
        for i in 20..<40 { bytes[i] ^= 0x5A }
        let r = try extract([writeFile("access.log.gz", bytes)])
        #expect(r.quality.files[0].damage != nil)
        #expect(r.quality.files[0].isBalanced)
    }
}
