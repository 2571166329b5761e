import ReportModel
import Sections

/// Channels and attribution: each channel's visits, journeys started, orders and revenue, and the
/// period's orders as each attribution model credits them; the channels the models disagree on.
/// Journeys closed are report.json's alone: they are the channel's orders on every row.
enum ChannelsView {
    static func make(_ data: ReportData, labels: PageLabels) -> [String: Any] {
        let style = labels.style
        return [
            "channels": data.channels.map { c -> [String: Any] in
                [
                    "label": labels.channel(c.channel, fallback: c.label), "visits": style.integer(c.visits),
                    "started": style.integer(c.journeysStarted), "orders": style.integer(c.orders),
                    "revenue": style.money(c.revenue),
                    "first": style.decimal(c.attribution.firstTouch, places: 1),
                    "last": style.decimal(c.attribution.lastTouch, places: 1),
                    "lastNonDirect": style.decimal(c.attribution.lastNonDirect, places: 1),
                    "linear": style.decimal(c.attribution.linear, places: 1),
                    "timeDecay": style.decimal(c.attribution.timeDecay, places: 1),
                    "position": style.decimal(c.attribution.positionBased, places: 1),
                    "markov": style.decimal(c.attribution.markov, places: 1),
                ]
            },
            "disagreements": data.disagreements.map {
                ["label": labels.channel($0.channel, fallback: $0.label),
                 "detail": labels.text("channels.disagreeDetail", [
                     "lowest": style.decimal($0.lowest, places: 1), "lowestModel": labels.modelInSentence($0.lowestModel),
                     "highest": style.decimal($0.highest, places: 1), "highestModel": labels.modelInSentence($0.highestModel),
                     "share": style.percent($0.shareOfOrders)])] as [String: Any]
            },
        ]
    }
}
