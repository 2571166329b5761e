import Foundation

/// A section's part of report.json, written under the section's own top-level key. The sections
/// live above this module (`Sources/Sections`), so `ReportData` holds their parts by key without
/// knowing their types; a reader names the types it reads (`ReportPartTypes.decoder`), and a key
/// nobody named is kept out rather than guessed at.
package protocol ReportPart: Codable, Sendable {
    /// The top-level key of report.json the part is written under.
    static var key: String { get }
    /// Whether `other` is the same part with the same figures.
    func isSame(as other: any ReportPart) -> Bool
}

extension ReportPart where Self: Equatable {
    package func isSame(as other: any ReportPart) -> Bool { (other as? Self) == self }
}

/// The part types a report.json reader knows, handed to `JSONDecoder.userInfo`.
package enum ReportPartTypes {
    package static let userInfoKey = CodingUserInfoKey(rawValue: "journeys.reportParts")!

    /// A decoder that reads the parts of `types` besides the report's own fields.
    package static func decoder(_ types: [any ReportPart.Type]) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[userInfoKey] = types
        return decoder
    }
}

/// A top-level key of report.json that belongs to a section.
struct PartKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The sections' parts of one report, by their keys.
package struct ReportParts: Equatable, Sendable {
    package private(set) var byKey: [String: any ReportPart] = [:]

    package init() {}

    /// The part of type `P`, if the report has it.
    package subscript<P: ReportPart>(_ type: P.Type) -> P? {
        get { byKey[P.key] as? P }
        set { byKey[P.key] = newValue }
    }

    package mutating func insert(_ part: any ReportPart) { byKey[type(of: part).key] = part }

    package static func == (a: ReportParts, b: ReportParts) -> Bool {
        a.byKey.count == b.byKey.count && a.byKey.allSatisfy { key, part in b.byKey[key].map(part.isSame) ?? false }
    }

    /// Writes every part under its key.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: PartKey.self)
        for key in byKey.keys.sorted() { try c.encode(byKey[key]!, forKey: PartKey(key)) }
    }

    /// Reads the parts of the types the decoder was given (`ReportPartTypes.decoder`).
    init(from decoder: Decoder) throws {
        guard let types = decoder.userInfo[ReportPartTypes.userInfoKey] as? [any ReportPart.Type] else { return }
        let c = try decoder.container(keyedBy: PartKey.self)
        func read<P: ReportPart>(_ type: P.Type) throws -> P? { try c.decodeIfPresent(P.self, forKey: PartKey(P.key)) }
        for type in types { if let part = try read(type) { insert(part) } }
    }
}
