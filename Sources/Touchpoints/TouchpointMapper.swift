import Foundation
import JourneysCore

/// Maps visits to channels and touchpoints. Rules are tried in order, first match wins; each
/// distinct path is matched once and remembered, a glob on the path's bytes. Pages no rule matches become the touchpoint
/// "other" in the configured phase.
package struct TouchpointMapper {
    package private(set) var catalog = TouchpointCatalog()
    private let rules: [(pattern: PathPattern, touchpoint: Int)]
    private let otherIndex: Int
    private let channels: ChannelRules
    private var support: SupportContactFinder
    /// Per distinct path: the index of the rule that matched it, or -1 when none did.
    private var ruleOf = SymbolMemo()
    /// Funnel step of each catalog entry, looked up per page view without copying the entry.
    private let stepOf: [FunnelStep?]
    /// Channel per distinct landing (campaign and referrer): decided once, not once per visit.
    private var channelOf: [Landing: Channel] = [:]

    private struct Landing: Hashable {
        var campaign: Campaign?
        var referrer: Symbol
    }
    /// Page views per rule, in rule order: a rule that never matches is reported.
    package private(set) var ruleHits: [Int]
    /// Page views per path no rule matched.
    package private(set) var unmatched: [Symbol: Int] = [:]

    /// Throws `TouchpointRuleError` (with the rule's index) when a pattern does not compile.
    package init(rules: [TouchpointRule], unmatchedPhase: Phase, channels: ChannelRules, support: [SupportContactRule] = []) throws {
        var compiled: [(PathPattern, Int)] = []
        var catalog = TouchpointCatalog()
        for (i, rule) in rules.enumerated() {
            let pattern: PathPattern
            do { pattern = try PathPattern(rule) } catch var e as TouchpointRuleError {
                e.index = i
                throw e
            }
            let index = catalog.add(name: rule.touchpoint, phase: rule.phase, funnelStep: rule.funnelStep)
            compiled.append((pattern, index))
        }
        otherIndex = catalog.add(name: "other", phase: unmatchedPhase, funnelStep: nil, isOther: true)
        catalog.contactKinds = support.map(\.name)
        self.support = try SupportContactFinder(rules: support)
        self.catalog = catalog
        stepOf = catalog.entries.map(\.funnelStep)
        self.rules = compiled
        self.channels = channels
        ruleHits = Array(repeating: 0, count: rules.count)
    }

    package mutating func map(_ visit: Visit, index: Int, symbols: SymbolTable) -> MappedVisit {
        var touchpoints: [Int] = []
        touchpoints.reserveCapacity(visit.pages.count)
        var stepBits: UInt8 = 0
        for page in visit.pages {
            let tp = touchpoint(of: page, symbols: symbols)
            touchpoints.append(tp)
            if let step = stepOf[tp] { stepBits |= 1 << step.order }
        }
        // A purchase is a visit with an order: a reloaded or bare confirmation page is not one.
        if visit.orders.isEmpty {
            stepBits &= ~(1 << FunnelStep.purchase.order)
        } else {
            stepBits |= 1 << FunnelStep.purchase.order
        }
        let steps = Set(FunnelStep.allCases.filter { stepBits & (1 << $0.order) != 0 })
        let outcome: VisitOutcome
        if steps.contains(.purchase) { outcome = .purchase }
        else if steps.contains(.checkout) { outcome = .checkout }
        else if steps.contains(.addToCart) { outcome = .cart }
        else if visit.isBounce { outcome = .bounce }
        else { outcome = .browse }
        let landing = Landing(campaign: visit.campaign?.channelKey, referrer: visit.referrerHost)
        let channel: Channel
        if let known = channelOf[landing] {
            channel = known
        } else {
            channel = channels.channel(campaign: visit.campaign, referrerHost: symbols[visit.referrerHost], symbols: symbols)
            channelOf[landing] = channel
        }
        var mapped = MappedVisit(visit: index, channel: channel, touchpoints: touchpoints, steps: steps, outcome: outcome)
        mapped.contacts = support.contacts(in: visit, symbols: symbols)
        return mapped
    }

    /// Adds rule hits and unmatched paths counted elsewhere (another thread's copy of this
    /// mapper, a partial's).
    package mutating func addCounts(ruleHits hits: [Int], unmatched paths: [Symbol: Int]) {
        for i in ruleHits.indices where i < hits.count { ruleHits[i] += hits[i] }
        unmatched.merge(paths, uniquingKeysWith: +)
    }

    /// The touchpoint of one page view, counted in `ruleHits` or `unmatched`.
    package mutating func touchpoint(of path: Symbol, symbols: SymbolTable) -> Int {
        var known = ruleOf[path]
        if known == SymbolMemo.unknown {
            known = firstMatch(symbols[path]).map(Int32.init) ?? -1
            ruleOf[path] = known
        }
        guard known >= 0 else {
            unmatched[path, default: 0] += 1
            return otherIndex
        }
        let rule = Int(known)
        ruleHits[rule] += 1
        return rules[rule].touchpoint
    }

    /// Index of the first rule matching `text`.
    func firstMatch(_ text: String) -> Int? {
        rules.firstIndex { $0.pattern.matches(text) }
    }
}
