import ReportModel

/// The "After the drop-off" section's values: per funnel step, the visits that left it and where
/// they went next, with the rest (smaller groups, withheld rows) in one line so that the shares
/// add up to the visits that left.
enum DropOffView {
    static func make(_ drops: [DropOff], labels: PageLabels) -> [[String: Any]] {
        let style = labels.style
        return drops.map { d in
            var rows: [[String: Any]] = d.next.map { n in
                ["kind": labels.nextKind(n.kind), "touchpoint": labels.touchpoint(n.touchpoint), "hasTouchpoint": !n.touchpoint.isEmpty,
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
