import ReportModel

/// The funnel per channel and per device class, segments side by side as rows: the visits that
/// reached each step (and their share of the segment's visits), the conversion and its interval.
enum SegmentFunnelView {
    static func make(_ f: SegmentFunnels, style: NumberStyle) -> [[String: Any]] {
        func rows(_ rows: [SegmentFunnel]) -> [[String: Any]] {
            rows.map { r in
                ["label": Markup.clean(r.label), "visits": style.integer(r.visits),
                 "steps": r.steps.map { n -> [String: Any] in
                     ["count": style.integer(n), "share": style.share(n, of: r.visits)]
                 },
                 "rate": style.percent(r.conversionRate), "interval": style.interval(r.interval, unit: .ratio)]
            }
        }
        return [
            ["title": "By channel", "group": "Channel", "rows": rows(f.byChannel), "hasRows": !f.byChannel.isEmpty],
            ["title": "By device", "group": "Device", "rows": rows(f.byDevice), "hasRows": !f.byDevice.isEmpty],
        ]
    }
}
