import JourneysCore
import Testing

/// The kept samples are the first by file and line, however the lines were read or split.
@Suite struct DataQualityMergeTests {
    func sample(_ file: String, _ line: Int) -> LineSample { LineSample(file: file, line: line, text: "\(file):\(line)") }

    func quality(_ lines: [(String, Int)]) -> DataQuality {
        var q = DataQuality()
        for f in ["a.log", "b.log"] {
            var account = FileAccount(file: f)
            account.read = lines.filter { $0.0 == f }.count
            account.outcomes[.malformed] = account.read
            q.files.append(account)
        }
        for (f, n) in lines { q.addSample(.malformed, sample(f, n)) }
        return q
    }

    @Test func samplesAreTheFirstByFileAndLine() {
        let lines = [("b.log", 1), ("a.log", 9), ("a.log", 3), ("b.log", 2), ("a.log", 7), ("a.log", 12), ("a.log", 1)]
        let q = quality(lines)
        #expect(q.samples[.malformed]?.map(\.line) == [1, 3, 7, 9, 12])
        #expect(quality(lines.reversed()).samples == q.samples)
    }

    @Test func mergedSharesKeepTheSameSamplesAndCounts() {
        let lines = (1...40).map { ($0 % 3 == 0 ? "b.log" : "a.log", $0) }
        let whole = quality(lines)
        var merged = quality(lines.filter { $0.1 % 2 == 0 })
        merged.merge(quality(lines.filter { $0.1 % 2 == 1 }))
        #expect(merged.samples == whole.samples)
        #expect(merged.files == whole.files)
        #expect(merged.read == 40)
    }
}
