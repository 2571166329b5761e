import Foundation
import Sections
import Yams

extension ReportSection {
    /// The section's settings from its mapping under `sections`: every key checked against
    /// `Settings.keys` first, then decoded; a wrong value names its key and line.
    static func readSettings(_ node: Node, _ r: Reader) throws -> any SectionSettings {
        let place = "sections.\(configKey)"
        var known: [String: (Node) throws -> Void] = [:]
        for key in Settings.keys { known[key] = { _ in } }
        try r.mapping(node, at: place, keys: known)
        do {
            return try YAMLDecoder().decode(Settings.self, from: node)
        } catch let error as DecodingError {
            let (path, problem) = Self.described(error)
            let key = path.first.map { node.mapping?[Node($0)] } ?? nil
            throw r.error(key ?? node, "\(([place] + path).joined(separator: ".")) \(problem)")
        }
    }

    private static func described(_ error: DecodingError) -> (path: [String], problem: String) {
        switch error {
        case .typeMismatch(let type, let c): (c.codingPath.map(\.stringValue), "expects a value of type \(type)")
        case .valueNotFound(let type, let c): (c.codingPath.map(\.stringValue), "expects a value of type \(type)")
        case .keyNotFound(let key, let c): (c.codingPath.map(\.stringValue), "expects the key '\(key.stringValue)'")
        case .dataCorrupted(let c): (c.codingPath.map(\.stringValue), c.debugDescription)
        @unknown default: ([], "is not valid")
        }
    }
}
