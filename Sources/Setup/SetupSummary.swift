import Foundation
import JourneysCore

/// The few lines `journeys init` prints: what it read, the platform, how much the rules cover,
/// which funnel steps it found and how sure it is, what it could not place.
package enum SetupSummary {
    package static func text(_ setup: ShopSetup, out: String) -> String {
        let grouping = DigitGrouping(separator: ",")
        func n(_ v: Int) -> String { grouping.string(v) }
        let s = setup.survey
        let t = s.tally
        var lines: [String] = []
        lines.append("read \(n(t.read)) lines: \(n(t.pageViews)) page views, \(n(t.bots)) bot, \(n(t.assets)) static asset, "
                     + "\(n(t.otherResponses)) error or other method, \(n(t.malformed)) unreadable")
        lines.append("format: \(setup.input.logFormat)" + (setup.input.csvSchema.map { " (\($0))" } ?? "")
                     + (setup.input.jsonFiles > 0 ? "; JSON fields: " + setup.input.jsonFields.map { "\($0.key)=\($0.path)" }.joined(separator: " ") : "")
                     + (setup.input.csvFiles > 0 && setup.input.csvSchema == nil ? "; CSV columns recognised by name (see the config's csv:)" : ""))
        if t.pageViews == 0 {
            lines.append("no page views: journeys init reads access logs (Combined, Common), JSON-lines events and CSV exports with a time and an event-type column")
            return lines.joined(separator: "\n") + "\n"
        }
        if !s.prefixes.isEmpty { lines.append("language or market prefixes: \(s.prefixes.map { "/\($0)/" }.joined(separator: " "))") }
        if let p = setup.preset {
            if let share = setup.detectedShare {
                lines.append("platform: \(p.title), detected (its own paths carry \(ConfigWriter.percent(share)) of page views); its preset rules come first")
            } else {
                lines.append("platform: \(p.title) (as asked); its preset rules come first")
            }
        } else {
            lines.append("platform: none recognised; every rule is learned from the paths")
        }
        lines.append("rules: \(setup.rules.count), covering \(ConfigWriter.coverage(setup.covered, of: setup.totalViews)) of page views")
        let steps = setup.stepsFound
        if steps.isEmpty && setup.order == nil {
            lines.append("funnel: none found: no page carries an order id, no add-to-cart, cart or checkout was seen. "
                         + "This looks like a site without a shop: the config maps its pages, the report will have no funnel.")
        } else {
            lines.append("funnel:")
            for step in FunnelStep.allCases {
                let role = PageRole.allCases.first { $0.funnelStep == step }!
                let finding = setup.findings.first { $0.role == role }
                let patterns = setup.rules.filter { $0.rule.funnelStep == step }.map(\.rule.patternText)
                if patterns.isEmpty {
                    lines.append("  \(step.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) not found")
                } else {
                    let how = finding.map { "\($0.certainty.rawValue): \($0.evidence)" } ?? "from the rules"
                    lines.append("  \(step.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(patterns.map(YAMLText.comment).joined(separator: " ")) (\(how))")
                }
            }
            if let o = setup.order {
                lines.append("orders: id in `\(YAMLText.comment(o.idKey))`, " + (o.valueKey.map { "value in `\(YAMLText.comment($0))`" } ?? "NO value parameter: revenue will read \"no values\""))
            } else if setup.input.isEvents {
                lines.append(t.purchasePaths.isEmpty ? "orders: no event carried an order id or value: the report will count no orders"
                             : "orders: the purchase events \(t.purchasePaths.sorted().map(YAMLText.comment).joined(separator: " ")) with their order fields")
            } else {
                lines.append("orders: no page carries an order id: the report will count no orders; set orders.order_id_parameter by hand")
            }
        }
        if !setup.unplaced.isEmpty {
            lines.append("not placed (check by hand; they count as \"other\"):")
            for u in setup.unplaced.prefix(5) {
                lines.append("  \(YAMLText.comment(u.pattern.display))  \(n(u.views)) views  e.g. \(u.examples.prefix(2).map(YAMLText.comment).joined(separator: " "))")
            }
        }
        let (_, zoneNote) = ConfigWriter.timeZone(s.offsets, events: setup.input.isEvents)
        lines.append("time zone: \(zoneNote)")
        lines.append(setup.shopHosts.isEmpty ? "shop hosts: none seen in referrers" : "shop hosts: \(setup.shopHosts.joined(separator: " "))")
        lines.append("wrote \(out); next: journeys rules check --pipeline \(out) --input LOGS")
        return lines.joined(separator: "\n") + "\n"
    }
}
