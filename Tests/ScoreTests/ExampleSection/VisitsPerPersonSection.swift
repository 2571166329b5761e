import ReportModel
import Sections

/// A small section written the way a section is added, as one folder: this file (its fold, its
/// part of report.json and its view) and `Resources/` (its partial, its words in English and
/// German, the JSON Schema of its part). How many people made 1, 2, 3 or 4 and more visits in
/// the period; a row about fewer than privacy.min_people people is withheld and counted in the
/// ledger. The tests put it on the list (`SectionList.all` in the product) and follow it from
/// the fold to the page.
enum VisitsPerPersonSection: ReportSection {
    typealias Fold = VisitsPerPersonFold
    static let id = "visits-per-person"
    static let heading = "visitsPerPerson.title"
    static let resources = SectionResources(
        partial: PackageResources.visits_per_person_mustache,
        words: ["en": PackageResources.visits_per_person_en_json, "de": PackageResources.visits_per_person_de_json],
        schema: PackageResources.visits_per_person_schema_json)
    static let withheldTables: [(table: WithheldTable, label: String)] = [(.visitsPerPerson, "withheld.table.visitsPerPerson")]

    static func view(_ part: VisitsPerPerson, _ page: SectionPage) -> [String: Any] {
        ["visitsPerPerson": part.rows.map { ["visits": $0.visits, "people": page.style.integer($0.people)] },
         "visitsPerPersonWithheld": page.withheldNote([.visitsPerPerson])]
    }
}

/// The section's part of report.json, `visitsPerPerson`: people per number of visits, the last
/// row "4+".
struct VisitsPerPerson: ListPart, Equatable {
    struct Row: Equatable, Codable {
        var visits: String
        var people: Int
    }
    static let key = "visitsPerPerson"
    var rows: [Row]
}

struct VisitsPerPersonFold: SectionFold {
    /// People by their visits in the period, index 0 for one visit, 3 for four and more.
    var people = [0, 0, 0, 0]

    init(zero context: FoldContext) {}

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        let n = person.visits.filter { context.period.contains($0.start) }.count
        guard n > 0 else { return }
        people[min(n, 4) - 1] += 1
    }

    mutating func merge(_ other: VisitsPerPersonFold) {
        for i in people.indices { people[i] += other.people[i] }
    }

    func finish(_ context: inout FinishContext) -> VisitsPerPerson {
        let k = context.fold.settings.minPeople
        let rows = people.enumerated().map { VisitsPerPerson.Row(visits: $0.offset == 3 ? "4+" : "\($0.offset + 1)", people: $0.element) }
        let shown = rows.filter { $0.people >= k }
        context.withhold(rows.count - shown.count, in: .visitsPerPerson)
        return VisitsPerPerson(rows: shown)
    }
}

extension WithheldTable {
    /// The section's one table, under its report.json key.
    static let visitsPerPerson = WithheldTable(rawValue: "visitsPerPerson")
}
