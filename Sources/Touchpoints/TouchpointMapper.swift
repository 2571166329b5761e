import Foundation
import JourneysCore

/// Maps visits to channels and touchpoints. Rules are tried in order, first match wins; each
/// distinct path is matched once and remembered.
package struct TouchpointMapper {
    package private(set) var catalog = TouchpointCatalog()
    private let rules: [(NSRegularExpression, Int)]
    private let otherIndex: Int
    private let channels: ChannelRules
    private var byPath: [Symbol: Int] = [:]
    /// Page views per rule, in rule order: a rule that never matches is reported.
    package private(set) var ruleHits: [Int]
    /// Page views per path no rule matched.
    package private(set) var unmatched: [Symbol: Int] = [:]
    private var ruleOf: [Symbol: Int] = [:]

    /// Throws the rule's index and the compile error when a pattern is not a valid expression.
    package init(rules: [TouchpointRule], unmatchedPhase: Phase, channels: ChannelRules) throws {
        var compiled: [(NSRegularExpression, Int)] = []
        var catalog = TouchpointCatalog()
        for rule in rules {
            let index = catalog.add(name: rule.touchpoint, phase: rule.phase, funnelStep: rule.funnelStep)
            compiled.append((try rule.compiled(), index))
        }
        otherIndex = catalog.add(name: "other", phase: unmatchedPhase, funnelStep: nil, isOther: true)
        self.catalog = catalog
        self.rules = compiled
        self.channels = channels
        ruleHits = Array(repeating: 0, count: rules.count)
    }

    package mutating func map(_ visit: Visit, index: Int, symbols: SymbolTable) -> MappedVisit {
        var touchpoints: [Int] = []
        touchpoints.reserveCapacity(visit.pages.count)
        var steps = Set<FunnelStep>()
        for page in visit.pages {
            let tp = touchpoint(of: page, symbols: symbols)
            touchpoints.append(tp)
            if let step = catalog[tp].funnelStep { steps.insert(step) }
        }
        if !visit.orders.isEmpty { steps.insert(.purchase) }
        let outcome: VisitOutcome
        if !visit.orders.isEmpty || steps.contains(.purchase) { outcome = .purchase }
        else if steps.contains(.checkout) { outcome = .checkout }
        else if steps.contains(.addToCart) { outcome = .cart }
        else if visit.pages.count <= 1 { outcome = .bounce }
        else { outcome = .browse }
        let channel = channels.channel(campaign: visit.campaign, referrerHost: symbols[visit.referrerHost], symbols: symbols)
        return MappedVisit(visit: index, channel: channel, touchpoints: touchpoints, steps: steps, outcome: outcome)
    }

    private mutating func touchpoint(of path: Symbol, symbols: SymbolTable) -> Int {
        if let known = byPath[path] {
            if let r = ruleOf[path] { ruleHits[r] += 1 } else { unmatched[path, default: 0] += 1 }
            return known
        }
        let text = symbols[path]
        let range = NSRange(text.startIndex..., in: text)
        for (i, (regex, tp)) in rules.enumerated() where regex.firstMatch(in: text, range: range) != nil {
            byPath[path] = tp
            ruleOf[path] = i
            ruleHits[i] += 1
            return tp
        }
        byPath[path] = otherIndex
        unmatched[path, default: 0] += 1
        return otherIndex
    }
}
