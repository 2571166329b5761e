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
    typealias Settings = VisitsPerPersonSettings
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

/// The section's settings, `sections.visits_per_person` in the config.
struct VisitsPerPersonSettings: SectionSettings {
    /// `max_visits`: the last row counts the people with this many visits or more.
    var maxVisits = 4

    static let keys = ["max_visits"]
    enum CodingKeys: String, CodingKey { case maxVisits = "max_visits" }

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        maxVisits = try c.decodeIfPresent(Int.self, forKey: .maxVisits) ?? maxVisits
        guard (2...20).contains(maxVisits) else {
            throw DecodingError.dataCorruptedError(forKey: .maxVisits, in: c, debugDescription: "expects a whole number from 2 to 20, found \(maxVisits)")
        }
    }
}

/// The section's part of report.json, `visitsPerPerson`: people per number of visits, the last
/// row "N+" for `max_visits` N.
struct VisitsPerPerson: ListPart, Equatable {
    struct Row: Equatable, Codable {
        var visits: String
        var people: Int
    }
    static let key = "visitsPerPerson"
    var rows: [Row]
}

struct VisitsPerPersonFold: SectionFold {
    /// People by their visits in the period, index 0 for one visit, the last for `max_visits`
    /// and more.
    var people: [Int]

    init(zero context: FoldContext) {
        people = Array(repeating: 0, count: context.settings.sections[VisitsPerPersonSection.self].maxVisits)
    }

    mutating func add(_ person: PersonVisits, _ context: FoldContext) {
        let n = person.visits.filter { context.period.contains($0.start) }.count
        guard n > 0 else { return }
        people[min(n, people.count) - 1] += 1
    }

    mutating func merge(_ other: VisitsPerPersonFold) {
        for i in people.indices { people[i] += other.people[i] }
    }

    func finish(_ context: inout FinishContext) -> VisitsPerPerson {
        let k = context.fold.settings.minPeople
        let rows = people.enumerated().map {
            VisitsPerPerson.Row(visits: $0.offset == people.count - 1 ? "\(people.count)+" : "\($0.offset + 1)", people: $0.element)
        }
        let shown = rows.filter { $0.people >= k }
        context.withhold(rows.count - shown.count, in: .visitsPerPerson)
        return VisitsPerPerson(rows: shown)
    }
}

extension WithheldTable {
    /// The section's one table, under its report.json key.
    static let visitsPerPerson = WithheldTable(rawValue: "visitsPerPerson")
}
