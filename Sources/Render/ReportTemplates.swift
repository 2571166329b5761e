import Foundation
import Mustache
import Sections

/// The mustache templates, the stylesheet and the catalogues of words from `report-templates/`,
/// loaded once per run. The catalogues are built in and the folder's `strings/<locale>.json`
/// extend them, so a templates folder without `strings/` renders every built-in locale.
package struct ReportTemplates: Sendable {
    let library: MustacheLibrary
    let css: String
    /// By locale: the built-in catalogue with the folder's file laid over it.
    let catalogues: [String: Catalogue]
    /// The page's sections in page order (`SectionList.all`; a test adds its own).
    let sections: [PageSection]

    package static let templateNames = ["report", "index", "diff"]

    /// The templates of `directory`; with nil, the ones built into the binary (`BuiltInTemplates`),
    /// so that journeys renders its pages wherever it runs. A folder that is named but lacks a
    /// template is an error: a user who restyles the page wants to hear it.
    package init(directory: String?, sections: [PageSection] = SectionList.all) throws {
        var library = MustacheLibrary()
        for name in Self.templateNames {
            let path = directory.map { ($0 as NSString).appendingPathComponent("\(name).mustache") } ?? "<built-in \(name).mustache>"
            guard let text = directory == nil ? BuiltInTemplates.templates[name] : try? String(contentsOfFile: path, encoding: .utf8) else {
                throw RenderError(file: path, reason: "cannot read the template")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw RenderError(file: path, reason: "template does not parse: \(error)")
            }
        }
        // Each section's partial, under its name in the section list (`sections/<id>`).
        // A folder of templates may restyle a section in a folder of its own; without the file,
        // the section's own partial is used.
        for section in sections {
            let path = directory.map { ($0 as NSString).appendingPathComponent("\(section.partial).mustache") } ?? "<built-in \(section.partial).mustache>"
            let fromFolder = try? directory.map { _ in try String(contentsOfFile: path, encoding: .utf8) }
            guard let text = fromFolder ?? section.resources?.partial ?? (directory == nil ? BuiltInTemplates.sections[section.id] : nil) else {
                throw RenderError(file: path, reason: "cannot read the section's template")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: section.partial)
            } catch {
                throw RenderError(file: path, reason: "template does not parse: \(error)")
            }
        }
        let css: String
        if let directory {
            let cssPath = (directory as NSString).appendingPathComponent("report.css")
            guard let text = try? String(contentsOfFile: cssPath, encoding: .utf8) else {
                throw RenderError(file: cssPath, reason: "cannot read the stylesheet")
            }
            css = text
        } else {
            css = BuiltInTemplates.css
        }
        var catalogues: [String: Catalogue] = [:]
        for locale in Catalogue.locales {
            catalogues[locale] = try directory.map { try Catalogue.load(locale: locale, directory: $0, sections: sections) }
                ?? .builtIn(locale, sections: sections)
        }
        self.library = library
        self.css = css
        self.catalogues = catalogues
        self.sections = sections
    }

    /// The words of `locale`'s pages (English for a locale without a catalogue).
    package func catalogue(for locale: String) -> Catalogue {
        catalogues[locale] ?? catalogues["en"] ?? .builtIn("en", sections: sections)
    }

    /// The report page: each of the page's sections (`open`, `appendix` in `view`) rendered from
    /// its partial with the whole view, then the skeleton (`report.mustache`) around them.
    func renderReport(_ view: [String: Any]) -> String {
        var view = view
        for key in ["open", "appendix"] {
            view[key] = (view[key] as? [[String: Any]] ?? []).map { section in
                var section = section
                section["body"] = library.render(view, withTemplate: section["partial"] as? String ?? "") ?? ""
                return section
            }
        }
        return render(view, template: "report")
    }

    /// A page of `template`; no bidirectional control reaches it (`Markup.replacingBidiControls`).
    func render(_ view: [String: Any], template: String) -> String {
        Markup.replacingBidiControls(library.render(view, withTemplate: template) ?? "")
    }
}
