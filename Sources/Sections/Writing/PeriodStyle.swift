import JourneysCore


/// Dates and period names as the page's text shows them, in the forms of the catalogue's
/// `format.date`, `format.week`, `format.month` and `format.range` (`23.11.2026` and `KW 47/2026`
/// in German, the ISO forms in English). Only visible text changes: file names, folder names, ids
/// and report.json keep the ISO forms.
extension NumberStyle {
    /// A day, `yyyy-mm-dd` in report.json; anything else stays as written.
    package func date(_ iso: String) -> String {
        guard let d = CivilDate(iso), d.description == iso else { return iso }
        return catalogue.text("format.date", ["iso": iso, "day": two(d.day), "month": two(d.month), "year": "\(d.year)"])
    }

    /// A period's name (`2026-W47`, `2026-11`, `2026-11-02..2026-11-15`); anything else stays as
    /// written.
    package func period(_ name: String) -> String {
        guard let p = Period(parsing: name) else { return name }
        switch p.kind {
        case .week:
            let w = p.first.isoWeek
            return catalogue.text("format.week", ["iso": name, "week": "\(w.week)", "year": "\(w.year)"])
        case .month:
            return catalogue.text("format.month", ["iso": name, "monthName": catalogue.text("format.monthName.\(p.first.month)"),
                                                   "year": "\(p.first.year)"])
        case .range:
            return catalogue.text("format.range", ["iso": name, "first": date(p.first.description), "last": date(p.last.description)])
        }
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
