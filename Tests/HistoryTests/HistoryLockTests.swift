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

    /// The lock belongs to the file, not to the name it is given: a symbolic link to the history,
    /// or to its folder, and a hard link (another name of the same file) are refused while it is
    /// held, and a new history made through a link is the file's.
    @Test func aLinkToAHeldHistoryIsRefused() throws {
        let path = try F.historyPath("lock-links")
        let dir = try F.scratch("lock-links-elsewhere")
        let symbolic = dir + "/symbolic.sqlite", hard = dir + "/../" + URL(fileURLWithPath: dir).lastPathComponent + "-hard.sqlite"
        let folderLink = dir + "/folder"
        do {
            let first = try HistoryStore(path: path)
            try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: path)
            try FileManager.default.createSymbolicLink(atPath: folderLink, withDestinationPath: (path as NSString).deletingLastPathComponent)
            #expect(link(path, hard) == 0)
            #expect(throws: HistoryLockedError(path: symbolic)) { try HistoryStore(path: symbolic) }
            #expect(throws: HistoryLockedError(path: hard)) { try HistoryStore(path: hard) }
            #expect(throws: HistoryLockedError(path: folderLink + "/journeys.sqlite")) { try HistoryStore(path: folderLink + "/journeys.sqlite") }
            withExtendedLifetime(first) {}
        }
        // each name is granted once the holder has ended
        for name in [symbolic, hard, path] { _ = try HistoryStore(path: name) }
    }

    /// An empty file is not a new history: it is refused, said what it is, and left as it is.
    @Test func anEmptyFileIsNotANewHistory() throws {
        let path = try F.historyPath("lock-empty")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: HistoryError(file: path, message: "empty (0 bytes): not a journeys history; delete it to start a new one")) {
            try HistoryStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        // a missing file is a new history
        try FileManager.default.removeItem(atPath: path)
        _ = try HistoryStore(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 0)
    }

    /// The change counter moves with each commit, and a transaction left open is seen as one
    /// SQLite will roll back (the publish journal tells a finished publish from a killed one by it).
    @Test func theCommitStateMovesWithEachCommit() throws {
        let path = try F.historyPath("commit-state")
        let store = try HistoryStore(path: path)
        let before = try #require(HistoryStore.commitState(ofFile: path))
        #expect(!before.pendingRollback)
        try store.db.execute("INSERT INTO kpi_snapshots (period, kind, first_day, last_day, partial, report_schema_version, kpis) VALUES ('2026-W01', 'week', '2025-12-29', '2026-01-04', 0, 1, '{}')")
        let after = try #require(HistoryStore.commitState(ofFile: path))
        #expect(after.changeCounter != before.changeCounter)
        #expect(HistoryStore.commitState(ofFile: path + ".missing") == nil)
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
