import ReportModel
import Sections

/// The "Journey variants and friction" section's values: the most common variants with their
/// conversion and its interval, the funnel steps by visits lost, and the touchpoints people leave
/// from most on the way to purchase.
enum FrictionView {
    static func variants(_ rows: [Variant], labels: PageLabels) -> [[String: Any]] {
        let style = labels.style
        return rows.map {
            ["steps": labels.path($0.steps), "visits": style.integer($0.visits),
             "share": style.percent($0.share), "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate),
             "interval": style.interval($0.interval, unit: .ratio)]
        }
    }

    static func make(_ f: Friction, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        return [
            "steps": f.steps.map {
                ["label": labels.funnelStep($0.step, fallback: $0.label), "lost": style.integer($0.lost), "rate": style.percent($0.lossRate)] as [String: Any]
            },
            "hasSteps": !f.steps.isEmpty,
            "exits": f.exits.map {
                ["touchpoint": labels.touchpoint($0.touchpoint), "phase": labels.phase($0.phase),
                 "visits": style.integer($0.visits), "exits": style.integer($0.exits), "rate": style.percent($0.exitRate),
                 "interval": style.interval($0.interval, unit: .ratio)] as [String: Any]
            },
            "hasExits": !f.exits.isEmpty,
        ]
    }
}
