import Foundation
import Sections

/// Where a page's words come from: the catalogues built into journeys (`BuiltInCatalogues`, and
/// each section folder's words), and a templates folder's `strings/<locale>.json` over them.
extension Catalogue {
    /// The locales journeys has built-in catalogues for.
    package static var locales: [String] { BuiltInCatalogues.texts.keys.sorted() }

    /// The built-in catalogue of `locale` (English for a locale without one).
    /// The words of the sections in folders of their own (`SectionList`) are part of it.
    package static func builtIn(_ locale: String, sections: [PageSection] = SectionList.all) -> Catalogue {
        let known = BuiltInCatalogues.texts[locale] == nil ? "en" : locale
        // The built-in texts are checked by the tests; a broken one is a bug in journeys itself.
        var entries = try! parse(Data(BuiltInCatalogues.texts[known]!.utf8), file: "built-in \(known) catalogue")
        for section in sections {
            guard let words = section.resources?.words[known] else { continue }
            entries.merge(try! parse(Data(words.utf8), file: "built-in \(known) words of \(section.id)")) { page, _ in page }
        }
        return Catalogue(locale: known, entries: entries)
    }

    /// The built-in catalogue of `locale` with `<directory>/strings/<locale>.json` laid over it
    /// when that file exists.
    package static func load(locale: String, directory: String, sections: [PageSection] = SectionList.all) throws -> Catalogue {
        let base = builtIn(locale, sections: sections)
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
}

extension NumberStyle {
    /// The style of `locale`'s built-in catalogue.
    package init(locale: String, currency: String) { self.init(catalogue: .builtIn(locale), currency: currency) }
}
