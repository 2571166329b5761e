import ReportModel

/// "Visits and orders by weekday and hour": the period's visits as a heatmap of local weekday by
/// hour (turned for a phone), each cell with its orders in its title, and every number again in
/// two text tables, so that colour never carries a figure alone.
enum WeekdayHourSection: ReportSection {
    typealias Fold = WeekdayHourFold
    static let id = "weekday-hour"
    static let heading = "weekdayHour.title"
    static let resources = SectionResources(
        partial: PackageResources.weekday_hour_mustache,
        words: ["en": PackageResources.weekday_hour_en_json, "de": PackageResources.weekday_hour_de_json],
        schema: PackageResources.weekday_hour_schema_json)

    static func view(_ part: WeekdayHour, _ page: SectionPage) -> [String: Any] {
        ["heatmapSVG": HeatmapSVG.figure(part, labels: page.labels), "heatmapTables": HeatmapSVG.tables(part, labels: page.labels)]
    }
}
