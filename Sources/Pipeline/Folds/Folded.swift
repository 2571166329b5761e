import Score
import Touchpoints
import Sections

/// What the read window's people were folded into: score's sections, the history's facts, and
/// how the touchpoint rules were used. The one container of a run's partials: the parts folded
/// on threads (`FoldStage`) and the shards' partial files (`PartialMerge`) are joined by its
/// `merge`, which joins score's sections through `ScorePartial`'s list of folds.
struct Folded: Mergeable {
    var score: ScorePartial
    var history: HistoryFold
    /// The rules that mapped the part's visits, with the hits they counted.
    var mapper: TouchpointMapper

    mutating func merge(_ other: Folded) {
        score.merge(other.score)
        history.merge(other.history)
        mapper.addCounts(ruleHits: other.mapper.ruleHits, unmatched: other.mapper.unmatched)
    }

    /// Joins `other` as `merge` does, freeing its largest tables as they are joined.
    mutating func absorb(_ other: inout Folded) {
        score.absorb(&other.score)
        history.absorb(&other.history)
        mapper.addCounts(ruleHits: other.mapper.ruleHits, unmatched: other.mapper.unmatched)
    }
}

/// What the map side hands to the reduce side: the period against the lines' span, the settings
/// score finishes with, the accounting of every line, and the people folded. A one-process run
/// makes it from the lines (`touchpoints+fold`), `journeys merge` from the shards' partial files
/// (`merge partials`); the stages after it cannot tell which.
struct FoldedRead {
    var window: PeriodWindow
    var settings: ScoreSettings
    var accounting: InputAccounting
    var folded: Folded
}
