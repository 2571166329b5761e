import Foundation
import Testing
@testable import Pipeline

/// The output folder's lock, and above all its refusal: a refused lock closes its own
/// descriptor once and nothing else, even while other threads open and close files.
@Suite struct OutputLockTests {
    @Test func aHeldLockRefusesTheNextAndFreesTheFolderWhenItEnds() throws {
        let folder = try PipelineFixtures.scratch("lock-unit")
        do {
            let held = try OutputLock(folder: folder)
            #expect(throws: PublishError.self) { try OutputLock(folder: folder) }
            #expect(throws: PublishError.self) { try OutputLock(folder: folder) }
            withExtendedLifetime(held) {}
        }
        // Granted again once the holder has ended.
        _ = try OutputLock(folder: folder)
    }

    /// A symbolic link to a locked output folder takes the same lock.
    @Test func aLinkToAHeldFolderIsRefused() throws {
        let folder = try PipelineFixtures.scratch("lock-linked")
        let link = try PipelineFixtures.scratch("lock-link") + "/out"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        do {
            let held = try OutputLock(folder: folder)
            #expect(throws: PublishError.self) { try OutputLock(folder: link) }
            withExtendedLifetime(held) {}
        }
        do {
            let held = try OutputLock(folder: link)
            #expect(throws: PublishError.self) { try OutputLock(folder: folder) }
            withExtendedLifetime(held) {}
        }
    }

    /// One thread is refused the lock again and again, while another keeps opening a pipe and
    /// checking, until it closes it, that both ends are still open. A refused lock that closed its
    /// number a second time would close the pipe that took the number in between.
    @Test func refusedLocksCloseNoOtherDescriptor() throws {
        let folder = try PipelineFixtures.scratch("lock-refused")
        let held = try OutputLock(folder: folder)
        defer { withExtendedLifetime(held) {} }

        let attempts = 3000
        let done = Shared(false)
        let lost = Shared<[Int32]>([])
        let unexpected = Shared<[String]>([])
        ThreadsAtOnce.run(2) { i in
            if i == 0 {
                defer { done.with { $0 = true } }
                for _ in 0..<attempts {
                    do {
                        _ = try OutputLock(folder: folder)
                        unexpected.with { $0.append("a second lock on a held folder was granted") }
                        return
                    } catch {}
                }
                return
            }
            while !done.with({ $0 }) {
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else {
                    unexpected.with { $0.append("pipe: \(String(cString: strerror(errno)))") }
                    return
                }
                var open = ends
                for _ in 0..<20 {
                    open = ends.filter { fcntl($0, F_GETFD) != -1 }
                    if open.count < 2 { break }
                }
                if open.count < 2 { lost.with { $0 += ends.filter { !open.contains($0) } } }
                // Only what is still ours is closed; a lost number may belong to someone else now.
                for fd in open { close(fd) }
            }
        }
        #expect(unexpected.with { $0 } == [])
        #expect(lost.with { $0 } == [], "descriptors closed under their owner")
    }
}
