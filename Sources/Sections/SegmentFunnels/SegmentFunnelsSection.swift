import JourneysCore
import ReportModel

/// "Funnels by channel and device": the funnel of each segment as a row, the visits that reached
/// each step (and their share of the segment's visits), the conversion and its interval, so that
/// a channel or a device that loses people at one step stands out beside the others.
enum SegmentFunnelsSection: ReportSection {
    typealias Fold = SegmentFunnelFold
    static let id = "segment-funnels"
    static let heading = "segmentFunnels.title"
    static let resources = SectionResources(
        partial: PackageResources.segment_funnels_mustache,
        words: ["en": PackageResources.segment_funnels_en_json, "de": PackageResources.segment_funnels_de_json],
        schema: PackageResources.segment_funnels_schema_json)
    /// The ledger's entries of these two tables stay in `ReportSchema.json`, in page order: a
    /// section's schema fragment hands the ledger its tables in no fixed order, and `journeys
    /// schema` prints the same bytes on every run.
    static let withheldTables: [(table: WithheldTable, label: String)] = [
        (.funnelsByChannel, "withheld.table.funnelsByChannel"),
        (.funnelsByDevice, "withheld.table.funnelsByDevice"),
    ]

    static func view(_ part: SegmentFunnels, _ page: SectionPage) -> [String: Any] {
        let labels = page.labels
        return ["segmentFunnels": tables(part, labels: labels),
                "stepNames": FunnelStep.allCases.map { labels.funnelStep($0.rawValue, fallback: $0.label) },
                "segmentFunnelsWithheld": page.withheldNote([.funnelsByChannel, .funnelsByDevice])]
    }

    /// The two tables, by channel and by device.
    static func tables(_ f: SegmentFunnels, labels: PageLabels) -> [[String: Any]] {
        let style = labels.style
        func rows(_ rows: [SegmentFunnel], label: (SegmentFunnel) -> String) -> [[String: Any]] {
            rows.map { r in
                ["label": label(r), "visits": style.integer(r.visits),
                 "steps": r.steps.map { n -> [String: Any] in
                     ["count": style.integer(n), "share": style.share(n, of: r.visits)]
                 },
                 "rate": style.percent(r.conversionRate), "interval": style.interval(r.interval, unit: .ratio)]
            }
        }
        return [
            ["title": labels.text("segmentFunnels.byChannel"), "group": labels.text("col.channel"),
             "rows": rows(f.byChannel) { labels.channel($0.id, fallback: $0.label) }, "hasRows": !f.byChannel.isEmpty],
            ["title": labels.text("segmentFunnels.byDevice"), "group": labels.text("col.device"),
             "rows": rows(f.byDevice) { labels.device($0.id) }, "hasRows": !f.byDevice.isEmpty],
        ]
    }
}

extension WithheldTable {
    static let funnelsByChannel = WithheldTable(rawValue: "funnels.byChannel")
    static let funnelsByDevice = WithheldTable(rawValue: "funnels.byDevice")
}
