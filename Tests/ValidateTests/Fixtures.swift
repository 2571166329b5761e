@testable import Validate

/// Where the documents under test pretend to live: `out/2026-W47/index.html` inside the output folder `out`.
enum Fixture {
    static let root = "/srv/journeys/out"
    static let weekDirectory = "/srv/journeys/out/2026-W47"
    static let file = "out/2026-W47/index.html"

    /// A polyglot XHTML5 page whose `body` content starts on line 6.
    static func page(body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head><meta charset="utf-8"/><title>t</title></head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// Checks `document` as if it were `out/2026-W47/index.html`.
    static func check(_ document: String, directory: String = weekDirectory) -> [ValidationIssue] {
        MarkupValidator().check(Array(document.utf8), file: file, documentDirectory: directory, root: root)
    }

    static func check(body: String, directory: String = weekDirectory) -> [ValidationIssue] {
        check(page(body: body), directory: directory)
    }
}
