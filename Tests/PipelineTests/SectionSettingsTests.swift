import Foundation
import ReportModel
@testable import Pipeline
import Sections
import Testing

/// A section's settings in the pipeline config (`sections.<key>`): read into the run's table
/// for its fold, each key and value checked, with the file and line of a mistake.
@Suite struct SectionSettingsTests {
    /// A section with one setting, written here: what matters is the config it reads.
    enum Sample: ReportSection {
        typealias Fold = SampleFold
        typealias Settings = SampleSettings
        static let id = "sample-table"
        static let heading = "sample.title"
        static let resources = SectionResources(partial: [], words: [:], schema: Array(#"{"property": {}}"#.utf8))
        static func view(_ part: SampleRows, _ page: SectionPage) -> [String: Any] { [:] }
    }

    struct SampleSettings: SectionSettings {
        var rows = 10
        static let keys = ["rows"]
        init() {}
        init(from decoder: Decoder) throws {
            enum Keys: String, CodingKey { case rows }
            let c = try decoder.container(keyedBy: Keys.self)
            rows = try c.decodeIfPresent(Int.self, forKey: .rows) ?? rows
        }
    }

    struct SampleRows: ListPart, Equatable {
        static let key = "sampleTable"
        var rows: [Int]
    }

    struct SampleFold: SectionFold {
        init(zero context: FoldContext) {}
        mutating func add(_ person: PersonVisits, _ context: FoldContext) {}
        mutating func merge(_ other: SampleFold) {}
        func finish(_ context: inout FinishContext) -> SampleRows { SampleRows(rows: []) }
    }

    func parse(_ yaml: String) throws -> PipelineConfig {
        try ConfigLoader.parse(yaml, file: "p.yaml", sections: SectionList.folded + [Sample.self])
    }

    @Test func theConfigSetsTheSectionsSettingAndLeavesTheDefaultElsewhere() throws {
        #expect(try parse("sections:\n  sample_table:\n    rows: 3\n").sectionSettings[Sample.self].rows == 3)
        #expect(try parse("time_zone: UTC\n").sectionSettings[Sample.self].rows == 10)
        #expect(try parse("sections:\n  sample_table: {}\n").sectionSettings[Sample.self].rows == 10)
    }

    @Test(arguments: [
        ("sections:\n  sample_table:\n    rowz: 3\n", 3, "unknown key 'rowz' in sections.sample_table (expected one of: rows)"),
        ("sections:\n  nope: {}\n", 2, "unknown key 'nope' in sections"),
        ("sections:\n  sample_table:\n    rows: many\n", 3, "sections.sample_table.rows expects a value of type Int"),
        ("sections: 3\n", 1, "sections expects a mapping of keys"),
    ])
    func aMistakeNamesItsLine(yaml: String, line: Int, message: String) throws {
        do {
            _ = try parse(yaml)
            Issue.record("accepted \(yaml)")
        } catch let error as ConfigError {
            #expect(error.line == line, "\(error)")
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
