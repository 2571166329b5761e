import ReportModel
import Sections

/// The funnel per channel and per device class, segments side by side as rows: the visits that
/// reached each step (and their share of the segment's visits), the conversion and its interval.
enum SegmentFunnelView {
    static func make(_ f: SegmentFunnels, labels: PageLabels) -> [[String: Any]] {
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
