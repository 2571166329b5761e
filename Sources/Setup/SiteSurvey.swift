import Foundation

/// What one pattern of pages does in the log: its views, how many of them were POSTs, its
/// distinct paths (fan-out), its query parameters, the pages before and after it.
package struct PatternEvidence: Sendable {
    package var pattern: PathPattern
    package var views = 0
    package var posts = 0
    package var distinctPaths = 0
    /// The most viewed paths, most first.
    package var examples: [String] = []
    package var query: [String: QueryKeyStats] = [:]
    /// Page views of each pattern (by index) right after / right before this one in a visit.
    package var next: [Int: Int] = [:]
    package var previous: [Int: Int] = [:]
    /// Page views of each pattern right after this one at a path the visit had not seen yet:
    /// a category leads on to new items, a help page back to the item just seen.
    package var nextNew: [Int: Int] = [:]
    /// Visits that ended on this pattern.
    package var exits = 0
    /// Visits that held this pattern at least once.
    package var visits = 0

    package var postShare: Double { views == 0 ? 0 : Double(posts) / Double(views) }
}

/// The two passes over the log that `journeys init` learns from: the first collects the distinct
/// paths and their query parameters and learns the patterns; the second follows each visitor's
/// visits (30 minutes of inactivity end one) between those patterns.
package struct SiteSurvey: Sendable {
    package var tally = RequestTally()
    package var prefixes: [String] = []
    package var patterns: [PatternEvidence] = []
    package var patternOfPath: [String: Int] = [:]
    /// Page views of each distinct path.
    package var pathViews: [String: Int] = [:]
    package var visits = 0
    /// Sequences of pattern indexes of visits, kept only for the visits that reached `focus`
    /// (the confirmation), to find the steps before it.
    package var focusVisits: [[Int]] = []
    /// Timestamp offsets seen (minutes east of UTC) and their lines.
    package var offsets: [Int: Int] = [:]
    /// Referrer hosts whose referrers name at least two pages of this log other than `/`
    /// (navigation inside the site), with those referrals.
    package var internalReferrers: [String: Int] = [:]
    /// First and last request time.
    package var span: (from: Int64, to: Int64)? = nil

    package static let visitTimeout: Int64 = 30 * 60

    package init() {}

    /// Reads `files` twice. `confirmation` chooses, after the first pass, the pattern whose
    /// visits the second pass keeps in `focusVisits`.
    package static func survey(files: [String], reader: RequestReader = RequestReader(),
                               learner: PatternLearner = PatternLearner(),
                               confirmation: (SiteSurvey) -> Int?) throws -> SiteSurvey {
        var s = SiteSurvey()
        struct PathStats { var views = 0; var posts = 0; var query: [String: QueryKeyStats] = [:] }
        var paths: [String: PathStats] = [:]
        var referrers: [String: [String: Int]] = [:]  // host -> path -> count
        s.tally = try reader.forEach(files: files) { r in
            var p = paths[r.path] ?? PathStats()
            p.views += 1
            if r.method == "POST" { p.posts += 1 }
            for (k, v) in r.query { p.query[k, default: QueryKeyStats()].add(v) }
            paths[r.path] = p
            s.offsets[r.offsetMinutes, default: 0] += 1
            if let host = r.referrerHost, let rp = r.referrerPath { referrers[host, default: [:]][rp, default: 0] += 1 }
            s.span = (min(s.span?.from ?? r.time, r.time), max(s.span?.to ?? r.time, r.time))
        }
        // A host whose referrers name several pages of this log, not only its root (a search
        // engine's `https://www.google.com/` names `/`, which every site has).
        for (host, byPath) in referrers {
            let inside = byPath.filter { $0.key != "/" && paths[$0.key] != nil }
            if inside.count >= 2 { s.internalReferrers[host] = inside.values.reduce(0, +) }
        }
        let views = paths.mapValues(\.views)
        s.pathViews = views
        s.prefixes = learner.prefixes(of: views)
        let patternOf = learner.learn(views, prefixes: s.prefixes)
        var index: [PathPattern: Int] = [:]
        for path in paths.keys.sorted() {
            let pattern = patternOf[path]!
            let i: Int
            if let known = index[pattern] { i = known } else {
                i = s.patterns.count
                index[pattern] = i
                s.patterns.append(PatternEvidence(pattern: pattern))
            }
            s.patternOfPath[path] = i
            let stats = paths[path]!
            s.patterns[i].views += stats.views
            s.patterns[i].posts += stats.posts
            s.patterns[i].distinctPaths += 1
            for (k, q) in stats.query { s.patterns[i].query[k, default: QueryKeyStats()].merge(q) }
        }
        for i in s.patterns.indices {
            let members = paths.keys.filter { s.patternOfPath[$0] == i }
            s.patterns[i].examples = members.sorted { (paths[$0]!.views, $1) > (paths[$1]!.views, $0) }.prefix(3).map { $0 }
        }

        let focus = confirmation(s)
        struct Open { var last: Int64; var pages: [Int]; var paths: Set<String> }
        var open: [String: Open] = [:]
        func close(_ pages: [Int]) {
            s.visits += 1
            for (k, p) in pages.enumerated() {
                if k > 0 { s.patterns[pages[k - 1]].next[p, default: 0] += 1; s.patterns[p].previous[pages[k - 1], default: 0] += 1 }
            }
            for p in Set(pages) { s.patterns[p].visits += 1 }
            if let last = pages.last { s.patterns[last].exits += 1 }
            if let focus, pages.contains(focus) { s.focusVisits.append(pages) }
        }
        var seen = 0
        _ = try reader.forEach(files: files) { r in
            // Visits idle past the timeout are closed now and then, so that memory follows the
            // visitors active at once rather than all the log's visitors.
            seen += 1
            if seen % 65_536 == 0 {
                for key in open.keys.sorted() where r.time - open[key]!.last > visitTimeout {
                    close(open[key]!.pages)
                    open[key] = nil
                }
            }
            let p = s.patternOfPath[r.path]!
            if var visit = open[r.visitor] {
                if r.time - visit.last > visitTimeout {
                    close(visit.pages)
                    visit.pages = []
                    visit.paths = []
                }
                if let before = visit.pages.last, !visit.paths.contains(r.path) { s.patterns[before].nextNew[p, default: 0] += 1 }
                visit.last = max(visit.last, r.time)
                visit.pages.append(p)
                visit.paths.insert(r.path)
                open[r.visitor] = visit
            } else {
                open[r.visitor] = Open(last: r.time, pages: [p], paths: [r.path])
            }
        }
        for key in open.keys.sorted() { close(open[key]!.pages) }
        return s
    }

    package var totalViews: Int { patterns.reduce(0) { $0 + $1.views } }
}
