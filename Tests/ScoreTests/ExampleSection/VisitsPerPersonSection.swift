import ReportModel
@testable import Score

/// A small section written the way a section is added: its fold, its model, and the one line of
/// `ExampleFolds.folds`. How many people made 1, 2, 3 or 4 and more visits in the period; a row
/// about fewer than privacy.min_people people is withheld and counted in the ledger.
struct VisitsPerPersonSection: SectionFold {
    /// The report's part: people per number of visits, the last row "4 and more".
    struct Row: Equatable, Codable {
        var visits: String
        var people: Int
    }

    /// People by their visits in the period, index 0 for one visit, 3 for four and more.
    var people = [0, 0, 0, 0]

    init(zero context: FoldContext) {}

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        let n = person.visits.filter { context.period.contains($0.start) }.count
        guard n > 0 else { return }
        people[min(n, 4) - 1] += 1
    }

    mutating func merge(_ other: VisitsPerPersonSection) {
        for i in people.indices { people[i] += other.people[i] }
    }

    func finish(_ context: inout FinishContext) -> [Row] {
        let k = context.fold.settings.minPeople
        let rows = people.enumerated().map { Row(visits: $0.offset == 3 ? "4+" : "\($0.offset + 1)", people: $0.element) }
        let shown = rows.filter { $0.people >= k }
        context.withhold(rows.count - shown.count, in: .visitsPerPerson)
        return shown
    }
}

/// A container as the score partial's are: its folds, and the list they are added and merged by.
struct ExampleFolds: FoldContainer {
    var visitsPerPerson: VisitsPerPersonSection

    static let folds = [FoldSlot(\Self.visitsPerPerson)]

    init(zero context: FoldContext) { visitsPerPerson = VisitsPerPersonSection(zero: context) }
}

extension WithheldTable {
    /// The section's one table, under its report.json key.
    static let visitsPerPerson = WithheldTable(rawValue: "visitsPerPerson")
}
