import JourneysCore
import ReportModel
import Sections

/// The sections of score read from visits (the KPIs of the period and of the previous one, the
/// funnel, the journey map, paths, loops, segments, journey lengths) as one fold: people can
/// be added in any split and order, partials merged, and the finish gives the same report.
struct VisitFolds: FoldContainer {
    var kpis = KPIFold()
    var funnel = FunnelFold()
    var journeyMap: JourneyMapFold
    var paths = PathsFold()
    var loops = LoopsFold()
    var segments = SegmentsFold()
    var journeyLengths = JourneyLengthsFold()

    /// The folds that count the period's visits only; `kpis` counts the previous period's too.
    static let periodFolds = [FoldSlot(\Self.funnel), FoldSlot(\Self.journeyMap), FoldSlot(\Self.paths), FoldSlot(\Self.loops),
                              FoldSlot(\Self.segments), FoldSlot(\Self.journeyLengths)]
    package static let folds = [FoldSlot(\Self.kpis)] + periodFolds

    init(zero context: FoldContext) {
        journeyMap = JourneyMapFold(zero: context)
    }

    /// Every section counts visits of the period, the KPIs those of the previous period too: a
    /// person with neither (one seen only earlier, in the lookback) adds nothing and is skipped.
    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        var inPeriod = false, inPrevious = false
        for visit in person.visits {
            if context.period.contains(visit.start) { inPeriod = true; break }
            if let previous = context.previous, previous.contains(visit.start) { inPrevious = true }
        }
        guard inPeriod || inPrevious else { return }
        kpis.add(person, context)
        guard inPeriod else { return }
        for slot in Self.periodFolds { slot.add(&self, person, context) }
    }

    func finish(_ context: inout FinishContext) -> VisitSections {
        let now = kpis.finish(&context)
        let p = paths.finish(&context)
        return VisitSections(figures: now.figures, previousFigures: now.previousFigures,
                             orderValues: now.orderValues, funnel: funnel.finish(&context), journeyMap: journeyMap.finish(&context),
                             segments: segments.finish(&context), journeyLengths: journeyLengths.finish(&context),
                             paths: p.all, buyingPaths: p.buying, loops: loops.finish(&context))
    }
}

/// The report's visit sections as the folds finish them; the KPIs are still figures, to be
/// compared with the previous period's.
struct VisitSections: Equatable {
    var figures: [Figure]
    /// nil when the input does not reach back to the previous period.
    var previousFigures: [Figure]?
    var orderValues: ValueSample?
    var funnel: [FunnelRow]
    var journeyMap: JourneyMap
    var segments: [SegmentRow]
    var journeyLengths: [JourneyLengthRow]
    var paths: [PathRow]
    var buyingPaths: [PathRow]
    var loops: [LoopRow]
}
