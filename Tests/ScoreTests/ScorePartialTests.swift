import Foundation
import JourneysCore
import ReportModel
import Testing
@testable import Score
import Sections

/// The one container of score's partials: people folded in any split and merged through
/// `ScorePartial`'s list of folds give the report of one fold of everyone, and a partial read
/// back from its JSON (as a shard's partial file carries it) merges the same.
@Suite struct ScorePartialTests {
    func input() throws -> ScoreInput {
        var settings = QuestionSettings()
        settings.minPeople = 2
        return try FoldMergeTests().shop().input(period: 7 * FoldMergeTests.day..<14 * FoldMergeTests.day,
                                                 previous: 0..<7 * FoldMergeTests.day, settings: settings)
    }

    func report(_ partial: ScorePartial, _ input: ScoreInput) -> ReportData {
        Scorer.score(partial, settings: input.settings, accounting: input.accounting, history: input.history,
                     context: ScoreTestShop.context)
    }

    @Test(arguments: [2, 3, 7]) func anySplitMergedGivesTheReportOfOneFold(parts: Int) throws {
        let input = try input()
        let context = input.foldContext
        var partials = Array(repeating: ScorePartial(zero: context), count: parts)
        for (j, person) in input.people.enumerated() { partials[(j * 7919) % parts].add(person, context) }
        let merged = try #require(ScorePartial.merged(partials.reversed()))
        let whole = Scorer.score(input, context: ScoreTestShop.context)
        #expect(whole.kpi("visits")?.value ?? 0 > 0 && whole.kpi("orders")?.value ?? 0 > 0)
        #expect(report(merged, input) == whole)
    }

    @Test(arguments: [2, 3]) func partsAbsorbedInOrderGiveTheReportOfOneFold(parts: Int) throws {
        let input = try input()
        let context = input.foldContext
        var partials = Array(repeating: ScorePartial(zero: context), count: parts)
        for (j, person) in input.people.enumerated() { partials[(j * 7919) % parts].add(person, context) }
        var whole = partials[0]
        for k in 1..<parts { whole.absorb(&partials[k]) }
        #expect(report(whole, input) == Scorer.score(input, context: ScoreTestShop.context))
    }

    @Test func aPartialThroughItsJSONMergesTheSame() throws {
        let input = try input()
        let context = input.foldContext
        var a = ScorePartial(zero: context), b = ScorePartial(zero: context)
        for (j, person) in input.people.enumerated() {
            if j % 2 == 0 { a.add(person, context) } else { b.add(person, context) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let readBack = try JSONDecoder().decode(ScorePartial.self, from: try encoder.encode(b))
        var merged = a
        merged.merge(readBack)
        #expect(report(merged, input) == Scorer.score(input, context: ScoreTestShop.context))
    }

    @Test func mergingNothingGivesNothing() {
        #expect(ScorePartial.merged([ScorePartial]()) == nil)
    }
}
