import Foundation
import History
import JourneysCore
import Pipeline
import Testing

/// `journeys history import|forget` as a user runs them: the built binary, its output, its exit
/// codes, and what the history file holds afterwards.
@Suite(.serialized) struct HistoryCommandTests {
    typealias Run = CrossProcessDeterminismTests
    static let key = "history-command-test-key"

    struct Setup {
        var journeys: String
        var dir: String
        var history: String
        var environment: [String: String]
        func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try Run.run(journeys, ["history"] + arguments, environment: environment, scratch: dir)
        }
        func orders(_ rows: [String]) throws -> String {
            let path = dir + "/orders-\(UInt32.random(in: 0...UInt32.max)).csv"
            try ((["customer_id,order_id,ordered_at,value"] + rows).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    func setup() throws -> Setup {
        guard let journeys = Run.binary() else {
            try RequiredTool.missing("the journeys binary is not built (`swift build --build-tests` builds it)")
        }
        let dir = try PipelineFixtures.scratch("history-cli")
        return Setup(journeys: journeys, dir: dir, history: dir + "/history/h.sqlite",
                     environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "JOURNEYS_PSEUDONYM_KEY": Self.key])
    }

    func person(_ id: String) -> Pseudonym { Pseudonym.customer(id, key: SipHash(secret: Self.key)) }

    @Test func importThenForget() throws {
        let s = try setup()
        let csv = try s.orders(["alice@example.com,A-1,2025-06-01,129.90", "bob,A-2,2025-06-02T10:20:30Z,5.00",
                                "alice@example.com,A-3,2025-07-01,10.00", "bob,A-2,2025-06-02T10:20:30Z,5.00"])
        let imported = try s.run(["import", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--orders", csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(csv): 4 rows, 3 orders added, 1 already known; history \(s.history)\n")
        do {
            // The customers are the pseudonyms of the environment's key, as the logs' would be.
            let store = try HistoryStore(path: s.history)
            let orders = try store.orders(before: .max)
            #expect(orders.map(\.id) == ["A-1", "A-2", "A-3"])
            #expect(orders.map(\.customer) == [person("alice@example.com"), person("bob"), person("alice@example.com")])
            // 2025-06-01 is a day in the config's time zone, Europe/Berlin: 22:00 UTC the day before.
            #expect(orders[0].time == 1_748_728_800)
        }
        let forgot = try s.run(["forget", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--customer", "alice@example.com"])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout == "forgot the customer in \(s.history): 2 orders, 0 weekly visit counts, 1 customer row\n")
        #expect(!forgot.stdout.contains("alice"))
        do {
            let store = try HistoryStore(path: s.history)
            #expect(try store.orders(before: .max).map(\.id) == ["A-2"])
            #expect(try store.customers().map(\.customer) == [person("bob")])
        }
        let again = try s.run(["forget", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--customer", "alice@example.com"])
        #expect(again.status == 0 && again.stdout == "the history \(s.history) holds nothing of this customer\n")
    }

    @Test func aBadRowExitsWith2AndOneLine() throws {
        let s = try setup()
        let csv = try s.orders(["alice,A-1,2025-06-01,129.90", "bob,A-2,2025-06-02,129,90"])
        let r = try s.run(["import", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--orders", csv])
        #expect(r.status == 2)
        #expect(r.stderr == "journeys: error: \(csv):3: expected 4 fields as the header has, found 5\n")
        #expect(r.stdout == "")
        #expect(try HistoryStore(path: s.history).orders(before: .max) == [])
    }

    @Test func aBadConfigExitsWith2() throws {
        let s = try setup()
        let config = s.dir + "/pipeline.yaml"
        try "history:\n  paht: x.sqlite\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try s.run(["forget", "--pipeline", config, "--history", s.history, "--customer", "alice"])
        #expect(r.status == 2)
        #expect(r.stderr == "journeys: error: \(config):2: unknown key 'paht' in history (expected one of: path)\n")
    }

    @Test func aHistoryInUseIsRefusedWith1() throws {
        let s = try setup()
        let held = try HistoryStore(path: s.history)
        let r = try s.run(["forget", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--customer", "alice"])
        withExtendedLifetime(held) {}
        #expect(r.status == 1)
        #expect(r.stderr == "journeys: error: \(s.history): another journeys run is using this history; wait for it to finish\n")
    }

    /// Without --history the config's history.path applies, relative to the config file.
    @Test func theConfigsHistoryPathIsTheDefault() throws {
        let s = try setup()
        let config = s.dir + "/pipeline.yaml"
        try "history:\n  path: kept/orders.sqlite\n".write(toFile: config, atomically: true, encoding: .utf8)
        let csv = try s.orders(["alice,A-1,2025-06-01,1.00"])
        // The config has no pseudonym key: the environment's is used.
        let r = try s.run(["import", "--pipeline", config, "--orders", csv])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: s.dir + "/kept/orders.sqlite"))
    }
}
