/// The junk every real access log has: lines cut in the middle, binary garbage from TLS
/// handshakes sent to the HTTP port, a line with an impossible timestamp, and port scanners'
/// empty requests (`"-" 400`, which are valid Combined Log Format).
///
/// Exists so the pipeline's parser is exercised on bad input every day and the summary can say
/// exactly how many lines are genuinely unparseable (`malformedLines`).
enum NoiseLines {
    /// 3-6 malformed lines (at least one of each kind) and 1-3 scanner lines for one local day.
    static func entries(start: Int64, end: Int64, rng: inout RandomSource) -> [LogEntry] {
        let span = Int(end - start)
        var out: [LogEntry] = []
        let malformed = rng.int(3...6)
        for k in 0..<malformed {
            let kind: LogEntry.Kind = k < 3 ? [.cut, .garbage, .badTimestamp][k]
                : [.cut, .garbage, .badTimestamp][rng.weighted([0.5, 0.25, 0.25])]
            let browser = UserAgents.browsers[rng.weighted(UserAgents.browserWeights)]
            let product = rng.pick(Catalog.products)
            out.append(LogEntry(time: start + Int64(rng.below(span)), seq: 0,
                                host: VisitorPopulation.randomIP(rng: &rng), user: "-", method: .get,
                                target: "/p/\(product.slug)", http2: browser.http2, status: 200,
                                bytes: Catalog.pageBytes("/p/\(product.slug)", base: 18_900),
                                referrer: Catalog.host + "/c/\(product.category)", agent: browser.agent,
                                kind: kind, extra: rng.next()))
        }
        for _ in 0..<rng.int(1...3) {
            out.append(LogEntry(time: start + Int64(rng.below(span)), seq: 0,
                                host: "\(rng.pick([45, 79, 89, 162, 185, 193])).\(rng.below(256)).\(rng.below(256)).\(rng.int(1...254))",
                                user: "-", method: .get, target: "", http2: false, status: 400, bytes: 157,
                                referrer: "-", agent: "-", kind: .scanner))
        }
        return out
    }
}
