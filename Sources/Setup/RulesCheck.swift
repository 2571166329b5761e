import Extract
import Foundation
import JourneysCore
import Touchpoints

/// `journeys rules check`: how a config's touchpoint rules see a log. Coverage per rule, the
/// unmatched paths grouped into patterns, the rules that matched nothing and the rules an earlier
/// rule shadows, and the funnel as the rules see it (visits reaching each step).
package struct RulesCheck: Sendable {
    package struct RuleLine: Sendable {
        package var index: Int
        package var rule: TouchpointRule
        package var views: Int
        /// Distinct paths of the log this rule matches but an earlier rule takes first.
        package var shadowedPaths: Int
        /// The earlier rule that takes them (the first such), when the rule matches nothing itself.
        package var shadowedBy: Int?
    }
    package var tally = RequestTally()
    package var rules: [RuleLine] = []
    package var otherViews = 0
    package var unmatched: [(pattern: PathPattern, views: Int, examples: [String])] = []
    package var visits = 0
    /// Visits with a page of each funnel step.
    package var funnel: [FunnelStep: Int] = [:]
    /// Page views with the order id parameter on a page of the purchase step.
    package var ordersSeen = 0
    package var ordersWithValue = 0

    package var totalViews: Int { rules.reduce(otherViews) { $0 + $1.views } }

    /// Reads `files` once; `orderKey` and `valueKey` are the config's order parameters, `events`
    /// how its tracking events are read (an event's order is its own, not in a query).
    package static func run(rules: [TouchpointRule], files: [String], orderKey: String, valueKey: String,
                            events: ExtractOptions = ExtractOptions()) throws -> RulesCheck {
        var mapper = try TouchpointMapper(rules: rules, unmatchedPhase: .consideration, channels: ChannelRules())
        var symbols = SymbolTable()
        let compiled = try rules.map { try $0.compiled() }
        var check = RulesCheck()
        struct Open { var last: Int64; var steps: Set<FunnelStep> }
        var open: [String: Open] = [:]
        var stepOf: [Symbol: FunnelStep?] = [:]
        func close(_ v: Open) {
            check.visits += 1
            for s in v.steps { check.funnel[s, default: 0] += 1 }
        }
        var seen = 0
        var reader = RequestReader()
        reader.events = events
        reader.eventsWithoutURL = true
        check.tally = try reader.forEach(files: files) { r in
            seen += 1
            if seen % 65_536 == 0 {
                for key in open.keys.sorted() where r.time - open[key]!.last > SiteSurvey.visitTimeout {
                    close(open[key]!)
                    open[key] = nil
                }
            }
            let path = symbols.intern(r.path)
            let tp = mapper.touchpoint(of: path, symbols: symbols)
            let step: FunnelStep?
            if let known = stepOf[path] { step = known } else { step = mapper.catalog[tp].funnelStep; stepOf[path] = step }
            if step == .purchase, let hasValue = r.orderHasValue {
                check.ordersSeen += 1
                if hasValue { check.ordersWithValue += 1 }
            } else if step == .purchase, let id = r.query.first(where: { $0.key == orderKey }), !id.value.isEmpty {
                check.ordersSeen += 1
                if let v = r.query.first(where: { $0.key == valueKey }), QueryKeyStats.isAmount(v.value) { check.ordersWithValue += 1 }
            }
            var visit = open[r.visitor] ?? Open(last: r.time, steps: [])
            if r.time - visit.last > SiteSurvey.visitTimeout { close(visit); visit.steps = [] }
            visit.last = max(visit.last, r.time)
            if let step { visit.steps.insert(step) }
            open[r.visitor] = visit
        }
        for key in open.keys.sorted() { close(open[key]!) }

        // Shadowing: for each distinct path, every rule that matches it.
        var shadowed = Array(repeating: 0, count: rules.count)
        var shadowedBy: [Int?] = Array(repeating: nil, count: rules.count)
        var pathViews: [String: Int] = [:]
        for s in 1..<symbols.count {
            let path = symbols[Symbol(raw: UInt32(s))]
            let range = NSRange(path.startIndex..., in: path)
            let matching = compiled.indices.filter { compiled[$0].firstMatch(in: path, range: range) != nil }
            let views = mapper.unmatched[Symbol(raw: UInt32(s))] ?? 0
            // Event paths (`event:<name>`) are no URLs to group into patterns: each is its own.
            if matching.isEmpty { pathViews[path] = views; continue }
            for k in matching.dropFirst() {
                shadowed[k] += 1
                if shadowedBy[k] == nil { shadowedBy[k] = matching[0] }
            }
        }
        check.rules = rules.enumerated().map { i, rule in
            RuleLine(index: i, rule: rule, views: mapper.ruleHits[i], shadowedPaths: shadowed[i], shadowedBy: shadowedBy[i])
        }
        check.otherViews = mapper.unmatched.values.reduce(0, +)
        // The unmatched paths as patterns, most viewed first.
        let learner = PatternLearner()
        let urls = pathViews.filter { $0.key.hasPrefix("/") }
        let patternOf = learner.learn(urls, prefixes: learner.prefixes(of: urls))
        var groups: [PathPattern: (views: Int, paths: [(String, Int)])] = [:]
        for (path, n) in pathViews {
            let p = patternOf[path] ?? PathPattern(segments: [path])
            groups[p, default: (0, [])].views += n
            groups[p, default: (0, [])].paths.append((path, n))
        }
        check.unmatched = groups.map { p, g in (p, g.views, g.paths.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3).map(\.0)) }
            .sorted { ($0.views, $1.pattern.display) > ($1.views, $0.pattern.display) }
        return check
    }

    /// The check as text for the terminal.
    package var text: String {
        let grouping = DigitGrouping(separator: ",")
        func n(_ v: Int) -> String { grouping.string(v) }
        let total = max(1, totalViews)
        func pct(_ v: Int) -> String { ConfigWriter.percent(Double(v) / Double(total)) }
        var out = "read \(n(tally.read)) lines: \(n(tally.pageViews)) page views\n"
        out += "coverage by rule (first match wins):\n"
        for r in rules {
            var line = "  \(String(r.index + 1).leftPad(3)) \(n(r.views).leftPad(10)) \(pct(r.views).leftPad(6))  \(r.rule.touchpoint) <- \(YAMLText.comment(r.rule.patternText))"
            if r.views == 0 {
                if let by = r.shadowedBy { line += "   SHADOWED by rule \(by + 1) (\(rules[by].rule.touchpoint)): it takes every path this one matches" }
                else { line += "   MATCHED NOTHING" }
            }
            out += line + "\n"
        }
        out += "  other \(n(otherViews).leftPad(10)) \(pct(otherViews).leftPad(6))  no rule matched\n"
        if !unmatched.isEmpty {
            out += "unmatched paths, as patterns:\n"
            for u in unmatched.prefix(15) {
                out += "  \(n(u.views).leftPad(10))  \(YAMLText.comment(u.pattern.display))  e.g. \(u.examples.map(YAMLText.comment).joined(separator: " "))\n"
            }
        }
        out += "funnel as the rules see it (\(n(visits)) visits):\n"
        for step in FunnelStep.allCases {
            let v = funnel[step] ?? 0
            out += "  \(step.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(n(v).leftPad(10)) visits" + (rules.contains { $0.rule.funnelStep == step } ? "" : "   (no rule has this step)") + "\n"
        }
        out += "order confirmations with an order id: \(n(ordersSeen)), with a value: \(n(ordersWithValue))\n"
        return out
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
