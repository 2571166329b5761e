/// Section folds kept together in one partial (`VisitFolds`, `ChannelFolds`, `QuestionFolds`,
/// and `ScorePartial`, which holds those three): the container lists its folds once, in
/// `folds`, and adds and merges through that list, so a section joins a container with its
/// stored property and one line of the list. Every partial of score is merged here and only
/// here, whether the parts are threads, buckets of a spill or shards' partial files.
package protocol FoldContainer: Mergeable, Codable {
    /// Every fold of the container (a section's fold or a container of them), each once.
    static var folds: [FoldSlot<Self>] { get }
    /// The empty partial: every fold at its zero.
    init(zero context: FoldContext)
    mutating func add(_ person: PersonVisits, _ context: FoldContext)
}

extension FoldContainer {
    /// Joins the partial of other people, fold by fold.
    package mutating func mergeEveryFold(_ other: Self) {
        for slot in Self.folds { slot.merge(&self, other) }
    }

    /// Adds one person to every fold.
    package mutating func addToEveryFold(_ person: PersonVisits, _ context: FoldContext) {
        for slot in Self.folds { slot.add(&self, person, context) }
    }

    package mutating func merge(_ other: Self) { mergeEveryFold(other) }

    /// Joins the partial of other people fold by fold, each fold of `other` left as its
    /// `absorb` leaves it. A container that lists no slots joins otherwise (its own `merge`), so
    /// it is joined by that: absorbing must never join less than merging.
    package mutating func absorb(_ other: inout Self) {
        guard !Self.folds.isEmpty else { return merge(other) }
        for slot in Self.folds { slot.absorb(&self, &other) }
    }

    package mutating func add(_ person: PersonVisits, _ context: FoldContext) { addToEveryFold(person, context) }

    /// The people folded in one at a time into an empty partial.
    package static func folded(_ people: some Sequence<PersonVisits>, _ context: FoldContext) -> Self {
        var folds = Self(zero: context)
        for person in people { folds.add(person, context) }
        return folds
    }
}

/// One fold of a container, reached through its key path: a section's fold or a nested container.
package struct FoldSlot<Container>: Sendable {
    package let add: @Sendable (inout Container, PersonVisits, FoldContext) -> Void
    package let merge: @Sendable (inout Container, Container) -> Void
    package let absorb: @Sendable (inout Container, inout Container) -> Void

    package init<Fold: SectionFold & SendableMetatype>(_ path: WritableKeyPath<Container, Fold> & Sendable) {
        add = { container, person, context in container[keyPath: path].add(person, context) }
        merge = { container, other in container[keyPath: path].merge(other[keyPath: path]) }
        absorb = { container, other in container[keyPath: path].absorb(&other[keyPath: path]) }
    }

    package init<Nested: FoldContainer & SendableMetatype>(_ path: WritableKeyPath<Container, Nested> & Sendable) {
        add = { container, person, context in container[keyPath: path].add(person, context) }
        merge = { container, other in container[keyPath: path].merge(other[keyPath: path]) }
        absorb = { container, other in container[keyPath: path].absorb(&other[keyPath: path]) }
    }
}
