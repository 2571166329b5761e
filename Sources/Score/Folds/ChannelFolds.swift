import JourneysCore
import ReportModel
import Sections

/// The channel sections of score as folds: the channel table with its attribution models, and
/// customer value from the logs' window. People can be folded in any split, merged, and
/// finished into the same rows to the byte.
struct ChannelFolds: FoldContainer {
    var counts = ChannelCountsFold()
    var heuristic = HeuristicCreditsFold()
    var markov = MarkovPathsFold()
    var customerValue = CustomerValueFold()

    package static let folds = [FoldSlot(\Self.counts), FoldSlot(\Self.heuristic), FoldSlot(\Self.markov), FoldSlot(\Self.customerValue)]

    init(zero context: FoldContext) {}

    /// The channel table: a row per channel with a visit in the period or any credit, in
    /// `Channel` order, credits rounded.
    func channelRows(_ context: inout FinishContext) -> [ChannelRow] {
        let credits = heuristic.finish(&context)
        let markovCredit = markov.finish(&context)
        let counts = counts.finish(&context)
        return Channel.allCases.compactMap { c in
            let n = counts[c.order]
            guard n.rates.visits > 0 || credits[c] != nil || markovCredit[c] != nil else { return nil }
            var a = credits[c] ?? Attribution()
            a.firstTouch = rounded(a.firstTouch)
            a.lastTouch = rounded(a.lastTouch)
            a.lastNonDirect = rounded(a.lastNonDirect)
            a.linear = rounded(a.linear)
            a.timeDecay = rounded(a.timeDecay)
            a.positionBased = rounded(a.positionBased)
            a.markov = rounded(markovCredit[c] ?? 0)
            var row = ChannelRow(channel: c.rawValue, label: c.label, visits: n.rates.visits, journeysStarted: n.journeysStarted,
                                 journeysClosed: n.journeysClosed, orders: n.orders, revenue: Double(n.cents) / 100, attribution: a)
            row.rates = n.rates
            return row
        }
    }

    /// Customer value from the logs' window.
    func customerValueSection(_ context: inout FinishContext) -> CustomerValueInfo { customerValue.finish(&context) }
}
