import ReportModel
import Sections

/// The Support section's values: contacts, handling times (as durations, like the visit duration
/// card), contacts per order and contacts without an end; the tables by kind, channel and phase.
enum SupportView {
    static func make(_ s: SupportInfo, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        func duration(_ x: Double?) -> String { x.map { style.duration(seconds: $0) } ?? style.missing }
        func figure(_ key: String, _ value: String, _ values: [String: String] = [:]) -> [String: Any] {
            ["label": labels.text("support.figure.\(key).label"), "value": value,
             "definition": labels.text("support.figure.\(key).definition", values)]
        }
        let figures: [[String: Any]] = [
            figure("contacts", style.integer(s.contacts)),
            figure("aht", duration(s.ahtSeconds), ["timed": style.integer(s.timed)]),
            figure("median", duration(s.medianSeconds)),
            figure("perOrder", s.contactsPerOrder.map { style.decimal($0, places: 2) } ?? style.missing),
            figure("unended", style.integer(s.unended)),
        ]
        func rows(_ rows: [SupportInfo.Row], label: (SupportInfo.Row) -> String) -> [[String: Any]] {
            rows.map { r in
                ["label": label(r), "contacts": style.integer(r.contacts), "timed": style.integer(r.timed),
                 "people": style.integer(r.people), "aht": duration(r.ahtSeconds)]
            }
        }
        func table(_ key: String, _ rows: [[String: Any]]) -> [String: Any] {
            ["title": labels.text("support.\(key).title"), "group": labels.text("support.\(key).group"), "rows": rows, "hasRows": !rows.isEmpty]
        }
        return [
            "figures": figures,
            "tables": [
                // Kinds are named in the pipeline config and stay as named there.
                table("byKind", rows(s.byKind) { Markup.clean($0.label) }),
                table("byChannel", rows(s.byChannel) { labels.channel($0.id, fallback: $0.label) }),
                table("byPhase", rows(s.byPhase) { labels.phase($0.id) }),
            ],
        ]
    }
}
