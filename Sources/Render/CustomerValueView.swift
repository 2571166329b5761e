import ReportModel
import Sections

/// Customer lifetime value of the customers each channel first brought and per spend tier. A
/// channel's row shows its buyers once: the customers it first brought are its buyers on every
/// row (report.json keeps both).
enum CustomerValueView {
    static func make(_ cv: CustomerValueInfo, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        func row(_ label: String, _ extra: String, _ clv: CLV?) -> [String: Any] {
            ["label": label, "extra": extra, "buyers": style.integer(clv?.buyers ?? 0),
             "aov": clv.map { style.money($0.aov) } ?? style.missing,
             "perYear": clv.map { style.decimal($0.purchasesPerYear, places: 2) } ?? style.missing,
             "clv": clv.map { style.money($0.value) } ?? style.missing]
        }
        return [
            "windowDays": cv.windowDays,
            "lifespan": style.decimal(cv.lifespanYears, places: 1),
            "channels": cv.channels.map { row(labels.channel($0.channel, fallback: $0.label), style.integer($0.customers), $0.clv) },
            "tiers": cv.tiers.map { row(labels.tier($0.tier), labels.text("customerValue.from", ["amount": style.money($0.minRevenue)]), $0.clv) },
            "all": row(labels.text("customerValue.allBuyers"), "", cv.all),
        ]
    }
}
