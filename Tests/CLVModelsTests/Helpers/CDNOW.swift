import CLVModels
import Foundation
import struct JourneysCore.CivilDate

/// The CDNOW sample as the `lifetimes` package ships it (Fixtures/CDNOW_sample.txt) and the summary
/// Fader, Hardie and Lee published for it (Fixtures/cdnow_customers_summary_with_transactions.csv).
enum CDNOW {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The end of the calibration period, 1997-09-30, the as-of day of the published fits.
    static let calibrationEnd = CivilDate(year: 1997, month: 9, day: 30).dayNumber

    struct FixtureError: Error { var line: String }

    /// The orders by customer (the file's second column, 1...2357, the published summary's ID).
    /// Each line: original id, customer id, date YYYYMMDD, number of CDs, value in dollars; CRLF ends.
    static func orders() throws -> [Int: [Order]] {
        let text = try String(contentsOf: folder.appendingPathComponent("CDNOW_sample.txt"), encoding: .utf8)
        var result: [Int: [Order]] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 5, let id = Int(fields[1]), let day = CivilDate(compact: fields[2])?.dayNumber,
                  let value = Double(fields[4]) else { throw FixtureError(line: String(line)) }
            result[id, default: []].append(Order(day: day, value: value))
        }
        return result
    }

    /// The published calibration summary: ID, x, t_x, T, zbar, rounded to two decimals.
    static func publishedSummaries() throws -> [Int: CustomerSummary] {
        let text = try String(contentsOf: folder.appendingPathComponent("cdnow_customers_summary_with_transactions.csv"),
                              encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        guard lines.removeFirst() == "ID,x,t_x,T,zbar" else { throw FixtureError(line: "header") }
        var result: [Int: CustomerSummary] = [:]
        for line in lines {
            let f = line.split(separator: ",")
            guard f.count == 5, let id = Int(f[0]), let x = Int(f[1]), let tx = Double(f[2]), let age = Double(f[3]),
                  let zbar = Double(f[4]) else { throw FixtureError(line: String(line)) }
            result[id] = CustomerSummary(frequency: x, recency: tx, age: age, monetaryValue: x > 0 ? zbar : nil)
        }
        return result
    }

    /// The calibration summaries as of 1997-09-30, by customer; computed once for all tests.
    static let calibration: [Int: CustomerSummary] = {
        CustomerSummary.summaries(of: try! orders(), asOf: calibrationEnd)
    }()

    /// Both fits on the calibration summaries; computed once for all tests.
    static let bgnbd = BGNBD.fit(calibration.values)
    static let gammaGamma = GammaGamma.fit(calibration.values)
}
