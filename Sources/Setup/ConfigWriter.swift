import Foundation
import JourneysCore

/// Writes the pipeline config `journeys init` proposes: every setting it found, each with a
/// comment saying what it is and how it was found, the touchpoint rules one per line with the
/// paths each matched as comments. The rest of the settings keep their defaults (see
/// pipelines/weekly.yaml for every key).
package enum ConfigWriter {
    /// `inputs` as the config should list them (relative to the config file or absolute);
    /// `name` names the shop's history file (`../history/<name>.sqlite`, beside the demo's).
    package static func yaml(_ setup: ShopSetup, inputs: [String], name: String = "shop") -> String {
        let grouping = DigitGrouping(separator: ",")
        func n(_ v: Int) -> String { grouping.string(v) }
        let s = setup.survey
        let total = max(1, setup.totalViews)
        var out = """
            # The pipeline of this shop, as `journeys init` proposed it from \(n(s.tally.read)) lines of its logs
            # (\(n(s.tally.pageViews)) page views). Check the rules below, then run
            #   journeys rules check --pipeline THIS_FILE --input LOGS
            #   journeys report --pipeline THIS_FILE
            # Every other setting keeps its default; pipelines/weekly.yaml lists and explains all of them.

            # Log files, folders or globs, relative to this file.
            inputs:

            """
        for i in inputs { out += "  - \(YAMLText.quoted(i))\n" }
        let (zone, zoneNote) = timeZone(s.offsets, events: setup.input.isEvents)
        out += """

            # \(zoneNote)
            time_zone: \(zone)

            \(format(setup.input))
            locale: en
            currency: EUR


            """
        if setup.shopHosts.isEmpty {
            out += "# The shop's own hosts: none seen in referrers (the log may have none). Add them here.\nshop_hosts: []\n\n"
        } else {
            out += "# The shop's own hosts: referrers whose paths are pages of this log (navigation inside the shop).\nshop_hosts:\n"
            for h in setup.shopHosts { out += "  - \(YAMLText.quoted(h))\n" }
            out += "\n"
        }
        out += """
            identity:
              customer_id: remote_user
              # Derived from the logs so that a first report runs at once; replace it with a secret of
              # your own (or set JOURNEYS_PSEUDONYM_KEY) before the first real report: the history
              # keeps people by their pseudonyms, and a new key makes them new people.
              pseudonym_key: \(YAMLText.quoted("init-" + setup.derivedKey))
              pseudonym_key_env: JOURNEYS_PSEUDONYM_KEY


            """
        if setup.input.isEvents && setup.order == nil {
            let found = setup.survey.tally.purchasePaths.sorted()
            out += found.isEmpty
                ? "# No event carried an order (a purchase event with an order id or value): no orders.\n"
                : "# Orders are the purchase events (\(found.map(YAMLText.comment).joined(separator: ", "))) with their order id and value fields above.\n"
            out += "orders:\n  order_id_parameter: order\n  value_parameter: value\n\n"
        } else if let o = setup.order {
            let p = s.patterns[o.pattern]
            out += "# The order confirmation (\(YAMLText.comment(p.pattern.display))) carries the order id in `\(YAMLText.comment(o.idKey))`"
            out += o.valueKey.map { " and its value in `\(YAMLText.comment($0))`.\n" } ?? "; no parameter holds its value, so orders have no value.\n"
            out += "orders:\n  order_id_parameter: \(YAMLText.quoted(o.idKey))\n"
            out += "  value_parameter: \(YAMLText.quoted(o.valueKey ?? "value"))\n\n"
        } else {
            out += "# No page carries an order id (a parameter unique per view beside an amount): no orders.\n"
            out += "# If the shop has a confirmation page, add its parameters here.\n"
            out += "orders:\n  order_id_parameter: order\n  value_parameter: value\n\n"
        }
        let searchTP = setup.rules.first { $0.rule.touchpoint == "Search" }?.rule.touchpoint ?? "Search"
        out += "# The site search: its touchpoint and the query parameter of the term\(setup.searchParameter == nil ? " (none found; q assumed)" : "").\n"
        out += "site_search:\n  touchpoint: \(YAMLText.quoted(searchTP))\n  parameter: \(YAMLText.quoted(setup.searchParameter ?? "q"))\n\n"

        out += """
            touchpoints:
              unmatched_phase: consideration
              # Tried in order, first match wins: path is a glob (* within a segment, ** across),
              # regex a regular expression. The rules cover \(coverage(setup.covered, of: setup.totalViews)) of the page views.
              rules:

            """
        for r in setup.rules {
            let share = percent(Double(r.views) / Double(total))
            out += "    # \(n(r.views)) views (\(share)), from \(r.source); e.g. \(r.examples.map(YAMLText.comment).joined(separator: "  "))\n"
            out += "    - \(r.yamlLine)\n"
        }
        if !setup.unplaced.isEmpty {
            out += "    # Not placed (they count as \"other\"):\n"
            for u in setup.unplaced.prefix(10) {
                out += "    #   \(YAMLText.comment(u.pattern.display))  \(n(u.views)) views  e.g. \(u.examples.prefix(2).map(YAMLText.comment).joined(separator: "  "))\n"
            }
        }
        let file = String(name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }.prefix(60))
        out += "\n# The history of this shop's periods (customers by pseudonym, orders, KPIs), relative to this file.\n"
        out += "history:\n  path: \(YAMLText.quoted("../history/\(file.isEmpty ? "shop" : file).sqlite"))\n"
        return out
    }

    /// The `log_format` setting and, for tracking events, their `json:` fields or `csv:` columns,
    /// each with how it was found.
    static func format(_ input: InputKind) -> String {
        let grouping = DigitGrouping(separator: ",")
        let counts = input.lines.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\(grouping.string($0.value)) \(formatNames[$0.key] ?? $0.key)" }.joined(separator: ", ")
        var out = "# How the lines are read, detected from each file's first line"
        out += counts.isEmpty ? " (no line was read).\n" : ": \(counts).\n"
        if input.logFormat == "auto" { out += "# The files hold several formats, so each file's first line decides (auto).\n" }
        out += "log_format: \(input.logFormat)\n\n"
        if input.jsonFiles > 0 {
            out += "# The fields of the JSON events, found in \(grouping.string(input.jsonSampled)) of them (events in each field's count hold it);\n"
            out += "# each is tried first, the usual names after it. Not found: "
            let missing = InputKind.jsonCandidates.map(\.0).filter { k in !input.jsonFields.contains { $0.key == k } }
            out += (missing.isEmpty ? "none" : missing.joined(separator: ", ")) + ".\n"
            out += "json:\n"
            for f in input.jsonFields {
                out += "  \(f.key): \(YAMLText.quoted(f.path))  # \(grouping.string(f.events))\n"
            }
            out += "\n"
        }
        if input.csvFiles > 0, let m = input.csvMapping {
            if let schema = input.csvSchema {
                out += "# The CSV header is the built-in schema of \(schema): no column mapping needed.\n\n"
            } else {
                out += "# The columns of the CSV export, recognised by their names in the header. Columns not listed\n"
                out += "# were not recognised: add them (see pipelines/events.yaml).\n"
                out += "csv:\n  time: \(YAMLText.quoted(m.time))\n  type: \(YAMLText.quoted(m.type))\n"
                let optional: [(String, String?)] = [("customer", m.customer), ("device", m.device), ("url", m.url), ("referrer", m.referrer),
                                                     ("user_agent", m.userAgent), ("ip", m.ip), ("order_id", m.orderID), ("value", m.value)]
                for case let (key, column?) in optional { out += "  \(key): \(YAMLText.quoted(column))\n" }
                out += "  # The event types of the rows that carry an order id.\n"
                out += "  purchase_types: [\(m.purchaseTypes.sorted().map(YAMLText.quoted).joined(separator: ", "))]\n"
                if m.separator != UInt8(ascii: ",") { out += "  separator: \(YAMLText.quoted(String(UnicodeScalar(m.separator))))\n" }
                out += "\n"
            }
        }
        return out
    }

    static let formatNames = ["combined": "lines in Combined Log Format", "common": "in Common Log Format",
                              "vhost_combined": "in virtual-host Combined Log Format", "json": "JSON events", "csv": "CSV rows"]

    /// The time zone of the offsets the log's timestamps carry: one whole-hour offset becomes an
    /// `Etc/GMT` zone (whose sign is reversed by convention); two an hour apart are daylight
    /// saving time, for which only the place's name gives the right zone.
    /// Tracking events (`events`) give their times in UTC, their offsets unknown.
    static func timeZone(_ offsets: [Int: Int], events: Bool = false) -> (String, String) {
        if events { return ("UTC", "Event times are read as UTC, their offsets unknown: set the shop's zone (e.g. Europe/Berlin).") }
        let seen = offsets.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        guard let main = seen.first else { return ("UTC", "No timestamps seen; UTC assumed.") }
        let text = offsetText(main)
        guard main % 60 == 0 else { return ("UTC", "The log's offset is \(text), no whole hour: set the shop's time zone (e.g. Asia/Kolkata).") }
        let zone = main == 0 ? "UTC" : "Etc/GMT\(main > 0 ? "-" : "+")\(abs(main) / 60)"
        if seen.count > 1 {
            let all = seen.sorted().map(offsetText).joined(separator: " and ")
            return (zone, "The log's timestamps are in \(all): daylight saving time. Replace \(zone) by the shop's zone (e.g. Europe/Berlin).")
        }
        return (zone, "The log's timestamps are in \(text) throughout; replace \(zone) by the shop's named zone if it has daylight saving time.")
    }

    static func offsetText(_ minutes: Int) -> String {
        String(format: "%@%02d:%02d", minutes < 0 ? "-" : "+", abs(minutes) / 60, abs(minutes) % 60)
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// A share of a whole, rounded down: 99.99% is "99.9%", so that "100.0%" means all of it.
    static func coverage(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0.0%" }
        return String(format: "%.1f%%", (Double(part * 1000 / whole)) / 10)
    }
}
