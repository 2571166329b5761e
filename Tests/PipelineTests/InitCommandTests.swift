import Foundation
import Pipeline
import Testing

/// `journeys init` and `journeys rules check` as a user meets them: the config written, the
/// summary, a config that loads, and one-line errors with exit code 2.
@Suite(.serialized) struct InitCommandTests {
    func journeys(_ arguments: [String], scratch: String) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = CrossProcessDeterminismTests.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        return try CrossProcessDeterminismTests.run(binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": scratch],
                                                    scratch: scratch)
    }

    /// A small shop's log: item pages, a POSTed add-to-cart, the cart, two checkout steps and a
    /// confirmation with an order id and value, for 60 visitors.
    func shopLog(_ dir: String) throws -> String {
        var lines: [String] = []
        for v in 0..<60 {
            var t = v * 50
            func hit(_ target: String, _ method: String = "GET") {
                t += 7
                lines.append("10.0.\(v / 200).\(v % 200) - - [16/Nov/2026:10:\(String(format: "%02d", t / 60 % 60)):\(String(format: "%02d", t % 60)) +0100] "
                             + "\"\(method) \(target) HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0\"")
            }
            hit("/")
            hit("/item/\(v % 12)-thing")
            hit("/item/\((v + 3) % 12)-thing")
            if v % 3 == 0 {
                hit("/basket/put", "POST"); hit("/basket")
                hit("/pay/address"); hit("/pay/review")
                hit("/pay/thanks?nr=\(9000 + v)&sum=\(10 + v).50")
            }
        }
        let path = dir + "/access.log"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func initWritesAConfigThatLoadsAndRulesCheckReadsIt() throws {
        let dir = try PipelineFixtures.scratch("cli-init")
        let log = try shopLog(dir)
        let out = dir + "/shop.yaml"
        guard let r = try journeys(["init", "--input", log, "--out", out], scratch: dir) else { return }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("purchase      /pay/thanks"))
        #expect(r.stdout.contains("orders: id in `nr`, value in `sum`"))
        let config = try ConfigLoader.load(path: out)
        #expect(config.orderIDParameter == "nr" && config.orderValueParameter == "sum")
        #expect(config.touchpointRules.contains { $0.patternText == "/item/*" && $0.funnelStep == .productView })
        #expect(config.inputs == [dir + "/access.log"])

        // the file is there: not replaced without --force
        guard let again = try journeys(["init", "--input", log, "--out", out], scratch: dir) else { return }
        #expect(again.status == 2)
        #expect(again.stderr == "journeys: error: \(out): exists; give --force to replace it\n")

        guard let check = try journeys(["rules", "check", "--pipeline", out], scratch: dir) else { return }
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("order confirmations with an order id: 20, with a value: 20"))
    }

    @Test func notAnAccessLogExitsWith2() throws {
        let dir = try PipelineFixtures.scratch("cli-init-csv")
        try "event_time,event_type\n2026-11-16 09:05:03 UTC,view\n".write(toFile: dir + "/e.csv", atomically: true, encoding: .utf8)
        guard let r = try journeys(["init", "--input", dir + "/e.csv", "--out", dir + "/x.yaml"], scratch: dir) else { return }
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("journeys: error: \(dir)/e.csv: no page views of an access log among 2 lines"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.yaml"))
        guard let missing = try journeys(["init", "--input", dir + "/nope.log", "--out", dir + "/x.yaml"], scratch: dir) else { return }
        #expect(missing.status == 2)
    }
}
