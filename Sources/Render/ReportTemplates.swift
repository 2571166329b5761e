import Foundation
import Mustache

/// The mustache templates and the stylesheet from `report-templates/`, loaded once per run.
package struct ReportTemplates: Sendable {
    let library: MustacheLibrary
    let css: String

    package static let templateNames = ["report", "index", "diff"]

    package init(directory: String) throws {
        var library = MustacheLibrary()
        for name in Self.templateNames {
            let path = (directory as NSString).appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw RenderError(file: path, reason: "cannot read the template")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw RenderError(file: path, reason: "template does not parse: \(error)")
            }
        }
        let cssPath = (directory as NSString).appendingPathComponent("report.css")
        guard let css = try? String(contentsOfFile: cssPath, encoding: .utf8) else {
            throw RenderError(file: cssPath, reason: "cannot read the stylesheet")
        }
        self.library = library
        self.css = css
    }

    func render(_ view: [String: Any], template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }
}
