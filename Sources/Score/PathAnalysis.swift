import JourneysCore
import ReportModel

/// The most common visit paths (touchpoints in order, repeats folded) and how each converts.
/// Long paths keep their first two and last three steps, so that entries and endings stay visible.
enum PathAnalysis {
    static let maxSteps = 5
    static let maxRows = 12

    /// The top paths of `visits`, and how many paths were withheld for being about fewer than
    /// `minPeople` people (privacy.min_people).
    static func topPaths(_ input: ScoreInput, visits: [Int], person: [Int], minPeople: Int) -> (rows: [PathRow], withheld: Int) {
        var counts: [[Int]: (visits: Int, purchases: Int)] = [:]
        var people: [[Int]: Set<Int>] = [:]
        for i in visits {
            var path: [Int] = []
            for tp in input.mapped[i].touchpoints where path.last != tp {
                path.append(tp)
            }
            if path.count > maxSteps { path = Array(path.prefix(2)) + [-1] + Array(path.suffix(3)) }
            let bought = input.mapped[i].outcome == .purchase
            counts[path, default: (0, 0)].visits += 1
            if bought { counts[path, default: (0, 0)].purchases += 1 }
            people[path, default: []].insert(person[i])
        }
        let names: ([Int]) -> [String] = { $0.map { $0 < 0 ? "…" : input.catalog[$0].name } }
        let withheld = counts.keys.filter { people[$0]!.count < minPeople }.count
        // Ties broken on the touchpoint indexes, never on names (two touchpoints may share one).
        let rows = counts
            .filter { people[$0.key]!.count >= minPeople }
            .sorted { $0.value.visits != $1.value.visits ? $0.value.visits > $1.value.visits : $0.key.lexicographicallyPrecedes($1.key) }
            .prefix(maxRows)
            .map { PathRow(steps: names($0.key), visits: $0.value.visits, purchases: $0.value.purchases,
                           conversionRate: ratio($0.value.purchases, $0.value.visits) ?? 0) }
        return (Array(rows), withheld)
    }
}
