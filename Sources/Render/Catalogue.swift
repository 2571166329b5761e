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
    let prefixes: Set<String>

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

    /// The locales journeys has built-in catalogues for.
    package static var locales: [String] { BuiltInCatalogues.texts.keys.sorted() }

    /// The built-in catalogue of `locale` (English for a locale without one).
    package static func builtIn(_ locale: String) -> Catalogue {
        let text = BuiltInCatalogues.texts[locale] ?? BuiltInCatalogues.texts["en"]!
        // The built-in texts are checked by the tests; a broken one is a bug in journeys itself.
        let entries = try! parse(Data(text.utf8), file: "built-in \(locale) catalogue")
        return Catalogue(locale: BuiltInCatalogues.texts[locale] == nil ? "en" : locale, entries: entries)
    }

    /// The built-in catalogue of `locale` with `<directory>/strings/<locale>.json` laid over it
    /// when that file exists.
    package static func load(locale: String, directory: String) throws -> Catalogue {
        let base = builtIn(locale)
        let path = ((directory as NSString).appendingPathComponent("strings") as NSString)
            .appendingPathComponent("\(locale).json")
        guard FileManager.default.fileExists(atPath: path) else { return base }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError(file: path, reason: "cannot read the catalogue")
        }
        return Catalogue(locale: base.locale, entries: base.entries.merging(try parse(data, file: path)) { _, user in user })
    }

    /// A catalogue file: one JSON object of texts by key.
    package static func parse(_ data: Data, file: String) throws -> [String: String] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw RenderError(file: file, reason: "not a JSON object of texts by key (\(error.localizedDescription))")
        }
        guard let texts = object as? [String: Any] else {
            throw RenderError(file: file, reason: "not a JSON object of texts by key")
        }
        var entries: [String: String] = [:]
        for (key, value) in texts {
            guard let text = value as? String else {
                throw RenderError(file: file, reason: "the value of \"\(key)\" is not a text")
            }
            // Characters XML cannot carry would make every page invalid: replaced, as in values from the logs.
            entries[key] = Markup.clean(text)
        }
        return entries
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
    static func fill(_ text: String, _ values: [String: String]) -> String {
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
