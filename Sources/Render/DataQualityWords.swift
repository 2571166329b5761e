import Sections
/// Data quality in words: report.json names why a line was set aside by a code
/// (`bad_timestamp`) and a file's read problem in English; the page names both in its language.
extension PageLabels {
    /// A reason's short name (`reasonName.<code>`), else the code.
    func reasonName(_ code: String) -> String { catalogue.optional("reasonName.\(code)") ?? Markup.clean(code) }

    /// A file's read problem as Extract words it, in the page's language where the form is one
    /// journeys writes; an unknown text (or the system's own words after "read error: ") stays as written.
    func fileDamage(_ text: String) -> String {
        let readError = "read error: "
        if text == "read error: the file ended before its size" { return self.text("damage.endedEarly") }
        if text.hasPrefix(readError) { return self.text("damage.readError", ["detail": Markup.clean(String(text.dropFirst(readError.count)))]) }
        if text == "gzip data ends early (truncated file)" { return self.text("damage.gzipTruncated") }
        let damaged = "gzip data is damaged (zlib error "
        if text.hasPrefix(damaged), text.hasSuffix(")") {
            let code = text.dropFirst(damaged.count).dropLast()
            if !code.isEmpty, code.allSatisfy({ $0.isNumber || $0 == "-" }) { return self.text("damage.gzipDamaged", ["code": String(code)]) }
        }
        return Markup.clean(text)
    }
}
