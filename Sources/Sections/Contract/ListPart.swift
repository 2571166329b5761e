import ReportModel

/// A part that report.json holds as a plain list of its rows (`"dropOffs": [...]`), which most
/// tables of the page are.
package protocol ListPart: ReportPart {
    associatedtype Row: Codable
    var rows: [Row] { get }
    init(rows: [Row])
}

extension ListPart {
    package init(from decoder: Decoder) throws { self.init(rows: try decoder.singleValueContainer().decode([Row].self)) }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rows)
    }
}
