/// What the config says about the page beyond its words and numbers: how the appendix prints,
/// and the names the shop gives its touchpoints in each language.
package struct PageOptions: Sendable, Equatable {
    /// `print.appendix`: whether the page's folded sections (`<details>`) print open or, as on
    /// the screen, closed.
    package enum PrintAppendix: String, Sendable, CaseIterable {
        case open, closed
    }

    package var printAppendix: PrintAppendix
    /// The touchpoints' names by locale, then by touchpoint id (the rule's `touchpoint`, which
    /// report.json keeps): `labels: { de: Warenkorb }` on a rule. A touchpoint without a name in
    /// the page's locale shows its id.
    package var touchpointNames: [String: [String: String]]

    package init(printAppendix: PrintAppendix = .closed, touchpointNames: [String: [String: String]] = [:]) {
        self.printAppendix = printAppendix
        self.touchpointNames = touchpointNames
    }

    /// What the stylesheet is given beside its own rules: closed `<details>` print open when the
    /// config says so. `::details-content` (Chromium 131 and later, which prints the demo) is the
    /// only way CSS opens a closed `<details>`; the W3C checker does not know it yet, so the
    /// rule is on the page only when it is wanted.
    var stylesheetAddition: String {
        printAppendix == .open ? "\n@media print { details:not([open])::details-content { content-visibility: visible; } }\n" : ""
    }
}
