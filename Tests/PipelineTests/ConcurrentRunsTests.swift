import Foundation
import Testing
@testable import Pipeline

/// Several report runs in one process at once (as the test suites run them, and as a host
/// program might): each must read its own files whole, whatever the others open and close, and
/// one refused on a busy output folder meanwhile must not take another's files with it.
@Suite struct ConcurrentRunsTests {
    static let runs = 4
    static let files = ["index.html", "2026-W47/index.html", "2026-W47/report.json"]

    @Test func runsAtOnceWriteTheSameReportWhileAnotherIsRefused() throws {
        let (logs, summary) = try PipelineFixtures.demoLogs()
        let outputs = try (0..<Self.runs).map { try PipelineFixtures.scratch("concurrent-\($0)") }
        // A folder another run is writing to: every run started on it is refused its lock.
        let busy = try PipelineFixtures.scratch("busy")
        let held = try OutputLock(folder: busy)
        defer { withExtendedLifetime(held) {} }

        let failures = Shared<[String]>([])
        let finished = Shared(0)
        let refusals = Shared(0)
        ThreadsAtOnce.run(Self.runs + 1) { i in
            if i == Self.runs {
                // Refused, again and again, for as long as the runs work (the lock is the first
                // thing a run takes, so this is a run refused at its start).
                while finished.with({ $0 }) < Self.runs {
                    do {
                        _ = try OutputLock(folder: busy)
                        failures.with { $0.append("a lock on a held folder was granted") }
                        return
                    } catch is PublishError {
                        refusals.with { $0 += 1 }
                    } catch {
                        failures.with { $0.append("refused lock: \(error)") }
                        return
                    }
                }
                return
            }
            defer { finished.with { $0 += 1 } }
            do {
                _ = try ReportPipeline.run(PipelineFixtures.options(logs: logs, output: outputs[i]), environment: [:])
            } catch {
                failures.with { $0.append("run \(i): \(error)") }
            }
        }
        #expect(failures.with { $0 } == [])
        #expect(refusals.with { $0 } > 0)

        // Every run read every line of every file, none damaged.
        for out in outputs {
            try PipelineFixtures.checkSchema(output: out)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-W47/report.json"))) as! [String: Any]
            let input = json["input"] as! [String: Any]
            #expect(input["read"] as? Int == summary.days.reduce(0) { $0 + $1.lines }, "\(out)")
            let damaged = (input["files"] as! [[String: Any]]).compactMap { $0["damage"] as? String }
            #expect(damaged == [], "\(out)")
        }
        // And wrote the same bytes.
        for file in Self.files {
            let first = try Data(contentsOf: URL(fileURLWithPath: outputs[0] + "/" + file))
            for out in outputs.dropFirst() {
                #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)) == first, "\(file) differs between runs at once")
            }
        }
    }
}
