import ReportModel

/// "After the drop-off": per funnel step, the visits that left it and where they went next
/// (docs/definitions.md), with the rest (smaller groups, withheld rows) in one line so that the
/// shares add up to the visits that left.
enum DropOffsSection: ReportSection {
    typealias Fold = DropOffFold
    static let id = "drop-offs"
    static let heading = "dropOffs.title"
    static let resources = SectionResources(
        partial: PackageResources.drop_offs_mustache,
        words: ["en": PackageResources.drop_offs_en_json, "de": PackageResources.drop_offs_de_json],
        schema: PackageResources.drop_offs_schema_json)
    static let withheldTables: [(table: WithheldTable, label: String)] = [(.dropOffs, "withheld.table.dropOffs")]

    static func view(_ part: DropOffs, _ page: SectionPage) -> [String: Any] {
        ["dropOffs": rows(part.rows, labels: page.labels), "hasDropOffs": !part.rows.isEmpty,
         "dropOffsWithheld": page.withheldNote([.dropOffs])]
    }

    static func rows(_ drops: [DropOff], labels: PageLabels) -> [[String: Any]] {
        let style = labels.style
        return drops.map { d in
            var rows: [[String: Any]] = d.next.map { n in
                ["kind": labels.catalogue.optional("dropOffs.next.\(n.kind)") ?? n.kind, "touchpoint": labels.touchpoint(n.touchpoint), "hasTouchpoint": !n.touchpoint.isEmpty,
                 "visits": style.integer(n.visits), "people": style.integer(n.people), "share": style.percent(n.share)]
            }
            let rest = d.left - d.next.reduce(0) { $0 + $1.visits }
            if rest > 0 && !d.next.isEmpty {
                rows.append(["kind": labels.text("dropOffs.elsewhere"), "touchpoint": "", "hasTouchpoint": false, "visits": style.integer(rest),
                             "people": "", "share": style.share(rest, of: d.left)])
            }
            return ["heading": labels.text("dropOffs.heading", ["step": labels.funnelStep(d.step, fallback: d.label),
                                                                "left": style.integer(d.left), "people": style.integer(d.people)]),
                    "label": labels.funnelStep(d.step, fallback: d.label), "left": style.integer(d.left), "people": style.integer(d.people),
                    "rows": rows, "hasRows": !rows.isEmpty]
        }
    }
}

extension WithheldTable {
    /// The next-step rows of all three steps.
    static let dropOffs = WithheldTable(rawValue: "dropOffs")
}
