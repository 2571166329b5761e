/// Builds SVG markup with every attribute value and text escaped; charts are drawn in code
/// through it so that nothing from the logs reaches the page unescaped.
package struct SVGBuilder {
    package private(set) var markup = ""

    /// `form`: the class of a chart drawn twice, `wide-form` for screens and paper and
    /// `narrow-form` for phones; the stylesheet shows one of them.
    package init(width: Int, height: Int, label: String, form: String? = nil) {
        let cls = form.map { " class=\"\(Markup.text($0))\"" } ?? ""
        markup = "<svg xmlns=\"http://www.w3.org/2000/svg\"\(cls) viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(Markup.text(label))\">"
        markup += "<title>\(Markup.text(label))</title>"
    }

    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        markup += "<\(name)"
        for (k, v) in attributes { markup += " \(k)=\"\(Markup.text(v))\"" }
        if let text { markup += ">\(Markup.text(text))</\(name)>" } else { markup += "/>" }
    }

    package mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        markup += "<\(name)"
        for (k, v) in attributes { markup += " \(k)=\"\(Markup.text(v))\"" }
        markup += ">"
    }

    package mutating func close(_ name: String) { markup += "</\(name)>" }

    package mutating func title(_ text: String) { markup += "<title>\(Markup.text(text))</title>" }

    package func finished() -> String { markup + "</svg>" }
}

/// A chart's wide form, where the page carries a narrow one beside it: the stylesheet hides
/// `wide-form` on phones and `narrow-form` elsewhere.
package func wideForm(_ drawing: String) -> String { "<div class=\"wide-form\">" + drawing + "</div>" }

/// Coordinates with at most one decimal, so the same data always gives the same bytes.
package func fmt(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}
