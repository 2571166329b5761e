import Foundation
import ReportModel

/// A report section that is one folder (`Sources/Sections/<Name>/`): its fold of people, its part
/// of report.json under its own key, the view its partial shows, and in the folder's `Resources/`
/// its partial, its words in every language and the JSON Schema of its part. One line of
/// `SectionList.all` puts it on the page; score folds it, report.json writes and reads it, the
/// schema describes it and the page draws it without knowing it by name.
package protocol ReportSection: SendableMetatype {
    associatedtype Fold: SectionFold where Fold.Output == Part
    associatedtype Part: ReportPart & Equatable
    /// Its settings, read from the config's `sections.<configKey>` mapping.
    associatedtype Settings: SectionSettings = NoSettings
    /// The section's anchor on the page and the name of its partial (`sections/<id>`).
    static var id: String { get }
    /// The catalogue key of its heading.
    static var heading: String { get }
    /// Its partial, words and schema, embedded from its folder by the build.
    static var resources: SectionResources { get }
    /// The tables of its part that withhold rows about too few people, with the catalogue key of
    /// the name the data-quality section gives each, in page order.
    static var withheldTables: [(table: WithheldTable, label: String)] { get }
    /// The values its partial shows: numbers formatted and words looked up in `page`; text from
    /// the logs is cleaned (`Markup.clean`) here and escaped by the template.
    static func view(_ part: Part, _ page: SectionPage) -> [String: Any]
}

extension ReportSection {
    package static var withheldTables: [(table: WithheldTable, label: String)] { [] }

    /// The key of its settings under `sections` in the pipeline config: its id in snake case.
    package static var configKey: String { id.replacingOccurrences(of: "-", with: "_") }

    /// The report.json key of its part.
    package static var partKey: String { Part.key }

    /// The type of its part, for a reader of report.json (`ReportData.decoded`).
    package static var partType: any ReportPart.Type { Part.self }

    /// Its view, when the report has its part.
    package static func view(of parts: ReportParts, _ page: SectionPage) -> [String: Any]? {
        parts[Part.self].map { view($0, page) }
    }
}

/// What a section's folder holds besides Swift, as the build embeds it (`embedInCode` of the
/// folder's `Resources/`): the mustache partial of its body, its catalogue of words per locale
/// (the same JSON as `report-templates/strings/<locale>.json`, under the section's own key
/// prefix) and the JSON Schema (draft 2020-12) of its part of report.json.
package struct SectionResources: Sendable {
    package var partial: String
    /// Catalogue JSON by locale.
    package var words: [String: String]
    package var schema: String

    package init(partial: [UInt8], words: [String: [UInt8]], schema: [UInt8]) {
        self.partial = String(decoding: partial, as: UTF8.self)
        self.words = words.mapValues { String(decoding: $0, as: UTF8.self) }
        self.schema = String(decoding: schema, as: UTF8.self)
    }
}

/// What a section's view writes with: the page's words and number formats, and the report's
/// one ledger of withheld rows, for the note under a table that withheld some.
package struct SectionPage {
    package var labels: PageLabels
    package var suppressed: Suppressed?

    package init(labels: PageLabels, suppressed: Suppressed?) { self.labels = labels; self.suppressed = suppressed }

    package var style: NumberStyle { labels.style }

    /// The note under a table for the rows `tables` withheld, as the partials show it: `text`
    /// and `has` (false when none was withheld).
    package func withheldNote(_ tables: [WithheldTable]) -> [String: Any] {
        let text = labels.withheldNote(tables.map(\.rawValue), in: suppressed)
        return ["text": text ?? "", "has": text != nil]
    }
}
