import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Extract

/// Inputs that are not regular files are refused before anything opens them: the run reads each
/// input twice (timestamps for the plan, then events), a stream gives its lines once and a device
/// like `/dev/zero` never ends, so reading one would hang or run forever.
@Suite struct InputFilesTests {
    func refusal(_ input: String) -> String? {
        do {
            _ = try InputFiles.resolve([input])
            return nil
        } catch let error as ExtractError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
        let fifo = temporaryFolder() + "/pipe.log"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO with no writer blocks: an answer at all shows it was not opened.
        #expect(refusal(fifo) == "\(fifo): not a regular file (a FIFO or pipe); save the log to a file and give that file")
    }

    @Test func aFIFOInAFolderIsRefusedToo() throws {
        let folder = temporaryFolder()
        _ = writeLog("a.log", [combined()], in: folder)
        #expect(mkfifo(folder + "/b.log", 0o600) == 0)
        #expect(refusal(folder)?.hasPrefix(folder + "/b.log: not a regular file (a FIFO or pipe)") == true)
    }

    @Test func aDeviceIsRefused() {
        #expect(refusal("/dev/zero") == "/dev/zero: not a regular file (a device); save the log to a file and give that file")
    }

    @Test func standardInputIsRefusedByName() {
        #expect(refusal("-")?.hasPrefix("-: standard input is not read") == true)
    }

    @Test func aRegularFileAndASymlinkToOneAreRead() throws {
        let folder = temporaryFolder()
        let file = writeLog("a.log", [combined()], in: folder)
        let link = folder + "/link.log"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try InputFiles.resolve([file, link]) == [file, link])
    }
}
