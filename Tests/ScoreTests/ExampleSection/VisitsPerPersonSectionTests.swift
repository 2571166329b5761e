import JourneysCore
import Testing
@testable import Score

/// The fold contract, held by a section written in a test: empty partials, people added in any
/// split, partials merged in any order, and a finish that puts its withheld rows in the ledger.
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
        var folds = ExampleFolds(zero: context)
        for person in people(input) { folds.addToEveryFold(person, context) }
        var finishing = FinishContext(context)
        let rows = folds.visitsPerPerson.finish(&finishing)
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
        var whole = ExampleFolds(zero: context)
        for person in everyone { whole.addToEveryFold(person, context) }
        var partials = Array(repeating: ExampleFolds(zero: context), count: parts)
        for (i, person) in everyone.enumerated().reversed() { partials[(i * 7) % parts].addToEveryFold(person, context) }
        var merged = ExampleFolds(zero: context)
        for p in partials.reversed() { merged.merge(p) }
        var a = FinishContext(context), b = FinishContext(context)
        #expect(merged.visitsPerPerson.finish(&a) == whole.visitsPerPerson.finish(&b))
        #expect(a.withheld == b.withheld)
        #expect(a.suppressed.rows == whole.visitsPerPerson.people.filter { $0 < 5 }.count)
    }
}
