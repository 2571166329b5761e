import Foundation
import Render
import ReportModel
import Testing
import Validate
import Sections

/// Bidirectional controls from the logs (a URL, a referrer, a user agent, a search term) never
/// reach a page raw: they would make it read other than it is.
@Suite struct MarkupTests {
    static let bidi: [Unicode.Scalar] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].map { Unicode.Scalar($0)! }
    /// `/checkout/‮gnp.exe` reads as `/checkout/exe.png`.
    static let disguised = "/checkout/\u{202E}gnp.exe" + String(String.UnicodeScalarView(bidi))

    @Test func bidiControlsBecomeReplacementCharacters() {
        #expect(Markup.text(Self.disguised) == "/checkout/\u{FFFD}gnp.exe" + String(repeating: "\u{FFFD}", count: Self.bidi.count))
        #expect(Markup.clean(Self.disguised) == Markup.text(Self.disguised))
        // other right-to-left text is kept: it is only the controls that disguise
        #expect(Markup.text("שלום مرحبا") == "שלום مرحبا")
    }

    @Test func bidiControlsFromTheLogsDoNotReachThePage() throws {
        var data = RenderFixtures.data()
        data.journeyMap.nodes[1].touchpoint = Self.disguised
        data.input.samples[0].text = "GET \(Self.disguised) HTTP/1.1 \"https://evil.example/\u{2066}ref\" \"Mozilla\u{202D}/5.0\""
        data.input.files[0].name = "access\u{202E}gol.log"
        data.channels[0].label = "search \u{2067}term\u{2069}"
        let html = ReportRenderer(templates: try ReportTemplates(directory: RenderFixtures.templates)).report(data)
        #expect(!html.unicodeScalars.contains { Self.bidi.contains($0) })
        #expect(html.contains("/checkout/\u{FFFD}gnp.exe"))
        #expect(html.contains("access\u{FFFD}gol.log"))
        let issues = MarkupValidator().check(Array(html.utf8), file: "index.html", documentDirectory: "out/2026-W47", root: "out")
        #expect(issues.isEmpty, "\(issues)")
    }
}
