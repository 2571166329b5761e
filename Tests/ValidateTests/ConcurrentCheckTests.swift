import Testing
@testable import Validate

@Suite struct ConcurrentCheckTests {
    @Test func concurrentChecksKeepTheirOwnDiagnostics() async {
        let broken = Fixture.page(body: "<p>a&nbsp;b</p>")
        let unsafe = Fixture.page(body: "<script>x()</script>")
        let results = await withTaskGroup(of: (Int, [ValidationIssue]).self) { group in
            for index in 0..<40 {
                group.addTask {
                    (index, Fixture.check(index.isMultiple(of: 2) ? broken : unsafe))
                }
            }
            var all: [(Int, [ValidationIssue])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 40)
        for (index, issues) in results {
            let expected = index.isMultiple(of: 2) ? "Entity 'nbsp' not defined" : "<script> element is not allowed: reports carry no scripts"
            #expect(issues.map(\.message) == [expected])
        }
    }
}
