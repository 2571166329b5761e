import Compare
import Sections

/// The diff as Markdown for a CI log or a pull-request comment: a summary of at most
/// `summaryLines` lines (what changed, why the rates moved, a link to the published report), then
/// every table inside `<details>`, which GitHub and GitLab show folded. Every value is escaped
/// (`escape`), so a hostile path or report.json cannot break a table, inject a link, an image or
/// HTML, or notify anyone.
package enum DiffMarkdown {
    /// The most lines the summary above `<details>` takes; items of "What changed" beyond it
    /// continue, numbered on, inside `<details>`.
    package static let summaryLines = 40

    /// `catalogue`: the words of the summary; the built-in catalogue of the diff's locale when nil.
    /// `baseURL`: where the output folder is published (`publish.base_url`), for a link to the new
    /// period's report; no link when nil.
    package static func render(_ diff: ReportDiff, crossed: [(Threshold, KPIChange)]? = nil, catalogue: Catalogue? = nil,
                               baseURL: String? = nil) -> String {
        let v = DiffView(diff, catalogue: catalogue ?? .builtIn(diff.locale))
        // every text, the catalogue's too, is escaped (`escape`): none is Markdown
        func t(_ key: String, _ values: [String: String] = [:]) -> String { escape(v.text(key, values)) }
        var head = "## \(t("page.heading")): \(escape(v.title))\n\n"
        head += "_\(escape(v.subtitle)). \(t("diff.markdown.legend"))_\n\n"
        if let baseURL {
            head += "[\(t("diff.markdown.report", ["new": v.labels.period(diff.new.name)]))](\(baseURL)/\(pathSegment(diff.new.name))/index.html)\n\n"
        }
        if let note = v.ratesOnlyNote { head += "> \(escape(note))\n\n" }
        if let crossed {
            head += "### \(t("diff.markdown.thresholds"))\n\n"
            head += crossed.isEmpty ? "\(t("diff.markdown.noneCrossed"))\n\n"
                : crossed.map { "- **\(t("diff.markdown.crossed"))** `\(code("\($0.0)"))`: \(escape(v.kpiLabel($0.1))) \(escape(v.absolute($0.1))) (\(escape(v.relative($0.1))))\n" }.joined() + "\n"
        }
        var why = ""
        if !v.rateSplits.isEmpty {
            why = "### \(t("diff.why.title"))\n\n" + v.rateSplits.map { "- \(escape($0))\n" }.joined() + "\n"
        }
        let lines = v.priorities.enumerated().map { "\($0.offset + 1). \(mark($0.element.trend))\(escape($0.element.cells[0]))\n" }
        let family = "_\(escape(DiffView.familyNote(diff.changes, labels: v.labels)))_\n\n"
        // the summary's fixed lines, then as many items as fit; the rest continue in <details>
        let fixed = lineCount(head) + lineCount(why) + 2 + lineCount(family) + 1
        let room = max(0, summaryLines - fixed)
        let shown = lines.count <= room ? lines.count : max(0, room - 1)
        var out = head + "### \(t("diff.actFirst.title"))\n\n"
        if lines.isEmpty {
            out += "\(t("diff.actFirst.none"))\n\n"
        } else {
            out += lines[..<shown].joined()
            if shown < lines.count { out += "\(t("diff.markdown.more", ["count": v.style.integer(lines.count - shown)]))\n" }
            out += "\n"
        }
        out += family + why
        out += "<details>\n<summary>\(t("diff.markdown.fullTables"))</summary>\n\n"
        if shown < lines.count {
            out += "### \(t("diff.actFirst.title"))\n\n" + lines[shown...].joined() + "\n"
        }
        out += "### \(t("kpis.title"))\n\n"
        out += table([v.text("diff.kpi"), v.labels.period(diff.base.name), v.labels.period(diff.new.name), v.text("diff.change"),
                      v.text("diff.relative"), v.text("diff.noiseColumn")], v.kpiRows, numeric: [1, 2, 3, 4])
        // table headers are escaped by `table`
        let segmentColumns = [v.text("col.visits"), v.text("col.orders"), v.text("col.revenue"), v.text("col.conversion")]
        out += "### \(t("diff.channels.title"))\n\n"
        out += table([v.text("col.channel")] + segmentColumns, v.segmentRows(diff.channels), numeric: [])
        out += "### \(t("diff.devices.title"))\n\n"
        out += table([v.text("col.device")] + segmentColumns, v.segmentRows(diff.devices), numeric: [])
        for listing in v.setListings where !listing.items.isEmpty {
            out += "### \(escape(listing.title))\n\n" + listing.items.map { "- \(escape($0))\n" }.joined() + "\n"
        }
        return out + "</details>\n"
    }

    static func lineCount(_ s: String) -> Int { s.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }

    /// A period's name as one segment of a URL path: letters, digits, `-`, `_` and `.` kept (not
    /// `..`), everything else percent-encoded, so that a report.json's name cannot leave the link
    /// or its folder.
    package static func pathSegment(_ name: String) -> String {
        if name == "." || name == ".." { return name.replacingOccurrences(of: ".", with: "%2E") }
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
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

    /// A value inside a code span, where backslashes do not escape: no backtick can close it, and
    /// controls are dropped as in `escape`.
    static func code(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            c == "`" || c.value < 0x20 || c.value == 0x7F ? " " : Markup.isBidiControl(c) ? "\u{FFFD}" : c
        }))
    }

    /// Every value written into the Markdown passes here, whether it comes from the logs, a
    /// report.json (`journeys diff` reads any file it is given) or the catalogue: Markdown's
    /// inline markers (emphasis, code, links, images, table pipes, headings) backslash-escaped,
    /// `<` and `&` as entities (no HTML tag or entity can start), line breaks and control
    /// characters as spaces, so text stays text, in a heading, a table cell or a list item.
    /// What a pull request or chat would turn into a link or a notification is broken with an
    /// invisible word joiner (U+2060): `@everyone` and `user@host` (mentions, e-mail autolinks),
    /// `#123` (references), and the colon of `scheme://` and the dot of `www.` are escaped too,
    /// or GitHub would link them as bare URLs. Bidirectional controls, which make text read
    /// other than it is stored, become U+FFFD (`Markup.isBidiControl`).
    package static func escape(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "$": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case "@", "#": out += "\\" + String(ch) + "\u{2060}"
            case ":" where scalars[(i + 1)...].starts(with: ["/", "/"]): out += "\\:\u{2060}"
            case "." where i >= 3 && String(String.UnicodeScalarView(scalars[(i - 3)..<i])).lowercased() == "www": out += "\\.\u{2060}"
            default:
                if ch.value < 0x20 || ch.value == 0x7F || (0x80...0x9F).contains(ch.value) {
                    out += " "
                } else if Markup.isBidiControl(ch) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
