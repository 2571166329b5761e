import Foundation
import Testing
@testable import Extract

/// Byte slices of a plain file, as a Spark job's map tasks read them: wherever the slices are
/// cut, every line is read by exactly one slice, whole, and each slice knows the file's first line.
@Suite struct PlainFileRangeTests {
    /// The lines a slice reads.
    static func lines(_ path: String, from: Int, to: Int) throws -> [String] {
        let range = try PlainFileRange.open(path: path, from: from, to: to, maxLineBytes: 1024)
        let reader = LineReader(source: range.source, maxLineBytes: 1024)
        var out: [String] = []
        while case .line(let l) = try reader.next() { out.append(String(decoding: l, as: UTF8.self)) }
        return out
    }

    @Test(arguments: [1, 7, 40, 333]) func slicesReadEveryLineOnce(step: Int) throws {
        let lines = ["", "first line", "b", "", "a much longer third line than the others", "c", "d", "last"]
        let path = writeLog("slices-\(step).log", lines)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        var read: [String] = []
        for from in stride(from: 0, to: size, by: step) {
            read += try Self.lines(path, from: from, to: from + step)
        }
        #expect(read == lines)
        let range = try PlainFileRange.open(path: path, from: 20, to: 30, maxLineBytes: 1024)
        #expect(range.firstLine?.bytes == Array("first line".utf8))
        #expect(range.firstLine?.number == 2)
        #expect(range.firstLine?.offset == 1)
    }

    @Test func aGzipFileIsRefused() throws {
        let path = writeFile("slices.log.gz", gzip(Array("a\nb\n".utf8)))
        #expect(throws: ExtractError.self) { _ = try PlainFileRange.open(path: path, from: 0, to: 2, maxLineBytes: 1024) }
    }
}
