import JourneysCore
import Touchpoints
import Sections

/// Everything score folds people into: the visit sections, the channel table and attribution,
/// the CX sections, each a container of section folds, and the sections in folders of their own. A monoid: `init(zero:)` is the empty
/// partial and `merge` joins the partials of disjoint people exactly, so the people may be
/// folded in any number of parts (threads, buckets of a spill, other processes) and the finish
/// gives the same bytes.
package struct ScorePartial: FoldContainer {
    var visits: VisitFolds
    var channels: ChannelFolds
    var questions: QuestionFolds
    var sections: SectionPartials

    package static let folds = [FoldSlot(\Self.visits), FoldSlot(\Self.channels), FoldSlot(\Self.questions), FoldSlot(\Self.sections)]

    package init(zero context: FoldContext) {
        visits = VisitFolds(zero: context)
        channels = ChannelFolds(zero: context)
        questions = QuestionFolds(zero: context)
        sections = SectionPartials(zero: context)
    }

    /// Folds one person in: all of their visits of the read window, oldest first, with their mapping.
    package mutating func add(_ person: PersonVisits, _ context: FoldContext) { addToEveryFold(person, context) }

    /// Joins the partial of other, disjoint people.
    package mutating func merge(_ other: ScorePartial) { mergeEveryFold(other) }

    /// Numbers the partial's symbols anew through `map` (old number to new), as a merge of
    /// partials made by other processes does: only the value tables keep symbols.
    package mutating func renumber(_ map: [Symbol]) {
        questions.tables.renumber(map)
    }

    /// Whether the order values of the read window add up within 64-bit cents. Every sum of
    /// money the report shows is a part of that total (values are never negative), so when it
    /// fits, none of them stopped at `Int64.max` (see `Cents`); when it does not, the report is
    /// refused rather than shown with a capped revenue.
    package var orderValuesFit: Bool {
        let buyers = channels.customerValue.buyers.map(\.buyer.revenueCents)
        return buyers.allSatisfy(Cents.fits) && Cents.checkedSum(buyers).map(Cents.fits) == true
            && Cents.fits(visits.kpis.current.revenueCents) && Cents.fits(visits.kpis.previous.revenueCents)
    }
}
