import Compare

/// The diff as Markdown for a CI log or a pull-request comment. Names from the logs are escaped,
/// so a hostile path cannot break a table or inject a link.
package enum DiffMarkdown {
    /// `catalogue`: the words of the summary; the built-in catalogue of the diff's locale when nil.
    package static func render(_ diff: ReportDiff, crossed: [(Threshold, KPIChange)]? = nil, catalogue: Catalogue? = nil) -> String {
        let v = DiffView(diff, catalogue: catalogue ?? .builtIn(diff.locale))
        func t(_ key: String, _ values: [String: String] = [:]) -> String { v.text(key, values) }
        var out = "## \(t("page.heading")): \(v.title)\n\n"
        out += "_\(v.subtitle). \(t("diff.markdown.legend"))_\n\n"
        if let note = v.ratesOnlyNote { out += "> \(note)\n\n" }
        if let crossed {
            out += "### \(t("diff.markdown.thresholds"))\n\n"
            out += crossed.isEmpty ? "\(t("diff.markdown.noneCrossed"))\n\n"
                : crossed.map { "- **\(t("diff.markdown.crossed"))** `\($0.0)`: \(escape(v.kpiLabel($0.1))) \(v.absolute($0.1)) (\(v.relative($0.1)))\n" }.joined() + "\n"
        }
        out += "### \(t("diff.actFirst.title"))\n\n"
        let priorities = v.priorities
        out += priorities.isEmpty ? "\(t("diff.actFirst.none"))\n\n"
            : priorities.enumerated().map { "\($0.offset + 1). \(mark($0.element.trend))\(escape($0.element.cells[0]))\n" }.joined() + "\n"
        if !v.rateSplits.isEmpty {
            out += "### \(t("diff.why.title"))\n\n" + v.rateSplits.map { "- \(escape($0))\n" }.joined() + "\n"
        }
        out += "### \(t("kpis.title"))\n\n"
        out += table([t("diff.kpi"), v.labels.period(diff.base.name), v.labels.period(diff.new.name), t("diff.change"), t("diff.relative"),
                      t("diff.noiseColumn")], v.kpiRows, numeric: [1, 2, 3, 4])
        let segmentColumns = [t("col.visits"), t("col.orders"), t("col.revenue"), t("col.conversion")]
        out += "### \(t("diff.channels.title"))\n\n"
        out += table([t("col.channel")] + segmentColumns, v.segmentRows(diff.channels), numeric: [])
        out += "### \(t("diff.devices.title"))\n\n"
        out += table([t("col.device")] + segmentColumns, v.segmentRows(diff.devices), numeric: [])
        for listing in v.setListings where !listing.items.isEmpty {
            out += "### \(listing.title)\n\n" + listing.items.map { "- \(escape($0))\n" }.joined() + "\n"
        }
        return out
    }

    static func mark(_ trend: String) -> String { trend == "good" ? "▲ " : trend == "bad" ? "▼ " : "" }

    static func table(_ header: [String], _ rows: [DiffView.Row], numeric: Set<Int>) -> String {
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            let cells = row.cells.enumerated().map { i, c in i == 0 ? mark(row.trend) + escape(c) : escape(c) }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// Markdown's inline markers (emphasis, code, links, table pipes) backslash-escaped, `<` and
    /// `&` as entities (no HTML tag or entity can start), and line breaks and control characters
    /// as spaces: text from the logs stays text, in a table cell or a list item. The colon of
    /// `scheme://` and the dot of `www.` are escaped too, or GitHub would link them as bare URLs.
    static func escape(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case ":" where scalars[(i + 1)...].starts(with: ["/", "/"]): out += "\\:"
            case "." where i >= 3 && String(String.UnicodeScalarView(scalars[(i - 3)..<i])).lowercased() == "www": out += "\\."
            default:
                if ch.value < 0x20 || ch.value == 0x7F { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
