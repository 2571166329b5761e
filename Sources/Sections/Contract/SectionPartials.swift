import ReportModel

/// The partial of every section in a folder of its own (`SectionList.folded`), one fold per
/// section in list order: added to, merged and finished through the list, so that a new section
/// needs no line here. Part of score's partial (`ScorePartial`), so threads, shards' partial files
/// and the tests merge it as they merge score's own tables. In a partial file each fold is written
/// under its section's report.json key.
package struct SectionPartials: FoldContainer {
    package static var folds: [FoldSlot<SectionPartials>] { [] }
    /// One box per section, in list order; a box shared with a copy is copied before it changes,
    /// so the partial keeps the value semantics of score's other folds.
    private var boxes: [FoldBox]

    /// The empty partial of the context's sections (`FoldContext.sections`).
    package init(zero context: FoldContext) {
        boxes = context.sections.map { $0.box(zero: context) }
    }

    package mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        for i in boxes.indices { ownBox(i).add(person, context) }
    }

    package mutating func merge(_ other: SectionPartials) {
        for i in boxes.indices { ownBox(i).merge(other.boxes[i]) }
    }

    /// Joins the partial of other people as `merge` does (the list has no slots to absorb through).
    package mutating func absorb(_ other: inout SectionPartials) { merge(other) }

    /// Box `i`, copied first when a copy of this partial shares it.
    private mutating func ownBox(_ i: Int) -> FoldBox {
        if !isKnownUniquelyReferenced(&boxes[i]) { boxes[i] = boxes[i].copy() }
        return boxes[i]
    }

    /// Every section's part, its withheld rows recorded in `context`.
    package func finish(_ context: inout FinishContext) -> ReportParts {
        var parts = ReportParts()
        for box in boxes { parts.insert(box.finish(&context)) }
        return parts
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SectionKey.self)
        for box in boxes { try box.encode(into: &c) }
    }

    /// Reads the folds of `SectionList.folded`; a partial without one of them is refused.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SectionKey.self)
        boxes = try SectionList.folded.map { try $0.box(decoding: c) }
    }
}

/// One section's fold, behind the list's one type.
private class FoldBox {
    func add(_ person: PersonVisits, _ context: FoldContext) { fatalError("abstract") }
    func merge(_ other: FoldBox) { fatalError("abstract") }
    func copy() -> FoldBox { fatalError("abstract") }
    func finish(_ context: inout FinishContext) -> any ReportPart { fatalError("abstract") }
    func encode(into c: inout KeyedEncodingContainer<SectionKey>) throws { fatalError("abstract") }
}

private final class TypedFoldBox<Section: ReportSection>: FoldBox {
    var fold: Section.Fold
    init(_ fold: Section.Fold) { self.fold = fold }
    override func add(_ person: PersonVisits, _ context: FoldContext) { fold.add(person, context) }
    override func merge(_ other: FoldBox) { fold.merge((other as! TypedFoldBox<Section>).fold) }
    override func copy() -> FoldBox { TypedFoldBox(fold) }
    override func finish(_ context: inout FinishContext) -> any ReportPart { fold.finish(&context) }
    override func encode(into c: inout KeyedEncodingContainer<SectionKey>) throws {
        try c.encode(fold, forKey: SectionKey(Section.partKey))
    }
}

/// A section's key in a partial file.
private struct SectionKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension ReportSection {
    fileprivate static func box(zero context: FoldContext) -> FoldBox { TypedFoldBox<Self>(Fold(zero: context)) }

    fileprivate static func box(decoding c: KeyedDecodingContainer<SectionKey>) throws -> FoldBox {
        TypedFoldBox<Self>(try c.decode(Fold.self, forKey: SectionKey(partKey)))
    }
}
