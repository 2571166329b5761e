import Foundation
import JourneysCore
@testable import History

/// Scratch files, two weeks of facts and a dump of a history's content, for the history's tests.
enum HistoryFixtures {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A fresh, empty folder under the system's temporary folder.
    static func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("journeys-history-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A path for a history file that does not exist yet (nor does its folder).
    static func historyPath(_ name: String) throws -> String { try scratch(name) + "/history/journeys.sqlite" }

    /// Writes `lines` (joined by `separator`) to a file in a scratch folder.
    static func file(_ name: String, _ lines: [String], separator: String = "\n") throws -> String {
        let path = try scratch("file") + "/" + name
        try (lines.joined(separator: separator) + separator).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // Three customers; Ada's pseudonym has the high bit set, so it is negative as SQLite's INTEGER.
    static let ada = Pseudonym(raw: 0xF00D_CAFE_1234_5678)
    static let ben = Pseudonym(raw: 0x0000_0BEE_0000_0002)
    static let cy = Pseudonym(raw: 0x7FFF_FFFF_FFFF_FF03)

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static func week(_ text: String) -> ISOWeek { ISOWeek(text)! }
    /// Unix seconds of a UTC date-time `2026-11-10T09:30`.
    static func time(_ day: String, _ hour: Int, _ minute: Int = 0) -> Int64 {
        Int64(CivilDate(day)!.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60)
    }

    /// 2026-W46 (9 to 15 November): Ada (by e-mail) and Ben (direct) visit and order.
    static var week46: PeriodFacts {
        PeriodFacts(
            period: .isoWeek(year: 2026, week: 46),
            customers: [HistoryCustomer(customer: ada, firstSeen: day("2026-11-10"), firstChannel: .email),
                        HistoryCustomer(customer: ben, firstSeen: day("2026-11-12"), firstChannel: .direct)],
            orders: [HistoryOrder(id: "O-1", customer: ada, time: time("2026-11-10", 9, 30), valueCents: 4990, channel: .email),
                     HistoryOrder(id: "O-2", customer: ben, time: time("2026-11-12", 18), valueCents: 1500, channel: .direct)],
            weeklyVisits: [WeeklyVisits(customer: ada, week: week("2026-W46"), visits: 3),
                           WeeklyVisits(customer: ben, week: week("2026-W46"), visits: 1)],
            kpis: ["orders": 2, "conversion_rate": 0.05, "revenue": 64.9],
            reportSchemaVersion: 1)
    }

    /// 2026-W47 (16 to 22 November): Ada and Ben come back, Cy is new; Ben's confirmation page of
    /// O-2 is reloaded, so W47 sees O-2 again, later.
    static var week47: PeriodFacts {
        PeriodFacts(
            period: .isoWeek(year: 2026, week: 47),
            customers: [HistoryCustomer(customer: ada, firstSeen: day("2026-11-17"), firstChannel: .organicSearch),
                        HistoryCustomer(customer: ben, firstSeen: day("2026-11-16"), firstChannel: .direct),
                        HistoryCustomer(customer: cy, firstSeen: day("2026-11-18"), firstChannel: .paidSearch)],
            orders: [HistoryOrder(id: "O-2", customer: ben, time: time("2026-11-16", 8), valueCents: 1500, channel: .direct),
                     HistoryOrder(id: "O-3", customer: ada, time: time("2026-11-17", 12), valueCents: 2500, channel: .organicSearch),
                     HistoryOrder(id: "O-4", customer: cy, time: time("2026-11-18", 20, 15), valueCents: 9900, channel: .paidSearch)],
            weeklyVisits: [WeeklyVisits(customer: ada, week: week("2026-W47"), visits: 2),
                           WeeklyVisits(customer: ben, week: week("2026-W47"), visits: 1),
                           WeeklyVisits(customer: cy, week: week("2026-W47"), visits: 4)],
            kpis: ["orders": 2, "conversion_rate": 0.04, "revenue": 124],
            reportSchemaVersion: 1)
    }

    /// Every table's rows, each row as text, sorted; and the schema version. Two histories with
    /// the same dump hold the same content.
    static func dump(_ path: String) throws -> [String] {
        let db = try SQLiteConnection(path: path)
        var out = ["user_version \(try Migrations.version(of: db))"]
        let tables = try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows { $0.text(0) }
        for table in tables {
            let rows = try db.prepare("SELECT * FROM \(table)").rows { row in
                (0..<row.columnCount).map { row.value($0).description }.joined(separator: "|")
            }
            out += rows.map { "\(table): \($0)" }.sorted()
        }
        return out
    }

    /// Every (table, column) of the history that holds `value` (as a pseudonym: the integer,
    /// or its hex digits anywhere in a text).
    static func places(holding p: Pseudonym, in path: String) throws -> [String] {
        let db = try SQLiteConnection(path: path)
        let tables = try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").rows { $0.text(0) }
        var found: [String] = []
        let hex = String(p.raw, radix: 16)
        for table in tables {
            let columns = try db.prepare("SELECT name FROM pragma_table_info(?1)").rows(.text(table)) { $0.text(0) }
            for column in columns {
                let hits = try db.prepare("""
                    SELECT count(*) FROM \(table) WHERE \(column) = ?1 OR instr(lower(CAST(\(column) AS TEXT)), ?2) > 0
                        OR instr(CAST(\(column) AS TEXT), ?3) > 0
                    """).rows(.integer(Int64(bitPattern: p.raw)), .text(hex), .text(String(Int64(bitPattern: p.raw)))) { $0.int64(0) }
                if hits.first != 0 { found.append("\(table).\(column)") }
            }
        }
        return found
    }
}
