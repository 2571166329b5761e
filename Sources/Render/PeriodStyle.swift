import JourneysCore

/// Dates and period names as the page's text shows them: `23.11.2026` and `KW 47/2026` in German,
/// the ISO forms in English (`2026-11-23`, `2026-W47`). Only visible text changes: file names,
/// folder names, ids and report.json keep the ISO forms.
extension NumberStyle {
    /// A day, `yyyy-mm-dd` in report.json; anything else stays as written.
    package func date(_ iso: String) -> String {
        guard locale == "de", let d = CivilDate(iso), d.description == iso else { return iso }
        return "\(two(d.day)).\(two(d.month)).\(d.year)"
    }

    /// A period's name (`2026-W47`, `2026-11`, `2026-11-02..2026-11-15`); anything else stays as
    /// written.
    package func period(_ name: String) -> String {
        guard locale == "de", let p = Period(parsing: name) else { return name }
        switch p.kind {
        case .week:
            let w = p.first.isoWeek
            return "KW \(w.week)/\(w.year)"
        case .month:
            return "\(Self.germanMonths[p.first.month - 1]) \(p.first.year)"
        case .range:
            return "\(date(p.first.description))–\(date(p.last.description))"
        }
    }

    static let germanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                               "Oktober", "November", "Dezember"]

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
