import Compare
import Sections

/// "What changed" for the report page: the one list the diff and the index draw too, its top on
/// the first screen and the rest folded below it, and the note on how many tests it comes from.
enum ChangesView {
    /// How many items the first screen shows before the rest folds.
    static let top = 3

    static func make(_ list: ChangeList, labels: PageLabels) -> [String: Any] {
        let items = DiffView.lines(list, labels: labels).map { ["text": Markup.clean($0.cells[0]), "trend": $0.trend] }
        return [
            "changes": Array(items.prefix(top)),
            "moreChanges": Array(items.dropFirst(top)),
            "hasMoreChanges": items.count > top,
            "moreChangesLine": labels.plural("changes.more", count: max(0, items.count - top)),
            "moreChangesStart": top + 1,
            "hasChanges": !items.isEmpty,
            "changesFamily": DiffView.familyNote(list, labels: labels),
        ]
    }
}
