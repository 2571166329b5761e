import ReportModel

/// The "Predicted customer value" section's values: the fitted parameters and the predictions per
/// first channel and spend tier, or the reason there is no fit. Nil without a history, and the
/// section is left out.
enum CLVModelView {
    static func make(_ model: CLVModelInfo?, style: NumberStyle) -> [String: Any]? {
        guard let model else { return nil }
        guard let fit = model.fit, let all = model.all else {
            return ["reason": model.reason ?? ""]
        }
        func row(_ label: String, _ extra: String, _ p: CLVModelInfo.Prediction) -> [String: Any] {
            ["label": label, "extra": extra, "customers": style.integer(p.customers),
             "purchases": style.decimal(p.expectedPurchases, places: 2), "value": style.money(p.expectedValue),
             "alive": style.percent(p.probabilityAlive)]
        }
        return [
            "fitted": [
                "horizon": model.horizonWeeks,
                "customers": style.integer(fit.customers),
                "r": significant(fit.bgnbd.r, style), "alpha": significant(fit.bgnbd.alpha, style),
                "a": significant(fit.bgnbd.a, style), "b": significant(fit.bgnbd.b, style),
                "p": significant(fit.gammaGamma.p, style), "q": significant(fit.gammaGamma.q, style),
                "v": significant(fit.gammaGamma.v, style),
                "channels": model.channels.map { row($0.label, "", $0.prediction) },
                "tiers": model.tiers.map { row($0.tier, "from " + style.money($0.minSpend), $0.prediction) },
                "all": row("All customers", "", all),
            ] as [String: Any],
        ]
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
