import ReportModel
import Testing
@testable import Score

/// Score's KPIs carry the words of their definitions, and every definition has an id of its own.
@Suite struct KPIDefinitionTests {
    @Test func idsAreUnique() {
        let ids = KPIDefinition.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyScoredKPIIsItsDefinition() throws {
        let data = Scorer.score(try ChannelFoldsTests().input(), context: ScoreTestShop.context)
        let definitions = Dictionary(uniqueKeysWithValues: KPIDefinition.all.map { ($0.id, $0) })
        #expect(data.kpis.count >= 26)
        for kpi in data.kpis {
            let d = try #require(definitions[kpi.key], "\(kpi.key)")
            #expect(kpi.label == d.label && kpi.unit == d.unit && kpi.better == d.better)
            #expect(kpi.definition == d.formula, "\(kpi.key)")
        }
    }

    @Test func placeholdersAreFilledIn() {
        let text = KPIDefinition.retentionCost.formula(["year": "2025", "nextYear": "2026"])
        #expect(text.contains("retention spend of 2025 ") && text.contains("ordered again in 2026 ") && !text.contains("{"))
        #expect(KPIDefinition.visits.formula([:]) == KPIDefinition.visits.formula)
    }
}
