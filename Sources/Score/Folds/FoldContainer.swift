/// Section folds kept together in one partial (`VisitFolds`, `ChannelFolds`, `QuestionFolds`):
/// the container lists its folds once, in `folds`, and merges and adds through that list, so a
/// section joins a container with its stored property and one line of the list.
protocol FoldContainer: Codable {
    /// Every section fold of the container, each once.
    static var folds: [FoldSlot<Self>] { get }
}

extension FoldContainer {
    /// Joins the partial of other people, fold by fold.
    mutating func merge(_ other: Self) {
        for slot in Self.folds { slot.merge(&self, other) }
    }

    /// Adds one person to every fold.
    mutating func addToEveryFold(_ person: PersonVisits, _ context: FoldContext) {
        for slot in Self.folds { slot.add(&self, person, context) }
    }
}

/// One section fold of a container, reached through its key path.
struct FoldSlot<Container>: Sendable {
    let add: @Sendable (inout Container, PersonVisits, FoldContext) -> Void
    let merge: @Sendable (inout Container, Container) -> Void

    init<Fold: SectionFold & SendableMetatype>(_ path: WritableKeyPath<Container, Fold> & Sendable) {
        add = { container, person, context in container[keyPath: path].add(person, context) }
        merge = { container, other in container[keyPath: path].merge(other[keyPath: path]) }
    }
}
