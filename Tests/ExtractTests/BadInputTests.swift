import Foundation
import JourneysCore
import Testing
@testable import Extract

/// Every kind of bad input is counted by reason, sampled with its line number, and the run goes on.
@Suite struct BadInputTests {
    @Test func eachKindCountedWithLineNumbers() throws {
        var bytes: [UInt8] = []
        func add(_ s: String) { bytes += Array((s + "\n").utf8) }
        add(combined(request: "GET /a HTTP/1.1"))                                  // 1 ok
        add("this is not a log line")                                              // 2 malformed
        bytes += Array(#"203.0.113.7 - - [16/Nov/2026:10:05:03 +0100] "GET /caf"#.utf8) + [0xC3, 0x28]  // 3 invalid UTF-8
        bytes += Array(" HTTP/1.1\" 200 1 \"-\" \"Mozilla/5.0\"\n".utf8)
        add(combined(request: "GET /" + String(repeating: "a", count: 70_000) + " HTTP/1.1"))  // 4 too long
        add(combined(time: "99/Foo/2026:25:61:00 +0100"))                          // 5 bad timestamp
        add(combined(request: "GET /b HTTP/1.1"))                                  // 6 ok
        add(#"203.0.113.7 - - [16/Nov/2026:10:05:03 +0100] "GET /x HTTP/1.1" 200 235 "-" "Mozilla/5.0 (compatible"#)  // 7 unclosed quote
        add("")                                                                    // 8 empty
        add(combined(time: "30/Feb/2026:10:05:03 +0100"))                          // 9 no such day
        let r = try extract([writeFile("access.log", bytes)])
        let f = r.quality.files[0]
        #expect(f.read == 9)
        #expect(f.parsed == 2)
        #expect(f.count(.malformed) == 3)
        #expect(f.count(.invalidUTF8) == 1)
        #expect(f.count(.lineTooLong) == 1)
        #expect(f.count(.badTimestamp) == 2)
        #expect(f.rejected == 7)
        #expect(f.isBalanced)
        #expect(r.paths == ["/a", "/b"])
        #expect(r.quality.samples[.malformed]?.map(\.line) == [2, 7, 8])
        #expect(r.quality.samples[.invalidUTF8]?.map(\.line) == [3])
        #expect(r.quality.samples[.lineTooLong]?.map(\.line) == [4])
        #expect(r.quality.samples[.badTimestamp]?.map(\.line) == [5, 9])
        // samples are masked and cut
        let seven = try #require(r.quality.samples[.malformed]?.first { $0.line == 7 })
        #expect(!seven.text.contains("203.0.113.7"))
        #expect(seven.text.hasPrefix("[ip] - -"))
        #expect(r.quality.samples[.lineTooLong]?.first?.text.count ?? 999 <= 200)
        // invalid bytes are shown as \xNN, valid text around them stays
        #expect(r.quality.samples[.invalidUTF8]?.first?.text.contains(#""GET /caf\xC3( HTTP/1.1""#) == true)
    }

    @Test func atMostFiveSamplesPerReason() throws {
        let r = try extract(lines: (1...8).map { "garbage \($0) from alice@example.com" })
        #expect(r.quality.count(.malformed) == 8)
        #expect(r.quality.samples[.malformed]?.map(\.line) == [1, 2, 3, 4, 5])
        #expect(r.quality.samples[.malformed]?.allSatisfy { $0.text.contains("[e-mail]") && !$0.text.contains("alice") } == true)
    }

    @Test func overlongLineLongerThanTheReadBuffer() throws {
        // 1.5 MiB without a newline, more than the reader's buffer
        let long = combined(request: "GET /" + String(repeating: "x", count: 1_500_000) + " HTTP/1.1")
        let r = try extract(lines: [combined(request: "GET /a HTTP/1.1"), long, combined(request: "GET /b HTTP/1.1")])
        #expect(r.paths == ["/a", "/b"])
        #expect(r.quality.count(.lineTooLong) == 1)
        #expect(r.quality.samples[.lineTooLong]?.map(\.line) == [2])
    }

    @Test func lastLineWithoutNewlineIsRead() throws {
        let path = writeFile("access.log", Array((combined(request: "GET /a HTTP/1.1") + "\n" + combined(request: "GET /b HTTP/1.1")).utf8))
        let r = try extract([path])
        #expect(r.paths == ["/a", "/b"])
    }

    @Test func crlfLineEndings() throws {
        let path = writeFile("access.log", Array((combined(request: "GET /a HTTP/1.1") + "\r\n").utf8))
        let r = try extract([path])
        #expect(r.paths == ["/a"])
    }

    @Test func inputsThatStopTheRun() throws {
        let folder = temporaryFolder()
        #expect(throws: ExtractError.self) { try InputFiles.resolve([folder + "/missing.log"]) }
        #expect(throws: ExtractError.self) { try InputFiles.resolve([folder + "/*.log"]) }
        #expect(throws: ExtractError.self) { try InputFiles.resolve([folder]) }  // empty folder
        #expect(throws: ExtractError.self) { try FileEvents(path: folder, context: ExtractContext(options: ExtractOptions())) }
        writeLog("b.log", [combined()], in: folder)
        writeLog("a.log", [combined()], in: folder)
        #expect(try InputFiles.resolve([folder]) == [folder + "/a.log", folder + "/b.log"])
        #expect(try InputFiles.resolve([folder + "/*.log", folder + "/a.log"]) == [folder + "/a.log", folder + "/b.log"])
        let error = ExtractError(path: "x.log", reason: "matches no file")
        #expect(error.description == "x.log: matches no file")
    }
}
