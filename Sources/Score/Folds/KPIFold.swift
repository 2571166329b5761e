import JourneysCore
import ReportModel
import Sections

/// The visit KPIs of the period and of the previous one, each counted over the visits that
/// start in it, so that the change between them is tested on the same definitions.
struct KPIFold: SectionFold {
    var current = KPICounts()
    var previous = KPICounts()

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        current.add(person, range: context.period, lookback: context.lookback)
        if let range = context.previous { previous.add(person, range: range, lookback: context.lookback) }
    }

    mutating func merge(_ o: KPIFold) {
        current.merge(o.current)
        previous.merge(o.previous)
    }

    /// The period's KPIs with the sample of its order values, and the previous period's KPIs
    /// (nil when the input does not reach back to it).
    func finish(_ context: inout FinishContext) -> (figures: [Figure], orderValues: ValueSample?, previousFigures: [Figure]?) {
        let now = current.finish()
        return (now.figures, now.orderValues, context.fold.previous == nil ? nil : previous.finish().figures)
    }
}

extension KPIFold {
    init(zero context: FoldContext) { self.init() }
}
