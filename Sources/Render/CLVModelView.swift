import ReportModel
import Sections

/// The "Predicted customer value" section's values: the fitted parameters and the predictions per
/// first channel and spend tier, or the reason there is no fit. Nil without a history, and the
/// section is left out.
enum CLVModelView {
    static func make(_ model: CLVModelInfo?, labels: PageLabels) -> [String: Any]? {
        guard let model else { return nil }
        let style = labels.style
        guard let fit = model.fit, let all = model.all else {
            return ["reason": labels.text("predictedValue.noFit", ["reason": reason(model.reason ?? "", labels: labels)])]
        }
        func row(_ label: String, _ extra: String, _ p: CLVModelInfo.Prediction) -> [String: Any] {
            ["label": label, "extra": extra, "customers": style.integer(p.customers),
             "purchases": style.decimal(p.expectedPurchases, places: 2), "value": style.money(p.expectedValue),
             "alive": style.percent(p.probabilityAlive)]
        }
        return [
            "fitted": [
                "horizon": model.horizonWeeks, "customers": style.integer(fit.customers),
                "fittedLine": labels.text("predictedValue.fitted", [
                    "customers": style.integer(fit.customers),
                    "r": significant(fit.bgnbd.r, style), "alpha": significant(fit.bgnbd.alpha, style),
                    "a": significant(fit.bgnbd.a, style), "b": significant(fit.bgnbd.b, style),
                    "p": significant(fit.gammaGamma.p, style), "q": significant(fit.gammaGamma.q, style),
                    "v": significant(fit.gammaGamma.v, style)]),
                "channels": model.channels.map { row(labels.channel($0.channel, fallback: $0.label), "", $0.prediction) },
                "tiers": model.tiers.map { row(labels.tier($0.tier), labels.text("customerValue.from", ["amount": style.money($0.minSpend)]),
                                               $0.prediction) },
                "all": row(labels.text("predictedValue.allCustomers"), "", all),
            ] as [String: Any],
        ]
    }

    static let tooShort = "history too short for a stable fit: "

    /// Why the models were not fitted. The usual reason, a history too short, is translated; the
    /// fits' other diagnostics name parameters and bounds and stay as report.json writes them.
    static func reason(_ text: String, labels: PageLabels) -> String {
        if text.hasPrefix(tooShort) {
            let numbers = text.dropFirst(tooShort.count).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count == 2, text == "\(tooShort)\(numbers[0]) customers with repeat purchases, at least \(numbers[1]) needed" {
                return labels.text("predictedValue.tooShort", ["have": labels.style.integer(numbers[0]), "need": labels.style.integer(numbers[1])])
            }
        }
        return Markup.clean(text)
    }

    /// A parameter as report.json keeps it (4 significant digits), in the page's number format.
    static func significant(_ x: Double, _ style: NumberStyle) -> String {
        guard x.isFinite, x != 0 else { return style.decimal(x, places: 0) }
        var places = 3, magnitude = abs(x)
        while magnitude >= 10 && places > 0 { magnitude /= 10; places -= 1 }
        while magnitude < 1 && places < 12 { magnitude *= 10; places += 1 }
        return style.decimal(x, places: places)
    }
}
