import Foundation
import JourneysCore
import ReportModel
@testable import Render
import Testing
@testable import Score
import Sections

/// A section written in a test as one folder (`VisitsPerPersonSection`), followed from the fold to
/// the page: the fold contract (empty partials, people added in any split, partials merged in any
/// order, a finish that puts its withheld rows in the ledger), then score, report.json, the
/// schema and the page with only the section put on the list.
@Suite struct VisitsPerPersonSectionTests {
    func people(_ input: ScoreInput) -> [PersonVisits] {
        input.journeys.map { j in PersonVisits(visits: j.visits.map { input.visits[$0] }, mapped: j.visits.map { input.mapped[$0] }) }
    }

    func input(minPeople: Int) throws -> ScoreInput {
        var input = try ChannelFoldsTests().input()
        input.questions.minPeople = minPeople
        return input
    }

    /// The rows against the visits counted plainly per person.
    @Test func countsPeopleByTheirVisits() throws {
        let input = try input(minPeople: 1)
        let context = input.foldContext
        var fold = VisitsPerPersonFold(zero: context)
        for person in people(input) { fold.add(person, context) }
        var finishing = FinishContext(context)
        let rows = fold.finish(&finishing).rows
        var expected = [0, 0, 0, 0]
        for journey in input.journeys {
            let n = journey.visits.filter { ChannelFoldsTests.period.contains(input.visits[$0].start) }.count
            if n > 0 { expected[min(n, 4) - 1] += 1 }
        }
        #expect(expected.reduce(0, +) > 0 && expected.filter { $0 > 0 }.count >= 2)
        #expect(rows.map(\.people) == expected.filter { $0 > 0 })
        #expect(finishing.withheld[.visitsPerPerson] == expected.filter { $0 == 0 }.count)
    }

    @Test(arguments: [2, 3, 5]) func anySplitMergesIntoTheWhole(parts: Int) throws {
        let input = try input(minPeople: 5)
        let context = input.foldContext
        let everyone = people(input)
        var whole = VisitsPerPersonFold(zero: context)
        for person in everyone { whole.add(person, context) }
        var partials = Array(repeating: VisitsPerPersonFold(zero: context), count: parts)
        for (i, person) in everyone.enumerated().reversed() { partials[(i * 7) % parts].add(person, context) }
        var merged = VisitsPerPersonFold(zero: context)
        for p in partials.reversed() { merged.merge(p) }
        var a = FinishContext(context), b = FinishContext(context)
        #expect(merged.finish(&a) == whole.finish(&b))
        #expect(a.withheld == b.withheld)
        #expect(a.suppressed.rows == whole.people.filter { $0 < 5 }.count)
    }

    /// The section's setting reaches its fold through the context: two rows, "1" and "2+".
    @Test func itsSettingReachesItsFold() throws {
        var input = try input(minPeople: 1)
        var settings = VisitsPerPersonSettings()
        settings.maxVisits = 2
        input.questions.sections[VisitsPerPersonSection.self] = settings
        let context = input.foldContext
        var fold = VisitsPerPersonFold(zero: context)
        for person in people(input) { fold.add(person, context) }
        var finishing = FinishContext(context)
        let rows = fold.finish(&finishing).rows
        #expect(rows.map(\.visits) == ["1", "2+"])
        var plain = VisitsPerPersonFold(zero: try self.input(minPeople: 1).foldContext)
        for person in people(input) { plain.add(person, context) }
        #expect(rows.map(\.people) == [plain.people[0], plain.people[1...].reduce(0, +)])
    }

    /// Put on the list, the section is folded with score's partial, merged through it, written
    /// to report.json under its key and read back, described by the schema and drawn on the page
    /// in its own words, with no file outside its folder knowing it.
    @Test func onTheListItReachesReportJSONTheSchemaAndThePage() throws {
        let input = try input(minPeople: 1)
        var context = input.foldContext
        context.sections = SectionList.folded + [VisitsPerPersonSection.self]
        let everyone = Array(people(input))
        var first = ScorePartial(zero: context), second = ScorePartial(zero: context)
        for (i, person) in everyone.enumerated() {
            if i % 2 == 0 { first.add(person, context) } else { second.add(person, context) }
        }
        first.merge(second)
        let report = Scorer.score(first, settings: input.settings, accounting: input.accounting, history: nil, context: ScoreTestShop.context)
        let part = try #require(report.parts[VisitsPerPerson.self])
        var plain = VisitsPerPersonFold(zero: context)
        for person in everyone { plain.add(person, context) }
        #expect(part.rows.map(\.people) == plain.people.filter { $0 > 0 })

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["visitsPerPerson"] as? [[String: Any]])?.count == part.rows.count)
        let types = SectionList.folded.map { $0.partType } + [VisitsPerPerson.self]
        #expect(try ReportPartTypes.decoder(types).decode(ReportData.self, from: json).parts == report.parts)
        // a reader that does not know the section leaves its part out instead of guessing
        #expect(try JSONDecoder().decode(ReportData.self, from: json).parts[VisitsPerPerson.self] == nil)

        let schema = try SectionList.reportSchema(SectionList.folded + [VisitsPerPersonSection.self])
        #expect(schema.contains("\"visitsPerPerson\" : {") || schema.contains("\"visitsPerPerson\": {"))

        let templates = try ReportTemplates(directory: nil, sections: SectionList.all + [PageSection(VisitsPerPersonSection.self, .appendix)])
        let html = ReportRenderer(templates: templates).report(report)
        let start = try #require(html.range(of: "<section id=\"visits-per-person\">"))
        let section = String(html[start.lowerBound...]).components(separatedBy: "</section>")[0]
        #expect(section.contains("<h2>People by their visits</h2>"))
        #expect(section.contains("<tr><td>1</td><td class=\"num\">\(part.rows[0].people)</td></tr>"))
        let german = ReportRenderer(templates: templates).report({ var d = report; d.period.locale = "de"; return d }())
        #expect(german.contains("<h2>Personen nach ihren Besuchen</h2>"))
    }
}
