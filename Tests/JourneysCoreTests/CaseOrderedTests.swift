import JourneysCore
import Testing

/// Ordered through the fallback: stored in eight bytes, ordered by `allCases`, not by `rank`.
private struct Grade: CaseOrdered {
    var rank: Int
    static let allCases = [Grade(rank: 3), Grade(rank: 1), Grade(rank: 2)]
}

private enum Only: CaseOrdered { case one }

@Suite struct CaseOrderedTests {
    /// `order` is the position in `allCases`, and sorting any arrangement gives `allCases` back.
    func checkDeclarationOrder<T: CaseOrdered>(_ type: T.Type) where T.AllCases == [T] {
        let all = T.allCases
        #expect(all.map(\.order) == Array(all.indices), "\(T.self)")
        #expect(all.reversed().sorted() == all, "\(T.self)")
        for (i, a) in all.enumerated() {
            for (j, b) in all.enumerated() {
                #expect((a < b) == (i < j), "\(T.self): \(a) < \(b)")
            }
        }
    }

    @Test func theSharedEnumsSortAsDeclared() {
        checkDeclarationOrder(Phase.self)
        checkDeclarationOrder(FunnelStep.self)
        checkDeclarationOrder(Channel.self)
        checkDeclarationOrder(LineOutcome.self)
        #expect(Channel.organicSearch < .direct)
        #expect(Phase.advocacy > .awareness)
        #expect(LineOutcome.truncated < .header)
    }

    @Test func typesNotStoredAsOneByteFallBackToTheirCases() {
        checkDeclarationOrder(Grade.self)
        #expect(Grade(rank: 3) < Grade(rank: 1))
        #expect(Only.one.order == 0)
        #expect(!(Only.one < Only.one))
    }
}
