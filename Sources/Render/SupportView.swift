import JourneysCore
import ReportModel

/// The Support section's values: contacts, handling times (as durations, like the visit duration
/// card), contacts per order and contacts without an end; the tables by kind, channel and phase.
enum SupportView {
    static func make(_ s: SupportInfo, style: NumberStyle, labels: PageLabels) -> [String: Any] {
        func duration(_ x: Double?) -> String { x.map { style.duration(seconds: $0) } ?? style.missing }
        let figures: [[String: Any]] = [
            ["label": "Contacts", "value": style.integer(s.contacts),
             "definition": "chats, contact forms and call-backs started in the period's visits"],
            ["label": "Average handling time", "value": duration(s.ahtSeconds),
             "definition": "total handling time / contacts with a handling time (\(style.integer(s.timed)) of them)"],
            ["label": "Median handling time", "value": duration(s.medianSeconds),
             "definition": "the middle handling time of the contacts with one"],
            ["label": "Contacts per order", "value": s.contactsPerOrder.map { style.decimal($0, places: 2) } ?? style.missing,
             "definition": "contacts / orders of the period's visits"],
            ["label": "Contacts without an end", "value": style.integer(s.unended),
             "definition": "contacts whose end the logs do not show (no end event, no logged duration): not in the handling times"],
        ]
        func rows(_ rows: [SupportInfo.Row], phases: Bool = false) -> [[String: Any]] {
            rows.map { r in
                let label = phases ? (Phase(rawValue: r.id)?.label(locale: labels.locale) ?? r.label) : r.label
                return ["label": Markup.clean(label), "contacts": style.integer(r.contacts), "timed": style.integer(r.timed),
                        "people": style.integer(r.people), "aht": duration(r.ahtSeconds)]
            }
        }
        return [
            "figures": figures,
            "tables": [
                ["title": "By kind", "group": "Kind", "rows": rows(s.byKind), "hasRows": !s.byKind.isEmpty],
                ["title": "By channel", "group": "Channel of the visit", "rows": rows(s.byChannel), "hasRows": !s.byChannel.isEmpty],
                ["title": "By journey phase", "group": "Phase of the page before the contact", "rows": rows(s.byPhase, phases: true),
                 "hasRows": !s.byPhase.isEmpty],
            ] as [[String: Any]],
        ]
    }
}
