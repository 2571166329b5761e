import Foundation
import Testing

/// `journeys history clv` as a user runs it: the CDNOW sample imported as a shop's order table
/// gives back the parameters Fader, Hardie and Lee published; a bad date, a missing history and a
/// history too short to fit say so in one line.
@Suite(.serialized) struct HistoryCLVCommandTests {
    typealias Setup = HistoryCommandTests.Setup

    /// The CDNOW sample (Tests/CLVModelsTests/Fixtures): original id, customer id, YYYYMMDD, CDs, value.
    static let cdnow = PipelineFixtures.repo.appendingPathComponent("Tests/CLVModelsTests/Fixtures/CDNOW_sample.txt").path

    /// The sample as an order table: `customer_id,order_id,ordered_at,value`, the order id the
    /// customer and the line number. Dates without a time are days in the config's time zone.
    static func orderTable() throws -> [String] {
        let text = try String(contentsOfFile: cdnow, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).enumerated().map { number, line in
            let f = line.split(separator: " ")
            let day = f[2]
            return "\(f[1]),\(f[1])-\(number + 1),\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2)),\(f[4])"
        }
    }

    func setup() throws -> Setup { try HistoryCommandTests().setup() }

    func importCDNOW(_ s: Setup) throws {
        let csv = try s.orders(try Self.orderTable())
        let imported = try s.run(["import", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--orders", csv])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// As of the end of the calibration period, 1997-09-30: r 0.243, alpha 4.414, a 0.793, b 2.426
    /// (FHL 2005) and p 6.25, q 3.74, v 15.44 (Fader and Hardie 2013), each within 1%.
    @Test func cdnowGivesThePublishedParameters() throws {
        let s = try setup()
        try importCDNOW(s)
        let r = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--as-of", "1997-09-30", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("}\n") && r.stdout.split(separator: "\n").count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["customers"] as? Int == 2357)
        #expect(json["timeUnit"] as? String == "week")
        let bgnbd = try #require(json["bgnbd"] as? [String: Double]), gammaGamma = try #require(json["gammaGamma"] as? [String: Double])
        let published: [(String, Double?, Double)] = [
            ("r", bgnbd["r"], 0.243), ("alpha", bgnbd["alpha"], 4.414), ("a", bgnbd["a"], 0.793), ("b", bgnbd["b"], 2.426),
            ("p", gammaGamma["p"], 6.25), ("q", gammaGamma["q"], 3.74), ("v", gammaGamma["v"], 15.44),
        ]
        for (name, value, expected) in published {
            let v = try #require(value, "\(name) missing in \(r.stdout)")
            #expect(abs(v / expected - 1) <= 0.01, "\(name) = \(v), published \(expected)")
        }
        #expect(Set(json.keys) == ["customers", "timeUnit", "bgnbd", "gammaGamma"])

        // Without --json: the same fit for people, and the mean prediction.
        let text = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--as-of", "1997-09-30"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("CLV models on the orders up to 1997-09-30 (Europe/Berlin), time unit week: 2,357 customers, 946 with repeat purchases\n"))
        #expect(text.stdout.contains("BG/NBD (purchases): r \(bgnbd["r"]!), alpha \(bgnbd["alpha"]!)"))
    }

    @Test func aBadDateOrAMissingHistoryExitsWith2AndOneLine() throws {
        let s = try setup()
        let bad = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--as-of", "1997-09-31", "--json"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "journeys: error: --as-of expects a day as YYYY-MM-DD, found '1997-09-31'\n")
        #expect(bad.stdout == "")
        let missing = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--as-of", "1997-09-30"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "journeys: error: \(s.history): no history file here (journeys report and journeys history import write it)\n")
        // and it is not created by asking
        #expect(!FileManager.default.fileExists(atPath: s.history))
    }

    /// Before CDNOW's customers bought again there is nothing to fit: exit 1 and the reason.
    @Test func aHistoryTooShortExitsWith1AndTheReason() throws {
        let s = try setup()
        try importCDNOW(s)
        let r = try s.run(["clv", "--pipeline", PipelineFixtures.weeklyConfig, "--history", s.history, "--as-of", "1997-01-02", "--json"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("journeys: no stable fit of the CLV models as of 1997-01-02: history too short for a stable fit: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
