import Sections
import JourneysCore
import ReportModel

/// The channel table's readings of finished rows (the rows themselves are folded, see
/// `ChannelFolds`).
enum ChannelTable {
    /// Channels whose credit differs most between models (spread of at least 10% of the orders).
    static func disagreements(_ rows: [ChannelRow]) -> [Disagreement] {
        let total = rows.reduce(0.0) { $0 + Double($1.orders) }
        guard total > 0 else { return [] }
        var byChannel: [Channel: Attribution] = [:]
        for r in rows { if let c = Channel(rawValue: r.channel) { byChannel[c] = r.attribution } }
        return ModelDisagreement.largest(byChannel, markov: byChannel.mapValues(\.markov), totalOrders: total).map {
            Disagreement(channel: $0.channel.rawValue, label: $0.channel.label, lowestModel: $0.lowest.label,
                         lowest: $0.lowestCredit, highestModel: $0.highest.label, highest: $0.highestCredit,
                         shareOfOrders: rounded($0.shareOfOrders))
        }
    }
}
