import ReportModel
import JourneysCore

/// Formats numbers for the report by hand, per locale, so output never depends on the machine's
/// locale data: the same numbers give the same bytes everywhere. The separators, signs and unit
/// words are the catalogue's `format.*` texts, so a language is one catalogue file.
package struct NumberStyle: Sendable {
    package let catalogue: Catalogue
    package var currency: String
    private let group: String
    private let decimalMark: String
    /// When set (a period with orders of which none carries a value), every money figure reads
    /// this text: a sum or average of unknown values is unknown, not 0.00.
    package var unknownMoney: String? = nil

    package var locale: String { catalogue.locale }

    package init(catalogue: Catalogue, currency: String) {
        self.catalogue = catalogue
        self.currency = currency
        group = catalogue.text("format.group")
        decimalMark = catalogue.text("format.decimal")
    }


    package func integer(_ n: Int) -> String { DigitGrouping(separator: group).string(n) }

    /// `x` with `places` decimals. Whole numbers are 128-bit, so no figure a report can hold (a
    /// sum of 64-bit cents, a number read from a report.json) overflows; a number beyond even
    /// that, or not finite, is written as Swift writes a Double.
    package func decimal(_ x: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let magnitude = (abs(x) * scale).rounded()
        guard magnitude.isFinite, magnitude < 1e37 else { return "\(x)" }
        let scaled = Int128(magnitude), unit = Int128(scale)
        let whole = DigitGrouping(separator: group).string(scaled / unit)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + whole }
        let frac = String(scaled % unit)
        return sign + whole + decimalMark + String(repeating: "0", count: places - frac.count) + frac
    }

    /// A KPI's value in its unit (`missing` for none): the report's cards, the diff and the trends
    /// print figures alike.
    package func value(_ v: Double?, unit: KPI.Unit) -> String {
        guard let v else { return missing }
        switch unit {
        case .count: return decimal(v, places: 0)
        case .ratio: return percent(v)
        case .money: return money(v)
        case .seconds: return duration(seconds: v)
        case .days: return catalogue.text("format.days", ["value": decimal(v, places: 1)])
        case .score: return decimal(v, places: 1)
        case .number: return decimal(v, places: 2)
        }
    }

    /// A 95% interval `[low, high]` in the figure's unit, as "low–high" (`missing` for none).
    package func interval(_ i: Interval?, unit: KPI.Unit) -> String {
        guard let i, i.count == 2 else { return missing }
        // A true minus, so that "−5.4–53.0" cannot read as a range starting at a dash.
        func end(_ x: Double) -> String {
            let text = value(x, unit: unit)
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
        }
        return end(i[0]) + "–" + end(i[1])
    }

    /// `x / n` as a percentage, rounded to 4 decimals first as report.json keeps rates, so that it
    /// prints as the same rate does elsewhere on the page; `missing` for n = 0.
    package func share(_ x: Int, of n: Int) -> String {
        guard n != 0 else { return missing }
        return percent((Double(x) / Double(n) * 10_000).rounded() / 10_000)
    }

    /// A figure that has no value (nothing to divide by, no previous period).
    package var missing: String { catalogue.text("format.missing") }

    /// German puts a space before the sign, a no-break one, so that a figure never wraps apart.
    package func percent(_ ratio: Double, places: Int = 1) -> String {
        catalogue.text("format.percent", ["value": decimal(ratio * 100, places: places)])
    }

    /// A rate that may have no denominator: `missing` (n/a) for none, never 0%.
    package func percent(_ ratio: Double?, places: Int = 1) -> String {
        ratio.map { percent($0, places: places) } ?? missing
    }

    /// The currency's sign before the figure in English (€1,234.50), after it in German
    /// (1.234,50 €, with a no-break space); a currency without a sign shows its code.
    package func money(_ x: Double) -> String {
        if let unknownMoney { return unknownMoney }
        let symbol = currency == "EUR" ? "€" : currency == "USD" ? "$" : currency == "GBP" ? "£" : currency
        return catalogue.text("format.money", ["symbol": symbol, "value": decimal(x, places: 2)])
    }

    /// "2m 42s" in English, "2 Min. 42 Sek." in German, joined by no-break spaces so that a
    /// duration never breaks across lines.
    package func duration(seconds: Double) -> String {
        let s = Int(seconds.rounded())
        guard s >= 60 else { return catalogue.text("format.duration.seconds", ["seconds": "\(s)"]) }
        let rest = s % 60
        return catalogue.text("format.duration.minutes", ["minutes": "\(s / 60)", "seconds": "\(rest)",
                                                          "paddedSeconds": rest < 10 ? "0\(rest)" : "\(rest)"])
    }
}
