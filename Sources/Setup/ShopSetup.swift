import Extract
import Foundation
import JourneysCore
import Touchpoints

/// Which platform preset `journeys init` starts from.
package enum PlatformChoice: Sendable, Equatable {
    /// Detected from the log's paths when its fingerprints are clear.
    case detect
    /// None: every rule learned from the paths.
    case none
    case preset(String)
}

/// What `journeys init` found in a shop's logs: the config it proposes and how sure it is.
package struct ShopSetup: Sendable {
    package var files: [String]
    /// How the inputs are written: the log format, or the JSON fields / CSV columns of events.
    package var input = InputKind()
    package var survey: SiteSurvey
    package var order: OrderParameters?
    package var findings: [RoleFinding]
    package var roleOf: [PageRole]
    package var preset: PlatformPreset?
    /// Whether the preset was detected (rather than chosen), and the share its fingerprints carry.
    package var detectedShare: Double?
    package var rules: [ProposedRule]
    package var searchParameter: String?
    package var shopHosts: [String]
    /// Page views the rules match, and patterns with views no rule matches (most first).
    package var covered = 0
    package var unplaced: [(pattern: PathPattern, views: Int, examples: [String])] = []
    /// A pseudonym key derived from the log, so that the config works at once and is the same
    /// for the same logs.
    package var derivedKey: String

    /// Patterns with fewer views than this share of all get no rule of their own.
    package static let minShare = 0.0005
    package static let maxRules = 60

    /// Reads `files` and proposes the config.
    package static func run(files: [String], platform: PlatformChoice) throws -> ShopSetup {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var reader = RequestReader()
        reader.botAgents = ExtractOptions.defaultBotAgents
        var input = try InputKind.recognise(files: files)
        reader.events.jsonMapping = input.jsonMapping
        if input.csvSchema == nil { reader.events.csvMapping = input.csvMapping }
        var survey = try SiteSurvey.survey(files: files, reader: reader) { s in RoleFinder.orderParameters(s)?.pattern }
        let order = RoleFinder.orderParameters(survey)
        var (findings, roleOf) = RoleFinder.roles(survey, order: order)
        let pathViews = survey.pathViews
        for path in pathViews.keys.sorted() + survey.tally.eventViews.keys.sorted() { hash = Campaign.fingerprint(path.utf8, into: hash) }
        hash = Campaign.fingerprint(String(survey.tally.pageViews).utf8, into: hash)
        hash = Campaign.fingerprint(String(survey.span?.from ?? 0).utf8, into: hash)

        var preset: PlatformPreset? = nil
        var detected: Double? = nil
        switch platform {
        case .none: break
        case .preset(let name): preset = PlatformPreset.named(name)
        case .detect:
            if let d = PlatformPreset.detect(pathViews) { preset = d.preset; detected = d.share }
        }

        var rules: [ProposedRule] = []
        if let preset {
            let proposed = zip(preset.rules, preset.ruleLines).map { rule, line in
                ProposedRule(rule: rule, key: line.contains("regex:") ? "regex" : "path", source: "the \(preset.title) preset")
            }
            rules = proposed
        }
        let total = max(1, survey.totalViews)
        let minViews = max(2, Int((Double(total) * minShare).rounded(.up)))
        // Learned rules for the patterns the preset leaves unmatched (all of them without one).
        let presetRegexes = try rules.map { try $0.rule.compiled() }
        func presetMatches(_ path: String) -> Bool {
            let range = NSRange(path.startIndex..., in: path)
            return presetRegexes.contains { $0.firstMatch(in: path, range: range) != nil }
        }
        var learned: [ProposedRule] = []
        let order_ = PageRole.allCases
        let ranked = survey.patterns.indices.sorted {
            let a = survey.patterns[$0], b = survey.patterns[$1]
            let ra = order_.firstIndex(of: roleOf[$0])!, rb = order_.firstIndex(of: roleOf[$1])!
            return (ra, -a.views, a.pattern.display) < (rb, -b.views, b.pattern.display)
        }
        for i in ranked {
            let p = survey.patterns[i]
            guard p.views >= minViews || roleOf[i] != .page else { continue }
            let members = survey.pathViews.filter { survey.patternOfPath[$0.key] == i }
            let unmatched = members.filter { !presetMatches($0.key) }.values.reduce(0, +)
            guard Double(unmatched) >= 0.5 * Double(max(1, p.views)) else { continue }
            let (key, text) = p.pattern.rulePattern(prefixes: survey.prefixes)
            let role = roleOf[i]
            let name = role.touchpoint ?? Self.name(p.pattern)
            var rule = TouchpointRule(pattern: key == "path" ? .glob(text) : .regex(text), touchpoint: name, phase: role.phase, funnelStep: role.funnelStep)
            if (try? rule.compiled()) == nil { continue }
            if role == .page, RoleWords.mentions(p.pattern, RoleWords.account) { rule.phase = .retention }
            learned.append(ProposedRule(rule: rule, key: key, source: role == .page ? "its paths" : "evidence"))
            if rules.count + learned.count >= maxRules { break }
        }
        // Events without a page URL: a rule each, named and placed by their name, a purchase by
        // the order it carried.
        rules += survey.tally.eventViews.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(maxRules).map { path, _ in
            let purchase = survey.tally.purchasePaths.contains(path)
            return ProposedRule(rule: Self.eventRule(path, purchase: purchase), key: "path", source: purchase ? "its orders" : "its name")
        }
        // Specific before general: a pattern with fewer `*` segments first, so that `/search`
        // is tried before `/*` (patterns learned from one log never overlap otherwise).
        rules += learned.enumerated().sorted { (wildcardCount($0.element), $0.offset) < (wildcardCount($1.element), $1.offset) }.map(\.element)

        // What each rule matches first.
        let compiled = try rules.map { try $0.rule.compiled() }
        var covered = 0
        var unplacedViews: [Int: Int] = [:]
        var ruleExamples: [[(String, Int)]] = Array(repeating: [], count: rules.count)
        for (path, n) in survey.pathViews.merging(survey.tally.eventViews, uniquingKeysWith: +) {
            let range = NSRange(path.startIndex..., in: path)
            if let k = compiled.firstIndex(where: { $0.firstMatch(in: path, range: range) != nil }) {
                rules[k].views += n
                covered += n
                ruleExamples[k].append((path, n))
            } else {
                if let p = survey.patternOfPath[path] { unplacedViews[p, default: 0] += n }
            }
        }
        for k in rules.indices {
            rules[k].examples = ruleExamples[k].sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3).map(\.0)
        }
        // Preset rules that match nothing in this log are left out.
        rules = rules.filter { $0.views > 0 }
        let unplaced = unplacedViews.sorted { ($0.value, survey.patterns[$1.key].pattern.display) > ($1.value, survey.patterns[$0.key].pattern.display) }
            .map { (survey.patterns[$0.key].pattern, $0.value, survey.patterns[$0.key].examples) }
        if preset != nil {
            // With a preset, the steps its rules carry are found too.
            let stepsByPreset = Set(rules.filter { $0.source.hasPrefix("the ") }.compactMap(\.rule.funnelStep))
            for step in stepsByPreset where !findings.contains(where: { $0.role.funnelStep == step }) {
                let role = PageRole.allCases.first { $0.funnelStep == step }!
                findings.append(RoleFinding(role: role, patterns: [], certainty: .medium, evidence: "from the \(preset!.title) preset"))
            }
        }
        let ownHosts = survey.internalReferrers
        let top = ownHosts.values.max() ?? 0
        let hosts = ownHosts.filter { Double($0.value) >= 0.05 * Double(top) && $0.value >= 3 }.keys.sorted()
        survey.focusVisits = []
        input.lines = survey.tally.formats
        return ShopSetup(files: files, input: input, survey: survey, order: order, findings: findings, roleOf: roleOf, preset: preset,
                         detectedShare: detected, rules: rules, searchParameter: RoleFinder.searchParameter(survey, roleOf: roleOf),
                         shopHosts: hosts, covered: covered, unplaced: unplaced,
                         derivedKey: String(hash, radix: 16))
    }

    /// The rule of an event path (`event:add_to_cart`): its funnel step and phase from its words
    /// (English and German), purchase when its events carried orders.
    static func eventRule(_ path: String, purchase: Bool) -> TouchpointRule {
        let name = String(path.dropFirst("event:".count))
        let words = Set(name.split(separator: "_").map(String.init))
        var step: FunnelStep? = nil
        if purchase || !words.isDisjoint(with: ["purchase", "transaction", "kauf", "bestellung"]) { step = .purchase }
        else if !words.isDisjoint(with: ["checkout", "kasse"]) { step = .checkout }
        else if !words.isDisjoint(with: ["remove", "entfernen"]) { step = nil }
        else if !words.isDisjoint(with: ["cart", "basket", "warenkorb", "addtocart", "add", "added", "hinzugefuegt"]) { step = .addToCart }
        else if words.contains("product") || name == "view" || words.contains("produkt") { step = .productView }
        let title = name.replacingOccurrences(of: "_", with: " ")
        let touchpoint = title.prefix(1).uppercased() + title.dropFirst()
        let phase: Phase = step == nil ? (words.contains("page") ? .awareness : .consideration) : step == .productView ? .consideration : .purchase
        return TouchpointRule(pattern: .glob(path), touchpoint: touchpoint.isEmpty ? "Event" : touchpoint, phase: phase, funnelStep: step)
    }

    /// `*` segments of a learned rule's pattern.
    static func wildcardCount(_ r: ProposedRule) -> Int {
        r.rule.patternText.components(separatedBy: "[^/]+").count - 1 + r.rule.patternText.filter { $0 == "*" }.count
    }

    /// A touchpoint name from a pattern's words: its last literal segment, hyphens as spaces,
    /// capitalised (`/info/versand-kosten` -> "Versand kosten"); "Pages /x/*" when it has none.
    static func name(_ pattern: PathPattern) -> String {
        guard let word = pattern.words.last else { return "Pages \(pattern.display)" }
        var text = word.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) <= 5 { text = String(text[..<dot]) }
        text = text.trimmingCharacters(in: .whitespaces)
        guard let first = text.first else { return "Pages \(pattern.display)" }
        let name = first.uppercased() + text.dropFirst()
        return pattern.wildcards > 0 ? "\(name) pages" : name
    }

    /// The funnel steps the rules carry.
    package var stepsFound: Set<FunnelStep> { Set(rules.compactMap(\.rule.funnelStep)) }

    package var coverage: Double { Double(covered) / Double(max(1, totalViews)) }

    /// Page views and events without a page URL.
    package var totalViews: Int { survey.totalViews + survey.tally.eventViews.values.reduce(0, +) }
}
