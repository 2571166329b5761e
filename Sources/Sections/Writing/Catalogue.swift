import Foundation

/// The words of the pages in one language: every heading, table header, note and label, keyed
/// by a dotted name (`kpis.title`, `kpi.conversion_rate.label`). The built-in catalogue of the
/// locale comes first, so that the binary renders a whole page without any file; a
/// `strings/<locale>.json` in the templates folder adds keys or overrides them, so a shop can
/// reword a note without building journeys.
///
/// Texts may hold placeholders, `{name}`, filled when the text is looked up. Everything a
/// catalogue says is escaped like a value from the logs: users edit these files.
package struct Catalogue: Sendable {
    package let locale: String
    package private(set) var entries: [String: String]
    /// The config's names of touchpoints in this language, by touchpoint id (`PageOptions`).
    package private(set) var touchpoints: [String: String] = [:]
    /// Every proper prefix of a key (`kpis` of `kpis.title`), for the template's dotted lookups.
    package let prefixes: Set<String>

    package init(locale: String, entries: [String: String]) {
        self.locale = locale
        self.entries = entries
        var prefixes = Set<String>()
        for key in entries.keys {
            var rest = key[...]
            while let dot = rest.lastIndex(of: ".") {
                rest = rest[..<dot]
                prefixes.insert(String(rest))
            }
        }
        self.prefixes = prefixes
    }

    /// This catalogue with the config's names of touchpoints (by id) in its language.
    package func naming(touchpoints names: [String: String]) -> Catalogue {
        var copy = self
        copy.touchpoints = names.mapValues(Markup.clean)
        return copy
    }

    /// The text of `key` with its placeholders filled from `values`; the key itself when the
    /// catalogue lacks it, so that a missing text shows on the page instead of vanishing.
    package func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let text = entries[key] else { return key }
        return Self.fill(text, values)
    }

    /// The text of `key`, or nil when the catalogue lacks it (a KPI or reason of a newer report).
    package func optional(_ key: String, _ values: [String: String] = [:]) -> String? {
        entries[key].map { Self.fill($0, values) }
    }

    /// `key.one` for a count of 1, else `key.other`, with `{count}` and `values` filled.
    package func plural(_ key: String, count: Int, _ values: [String: String]) -> String {
        text(key + (count == 1 ? ".one" : ".other"), values)
    }

    /// Replaces each `{name}` whose name `values` holds; anything else stays as written.
    package static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[after...]
            }
        }
        return out + rest
    }

    /// The placeholders a text uses, for the tests that compare catalogues.
    package static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            let name = rest[after..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[after...]
        }
        return names
    }
}
