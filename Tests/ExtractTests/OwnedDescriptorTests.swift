import Foundation
import Testing
@testable import Extract

/// The descriptor type every input file is opened with, and the errors of opening.
@Suite struct OwnedDescriptorTests {
    @Test func aMissingFileThrowsTheSystemsReason() {
        let path = temporaryFolder() + "/missing.log"
        #expect(throws: OpenFailure(code: ENOENT)) { _ = try OwnedDescriptor(opening: path, flags: O_RDONLY) }
        #expect(OpenFailure(code: ENOENT).description == "No such file or directory")
        do {
            _ = try openByteSource(path: path)
            Issue.record("a missing file was opened")
        } catch {
            #expect("\(error)".hasSuffix("cannot open: No such file or directory"))
        }
    }

    @Test func anOpenDescriptorIsValidWhileItsOwnerLives() throws {
        let path = writeLog("a.log", ["x"])
        let fd = try OwnedDescriptor(opening: path, flags: O_RDONLY)
        #expect(fcntl(fd.raw, F_GETFD) != -1)
        var byte: UInt8 = 0
        #expect(pread(fd.raw, &byte, 1, 0) == 1 && byte == UInt8(ascii: "x"))
    }

    /// A program another thread starts while a log is open does not inherit the log.
    @Test func inputsAreClosedOnExec() throws {
        let source = try openByteSource(path: writeLog("a.log", ["x"]))
        let plain = try #require(source as? PlainSource)
        #expect(fcntl(plain.fd, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func aFolderIsRefusedAsAnInput() {
        let folder = temporaryFolder()
        do {
            _ = try openByteSource(path: folder)
            Issue.record("a folder was opened as a log")
        } catch {
            #expect("\(error)".hasSuffix("is a folder, expected a log file"))
        }
    }
}
