import Compare

/// The diff as Markdown for a CI log or a pull-request comment. Names from the logs are escaped,
/// so a hostile path cannot break a table or inject a link.
package enum DiffMarkdown {
    package static func render(_ diff: ReportDiff, crossed: [(Threshold, KPIChange)]? = nil) -> String {
        let v = DiffView(diff)
        var out = "## Customer journeys: \(v.title)\n\n"
        out += "_\(v.subtitle). ▲ and ▼ mark good and bad changes larger than noise; ≈ marks estimates._\n\n"
        if let note = v.ratesOnlyNote { out += "> \(note)\n\n" }
        if let crossed {
            out += "### Thresholds\n\n"
            out += crossed.isEmpty ? "No threshold crossed.\n\n"
                : crossed.map { "- **crossed** `\($0.0)`: \(escape($0.1.label)) \(v.absolute($0.1)) (\(v.relative($0.1)))\n" }.joined() + "\n"
        }
        out += "### What to act on first\n\n"
        let priorities = v.priorities
        out += priorities.isEmpty ? "No change is larger than noise.\n\n"
            : priorities.enumerated().map { "\($0.offset + 1). \(mark($0.element.trend))\(escape($0.element.cells[0]))\n" }.joined() + "\n"
        if !v.rateSplits.isEmpty {
            out += "### Why the rates moved\n\n" + v.rateSplits.map { "- \(escape($0))\n" }.joined() + "\n"
        }
        out += "### Key figures\n\n"
        out += table(["Key figure", diff.base.name, diff.new.name, "Change", "Relative", "Noise"], v.kpiRows, numeric: [1, 2, 3, 4])
        out += "### Channels\n\n"
        out += table(["Channel", "Visits", "Orders", "Revenue", "Conversion"], v.segmentRows(diff.channels), numeric: [])
        out += "### Devices\n\n"
        out += table(["Device", "Visits", "Orders", "Revenue", "Conversion"], v.segmentRows(diff.devices), numeric: [])
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
