import Foundation
import Testing
@testable import History

/// Two runs on one history are refused: the second is told at once, and a refused lock closes
/// its own descriptor once and nothing else.
@Suite struct HistoryLockTests {
    typealias F = HistoryFixtures

    @Test func aSecondStoreOnTheSameFileIsRefusedUntilTheFirstEnds() throws {
        let path = try F.historyPath("lock")
        do {
            let first = try HistoryStore(path: path)
            #expect(FileManager.default.fileExists(atPath: path + ".lock"))
            #expect(throws: HistoryLockedError(path: path)) { try HistoryStore(path: path) }
            #expect(HistoryLockedError(path: path).description == "\(path): another journeys run is using this history; wait for it to finish")
            withExtendedLifetime(first) {}
        }
        // Granted again once the holder has ended, and another file is never affected.
        _ = try HistoryStore(path: path)
        let other = try F.historyPath("lock-other")
        let a = try HistoryStore(path: path), b = try HistoryStore(path: other)
        withExtendedLifetime((a, b)) {}
    }

    /// One thread is refused the lock again and again while another keeps opening a pipe and
    /// checking, before closing it, that both ends are still open. A refused lock that closed its
    /// number twice would close the pipe that took the number in between.
    @Test func refusedLocksCloseNoOtherDescriptor() throws {
        let path = try F.scratch("lock-refused") + "/journeys.sqlite"
        let held = try HistoryLock(historyFile: path)
        let attempts = 3000
        let done = Flag(), problems = Problems()
        let refuser = Thread {
            defer { done.set() }
            for _ in 0..<attempts {
                do {
                    _ = try HistoryLock(historyFile: path)
                    problems.add("a second lock on a held history was granted")
                    return
                } catch {}
            }
        }
        refuser.start()
        while !done.isSet {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { problems.add("pipe: \(String(cString: strerror(errno)))"); break }
            var open = ends
            for _ in 0..<20 {
                open = ends.filter { fcntl($0, F_GETFD) != -1 }
                if open.count < 2 { break }
            }
            if open.count < 2 { problems.add("descriptor \(ends.filter { !open.contains($0) }) was closed by someone else") }
            // Only what is still ours is closed; a lost number may belong to someone else now.
            for fd in open { close(fd) }
        }
        _ = consume held
        #expect(problems.all == [])
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Problems found on several threads.
final class Problems: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    /// Keeps the first few: one is enough to fail, and a broken lock finds thousands.
    func add(_ p: String) { lock.lock(); if list.count < 5 { list.append(p) }; lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
