import ReportModel
import Sections

/// The session rules and the identity rule in the page's words. report.json writes both as
/// English sentences (`sessionRules.summary`, `sessionRules.identity`); the summary is rebuilt
/// from the rules' fields, the identity from the sentence's known parts, and a sentence of
/// another shape stays as report.json has it.
enum RulesText {
    static func summary(_ r: RulesInfo, labels: PageLabels) -> String {
        let style = labels.style
        var parts = [labels.text("rules.timeout", ["minutes": style.integer(r.timeoutMinutes)]),
                     labels.text(!r.newVisitOnCampaignChange ? "rules.noCampaignSplit"
                                 : r.summary.contains("campaign name or keyword") ? "rules.campaignNameSplit" : "rules.campaignSplit"),
                     labels.text(r.splitAtMidnight ? "rules.midnightSplit" : "rules.noMidnightSplit"),
                     labels.text("rules.maxVisit", ["hours": style.integer(r.maxVisitHours)])]
        // The tolerance is in the summary only.
        if let tolerance = number(after: "out-of-order tolerance ", in: r.summary) {
            parts.append(labels.text("rules.tolerance", ["minutes": style.integer(tolerance)]))
        }
        if r.summary.contains("visitor = host") { parts.append(labels.text("rules.visitorIsHost")) }
        return Markup.clean(r.preset) + ": " + parts.joined(separator: ", ")
    }

    static let customerQueryPrefix = "customer id from the query parameter "

    static func identity(_ text: String, labels: PageLabels) -> String {
        let suffix = "; a device's visits join the customer it logged in as"
        let halves = text.components(separatedBy: " > ")
        guard halves.count == 2, halves[1].hasSuffix(suffix) else { return Markup.clean(text) }
        let customer: String
        switch halves[0] {
        case "no customer id": customer = labels.text("identity.noCustomer")
        case "customer id from the log's user field": customer = labels.text("identity.remoteUser")
        case let c where c.hasPrefix(customerQueryPrefix):
            customer = labels.text("identity.queryParameter", ["parameter": Markup.clean(String(c.dropFirst(customerQueryPrefix.count)))])
        default: return Markup.clean(text)
        }
        let device: String
        switch String(halves[1].dropLast(suffix.count)) {
        case "keyed hash of the IP address (visitor = host)": device = labels.text("identity.hostOnly")
        case "session cookie, else keyed hash of IP + user agent": device = labels.text("identity.cookie")
        default: return Markup.clean(text)
        }
        return labels.text("identity.sentence", ["customer": customer, "device": device])
    }

    /// The whole number right after `prefix` in `text`.
    static func number(after prefix: String, in text: String) -> Int? {
        guard let range = text.range(of: prefix) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
