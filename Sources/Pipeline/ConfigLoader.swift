import Compare
import Extract
import Foundation
import JourneysCore
import Render
import Sections
import ReportModel
import Sessionize
import Touchpoints
import Yams

/// Reads a pipeline config. Every key is checked: an unknown key or a value of the wrong type
/// stops the run with the file, the line and what was expected.
package enum ConfigLoader {
    package static func load(path: String) throws -> PipelineConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, message: "cannot read the pipeline config")
        }
        var config = try parse(text, file: path)
        config.resolvePaths(relativeTo: (path as NSString).deletingLastPathComponent)
        return config
    }

    /// The config of a run: the file's settings with the command line's overrides (inputs and
    /// templates as given, relative to the working directory) and the pseudonym key from the
    /// environment when set there.
    package static func load(path: String, options: RunOptions, environment: [String: String]) throws -> PipelineConfig {
        var config = try load(path: path)
        if !options.inputs.isEmpty { config.inputs = options.inputs }
        if let t = options.templates { config.templates = t }
        if let n = options.shards { config.shards = n }
        if let b = options.shardPartBytes { config.shardPartBytes = b }
        if let key = environment[config.pseudonymKeyEnv], !key.isEmpty { config.pseudonymKey = key }
        guard !config.pseudonymKey.isEmpty else {
            throw ConfigError(file: config.file, line: 0,
                              message: "no pseudonym key: set identity.pseudonym_key or the environment variable \(config.pseudonymKeyEnv)")
        }
        return config
    }

    /// `sections`: the sections whose settings `sections.<key>` may hold (the list's, or a
    /// test's own).
    package static func parse(_ text: String, file: String, sections: [any ReportSection.Type] = SectionList.folded) throws -> PipelineConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: 1, message: "the config is empty; expected a mapping of settings")
            }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw ConfigError(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
        }
        var config = PipelineConfig()
        config.file = file
        let r = Reader(file: file)
        var recoveryNode: Node? = nil
        try r.mapping(root, at: "the top level", keys: [
            "inputs": { config.inputs = try r.strings($0, "inputs") },
            "time_zone": {
                let name = try r.string($0, "time_zone")
                guard TimeZone(identifier: name) != nil else {
                    throw r.error($0, "time_zone '\(name)' is not a known time zone (expected e.g. Europe/Berlin or UTC)")
                }
                config.timeZone = name
            },
            "locale": {
                let l = try r.string($0, "locale")
                guard PipelineConfig.locales.contains(l) else { throw r.error($0, "locale expects en or de, found '\(l)'") }
                config.locale = l
            },
            "currency": { config.currency = try r.string($0, "currency") },
            "log_format": {
                let v = try r.string($0, "log_format")
                guard let f = LogFormat(parsing: v) else {
                    throw r.error($0, "log_format expects auto, combined, json, csv or a log_format string with $fields, found '\(v)'")
                }
                config.logFormat = f
            },
            "json": { config.jsonMapping = try r.jsonMapping($0) },
            "csv": { config.csvMapping = try r.csvMapping($0) },
            "templates": { config.templates = try r.string($0, "templates"); config.templatesLine = $0.mark?.line ?? 0 },
            "sort_memory_mb": { config.sortMemoryBytes = Int(try r.double($0, "sort_memory_mb", min: 0.001) * 1_048_576) },
            "sort_directory": { config.sortDirectory = try r.string($0, "sort_directory") },
            "reorder_memory_mb": { config.reorderMemoryBytes = Int(try r.double($0, "reorder_memory_mb", min: 0.001) * 1_048_576) },
            "open_visits_memory_mb": { config.openVisitsMemoryBytes = Int(min(try r.double($0, "open_visits_memory_mb", min: 0.001), 1_048_576.0) * 1_048_576) },
            "shop_hosts": { config.shopHosts = try r.strings($0, "shop_hosts").map { $0.lowercased() } },
            "identity": { node in
                try r.mapping(node, at: "identity", keys: [
                    "customer_id": {
                        let v = try r.string($0, "identity.customer_id")
                        switch v {
                        case "none": config.customerID = .none
                        case "remote_user": config.customerID = .remoteUser
                        case let q where q.hasPrefix("query:") && q.count > 6:
                            config.customerID = .queryParameter(String(q.dropFirst(6)))
                        default:
                            throw r.error($0, "identity.customer_id expects none, remote_user or query:<parameter>, found '\(v)'")
                        }
                    },
                    "pseudonym_key": { config.pseudonymKey = try r.string($0, "identity.pseudonym_key") },
                    "pseudonym_key_env": { config.pseudonymKeyEnv = try r.string($0, "identity.pseudonym_key_env") },
                    "session_cookies": { config.sessionCookies = try r.strings($0, "identity.session_cookies") },
                ])
            },
            "sessions": { node in
                // The preset first, so that single rules override it wherever they are written.
                if let preset = node.mapping?.first(where: { $0.key.string == "rules" })?.value {
                    let name = try r.string(preset, "sessions.rules")
                    guard let rules = SessionRules.preset(named: name) else {
                        throw r.error(preset, "sessions.rules expects one of \(SessionRules.presetNames.joined(separator: ", ")), found '\(name)'")
                    }
                    config.sessionRules = rules
                }
                var overridden = false
                try r.mapping(node, at: "sessions", keys: [
                    "rules": { _ in },
                    "timeout_minutes": { config.sessionRules.timeout = Int64(try r.int($0, "sessions.timeout_minutes", min: 1)) * 60; overridden = true },
                    "new_visit_on_campaign_change": { node in
                        // true keeps the preset's way of comparing campaigns; `any` and `name_or_keyword` name one.
                        let key = "sessions.new_visit_on_campaign_change"
                        let text: String? = if case .scalar(let v) = node { v.string } else { nil }
                        switch text?.lowercased() {
                        case "any": config.sessionRules.campaignChange = .anyParameter
                        case "name_or_keyword": config.sessionRules.campaignChange = .nameOrKeyword
                        default:
                            do { config.sessionRules.newVisitOnCampaignChange = try r.bool(node, key) } catch {
                                throw r.error(node, "\(key) expects true, false, any or name_or_keyword, found '\(text ?? "")'")
                            }
                        }
                        overridden = true
                    },
                    "split_at_midnight": { config.sessionRules.splitAtMidnight = try r.bool($0, "sessions.split_at_midnight"); overridden = true },
                    "max_visit_hours": { config.sessionRules.maxVisitLength = Int64(try r.int($0, "sessions.max_visit_hours", min: 1)) * 3600; overridden = true },
                    "out_of_order_tolerance_minutes": { config.sessionRules.outOfOrderTolerance = Int64(try r.int($0, "sessions.out_of_order_tolerance_minutes", min: 0)) * 60; overridden = true },
                    "lookback_days": { config.lookbackDays = try r.int($0, "sessions.lookback_days", min: 1) },
                ])
                if overridden && config.sessionRules != SessionRules.preset(named: config.sessionRules.preset) {
                    config.sessionRules.preset += "+custom"
                }
            },
            "filters": { node in
                try r.mapping(node, at: "filters", keys: [
                    "bot_agents": { config.botAgents = try r.strings($0, "filters.bot_agents").map { $0.lowercased() } },
                    "asset_extensions": {
                        config.assetExtensions = try r.strings($0, "filters.asset_extensions").map { $0.lowercased().trimmingCharacters(in: ["."]) }
                    },
                    "keep_redirects": { config.keepRedirects = try r.bool($0, "filters.keep_redirects") },
                    "methods": { config.methods = try r.strings($0, "filters.methods").map { $0.uppercased() } },
                ])
            },
            "orders": { node in
                try r.mapping(node, at: "orders", keys: [
                    "order_id_parameter": { config.orderIDParameter = try r.string($0, "orders.order_id_parameter") },
                    "value_parameter": { config.orderValueParameter = try r.string($0, "orders.value_parameter") },
                    "max_value": { config.maxOrderValueCents = try r.money($0, "orders.max_value") },
                    "outlier_factor": {
                        let v = try r.int($0, "orders.outlier_factor", min: 0)
                        // 1 would refuse every order above the median: half of them
                        guard v == 0 || (2...1000).contains(v) else {
                            throw r.error($0, "orders.outlier_factor expects 0 (off) or a whole number from 2 to 1000, found \(v)")
                        }
                        config.orderOutliers.factor = v
                    },
                    "outlier_min_orders": { config.orderOutliers.minOrders = try r.int($0, "orders.outlier_min_orders", min: 1) },
                ])
            },
            "surveys": { node in
                try r.mapping(node, at: "surveys", keys: [
                    "type_parameter": { config.surveyTypeParameter = try r.string($0, "surveys.type_parameter") },
                    "score_parameter": { config.surveyScoreParameter = try r.string($0, "surveys.score_parameter") },
                    "ces_scale": {
                        let v = try r.int($0, "surveys.ces_scale", min: 2)
                        guard v == 5 || v == 7 else { throw r.error($0, "surveys.ces_scale expects 5 or 7, found \(v)") }
                        config.cesPoints = v
                    },
                    "min_answers": { config.minAnswers = try r.int($0, "surveys.min_answers", min: 1) },
                ])
            },
            "site_search": { node in
                try r.mapping(node, at: "site_search", keys: [
                    "touchpoint": { config.searchTouchpoint = try r.string($0, "site_search.touchpoint") },
                    "parameter": { config.searchParameter = try r.string($0, "site_search.parameter") },
                ])
            },
            "support": { node in
                try r.mapping(node, at: "support", keys: [
                    "contacts": { config.supportContacts = try r.supportContacts($0) },
                ])
            },
            "carts": { node in
                try r.mapping(node, at: "carts", keys: [
                    "recovery_days": { config.cartRecoveryDays = try r.int($0, "carts.recovery_days", min: 1); recoveryNode = $0 },
                ])
            },
            "print": { node in
                try r.mapping(node, at: "print", keys: [
                    "appendix": {
                        let v = try r.string($0, "print.appendix")
                        guard let a = PageOptions.PrintAppendix(rawValue: v) else {
                            throw r.error($0, "print.appendix expects open or closed, found '\(v)'")
                        }
                        config.printAppendix = a
                    },
                ])
            },
            "journey_map": { node in
                try r.mapping(node, at: "journey_map", keys: [
                    "max_links": { config.mapLinks = try r.int($0, "journey_map.max_links", min: 1) },
                ])
            },
            "report": { node in
                try r.mapping(node, at: "report", keys: [
                    "headline": { config.headline = try r.headline($0) },
                ])
            },
            "sections": { node in
                var keys: [String: (Node) throws -> Void] = [:]
                for section in sections {
                    keys[section.configKey] = { config.sectionSettings.set(try section.readSettings($0, r), for: section.id) }
                }
                try r.mapping(node, at: "sections", keys: keys)
            },
            "privacy": { node in
                try r.mapping(node, at: "privacy", keys: [
                    "min_people": { config.minPeople = try r.int($0, "privacy.min_people", min: 1) },
                ])
            },
            "channels": { node in
                try r.mapping(node, at: "channels", keys: [
                    "search_engines": { config.extraSearchEngines = try r.strings($0, "channels.search_engines").map { $0.lowercased() } },
                    "social_networks": { config.extraSocialNetworks = try r.strings($0, "channels.social_networks").map { $0.lowercased() } },
                ])
            },
            "touchpoints": { node in
                try r.mapping(node, at: "touchpoints", keys: [
                    "unmatched_phase": { config.unmatchedPhase = try r.phase($0, "touchpoints.unmatched_phase") },
                    "rules": { (config.touchpointRules, config.touchpointNames) = try r.rules($0) },
                ])
            },
            "kpis": { node in
                try r.mapping(node, at: "kpis", keys: [
                    "time_decay_half_life_days": { config.timeDecayHalfLifeDays = try r.double($0, "kpis.time_decay_half_life_days", min: 0.01) },
                    "customer_lifespan_years": { config.customerLifespanYears = try r.double($0, "kpis.customer_lifespan_years", min: 0.01) },
                    "retention_spend": { node in
                        guard let map = node.mapping else { throw r.error(node, "kpis.retention_spend expects a mapping of years to amounts, e.g. 2025: 12000.00") }
                        for (key, value) in map {
                            guard let year = key.string.flatMap(Int.init), (1900...2200).contains(year) else {
                                throw r.error(key, "kpis.retention_spend: '\(key.string ?? "")' is not a year (expected e.g. 2025)")
                            }
                            config.retentionSpend[year] = try r.double(value, "kpis.retention_spend.\(year)", min: 0)
                        }
                    },
                ])
            },
            "history": { node in
                try r.mapping(node, at: "history", keys: [
                    "path": { config.historyPath = try r.string($0, "history.path") },
                ])
            },
            "publish": { node in
                try r.mapping(node, at: "publish", keys: [
                    "base_url": { config.publishBaseURL = try r.baseURL($0, "publish.base_url") },
                ])
            },
            "diff": { node in
                try r.mapping(node, at: "diff", keys: [
                    "fail_on": {
                        let text = try r.string($0, "diff.fail_on")
                        do { _ = try Threshold.list(parsing: text) } catch { throw r.error($0, "diff.fail_on: \(error)") }
                        config.diffFailOn = text
                    },
                ])
            },
        ])
        if let node = recoveryNode, config.cartRecoveryDays > config.lookbackDays {
            // The carts followed lie that many days before the period: the data read must reach them.
            throw r.error(node, "carts.recovery_days expects at most sessions.lookback_days (\(config.lookbackDays)), found \(config.cartRecoveryDays)")
        }
        return config
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "syntax error"
        }
    }
}

/// Walks YAML nodes with the file name at hand for errors.
struct Reader {
    let file: String

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line ?? 0, message: message)
    }

    func mapping(_ node: Node, at place: String, keys: [String: (Node) throws -> Void]) throws {
        guard let map = node.mapping else { throw error(node, "\(place) expects a mapping of keys") }
        for (key, value) in map {
            guard let name = key.string else { throw error(key, "keys in \(place) must be text") }
            guard let handle = keys[name] else {
                throw error(key, "unknown key '\(name)' in \(place) (expected one of: \(keys.keys.sorted().joined(separator: ", ")))")
            }
            try handle(value)
        }
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(key) expects a text value") }
        return s.string
    }

    /// An http(s) address without spaces, quotes, angle brackets or controls, and without a
    /// trailing slash (the period's folder is appended).
    func baseURL(_ node: Node, _ key: String) throws -> String {
        var s = try string(node, key)
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), s.count > 8,
              !s.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>()\\`".unicodeScalars.contains($0) || $0.value > 0x7E })
        else { throw error(node, "\(key) expects an http:// or https:// address without spaces, quotes, brackets or non-ASCII characters, found '\(s)'") }
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    func strings(_ node: Node, _ key: String) throws -> [String] {
        if case .scalar = node { return [try string(node, key)] }
        guard let seq = node.sequence else { throw error(node, "\(key) expects a list of text values") }
        return try seq.map { try string($0, key) }
    }

    /// `report.headline`: 4 to 6 distinct keys of key figures the report makes, each checked on its own line.
    func headline(_ node: Node) throws -> [String] {
        guard let seq = node.sequence else { throw error(node, "report.headline expects a list of 4 to 6 key figures, e.g. [orders, revenue, conversion_rate, aov, visitors]") }
        let known = KPIDefinition.all.map(\.id)
        var keys: [String] = []
        for item in seq {
            let key = try string(item, "report.headline")
            guard known.contains(key) else {
                throw error(item, "report.headline expects key figures of the report (\(known.joined(separator: ", "))), found '\(key)'")
            }
            guard !keys.contains(key) else { throw error(item, "report.headline lists '\(key)' twice") }
            keys.append(key)
        }
        guard (4...6).contains(keys.count) else { throw error(node, "report.headline expects 4 to 6 key figures, found \(keys.count)") }
        return keys
    }

    func int(_ node: Node, _ key: String, min: Int) throws -> Int {
        guard case .scalar(let s) = node, let v = Int(s.string) else {
            throw error(node, "\(key) expects a whole number, found '\(node.string ?? "a list or mapping")'")
        }
        guard v >= min else { throw error(node, "\(key) expects a number of at least \(min), found \(v)") }
        return v
    }

    func double(_ node: Node, _ key: String, min: Double) throws -> Double {
        guard case .scalar(let s) = node, let v = Double(s.string) else {
            throw error(node, "\(key) expects a number, found '\(node.string ?? "a list or mapping")'")
        }
        guard v >= min else { throw error(node, "\(key) expects a number of at least \(min), found \(v)") }
        return v
    }

    /// An amount of money in cents, read like an order value (`MoneyText`), above 0 and at most
    /// `MoneyText.maxCeilingCents`.
    func money(_ node: Node, _ key: String) throws -> Int64 {
        guard case .scalar(let s) = node else { throw error(node, "\(key) expects an amount of money such as 100000.00") }
        let most = "10,000,000.00"
        switch MoneyText.read(s.string) {
        case .cents(let c) where c > 0 && c <= MoneyText.maxCeilingCents: return c
        case .cents(0): throw error(node, "\(key) expects an amount above 0, found '\(s.string)'")
        case .cents, .tooLarge: throw error(node, "\(key) expects an amount of at most \(most), found '\(s.string)'")
        case .missing, .unreadable: throw error(node, "\(key) expects an amount of money such as 100000.00, found '\(s.string)'")
        }
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        guard case .scalar(let s) = node else { throw error(node, "\(key) expects true or false") }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(key) expects true or false, found '\(s.string)'")
        }
    }

    func phase(_ node: Node, _ key: String) throws -> Phase {
        let v = try string(node, key)
        guard let p = Phase(rawValue: v.lowercased()) else {
            throw error(node, "\(key) expects one of \(Phase.allCases.map(\.rawValue).joined(separator: ", ")), found '\(v)'")
        }
        return p
    }

    /// `touchpoints.rules`, and the names their touchpoints carry per locale (`labels:`), by
    /// locale and then touchpoint. Rules of one touchpoint may each name it, but not differently.
    func rules(_ node: Node) throws -> (rules: [TouchpointRule], names: [String: [String: String]]) {
        guard let seq = node.sequence else { throw error(node, "touchpoints.rules expects a list of rules") }
        var names: [String: [String: String]] = [:]
        let rules = try seq.map { item in
            var pattern: TouchpointRule.Pattern? = nil
            var name: String? = nil
            var phase: Phase? = nil
            var step: FunnelStep? = nil
            var labels: [(locale: String, label: String, node: Node)] = []
            try mapping(item, at: "a touchpoint rule", keys: [
                "path": { pattern = .glob(try string($0, "path")) },
                "regex": { pattern = .regex(try string($0, "regex")) },
                "touchpoint": { name = try string($0, "touchpoint") },
                "labels": { node in
                    guard let map = node.mapping else {
                        throw error(node, "labels expects the touchpoint's name per locale, e.g. { de: Warenkorb }")
                    }
                    for (key, value) in map {
                        let locale = try string(key, "labels")
                        guard PipelineConfig.locales.contains(locale) else {
                            throw error(key, "labels expects locales (\(PipelineConfig.locales.joined(separator: ", "))), found '\(locale)'")
                        }
                        let label = try string(value, "labels.\(locale)")
                        guard !label.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(value, "labels.\(locale) expects a name, found nothing") }
                        labels.append((locale, label, value))
                    }
                },
                "phase": { phase = try self.phase($0, "phase") },
                "funnel_step": {
                    let v = try string($0, "funnel_step")
                    guard let s = FunnelStep(rawValue: v) else {
                        throw error($0, "funnel_step expects one of \(FunnelStep.allCases.map(\.rawValue).joined(separator: ", ")), found '\(v)'")
                    }
                    step = s
                },
            ])
            guard let pattern else { throw error(item, "a touchpoint rule needs path (a glob) or regex") }
            guard let name else { throw error(item, "a touchpoint rule needs touchpoint (its name)") }
            guard let phase else { throw error(item, "a touchpoint rule needs phase") }
            let rule = TouchpointRule(pattern: pattern, touchpoint: name, phase: phase, funnelStep: step)
            do { _ = try rule.compiled() } catch {
                throw self.error(item, "the pattern of touchpoint '\(name)' is not a valid regular expression")
            }
            for l in labels {
                if let earlier = names[l.locale]?[name], earlier != l.label {
                    throw error(l.node, "labels.\(l.locale) of touchpoint '\(name)' is '\(l.label)', but an earlier rule of it says '\(earlier)'")
                }
                names[l.locale, default: [:]][name] = l.label
            }
            return rule
        }
        return (rules, names)
    }
}

extension Reader {
    /// `support.contacts`: each `{ name, start, end }`, start and end a path glob (or `regex`
    /// with `start_regex` / `end_regex`); end may be left out when exports log a duration.
    func supportContacts(_ node: Node) throws -> [SupportContactRule] {
        guard let seq = node.sequence else { throw error(node, "support.contacts expects a list of { name, start, end }") }
        return try seq.map { item in
            var name: String? = nil
            var start: TouchpointRule.Pattern? = nil
            var end: TouchpointRule.Pattern? = nil
            try mapping(item, at: "a support contact", keys: [
                "name": { name = try string($0, "support.contacts.name") },
                "start": { start = .glob(try string($0, "support.contacts.start")) },
                "end": { end = .glob(try string($0, "support.contacts.end")) },
                "start_regex": { start = .regex(try string($0, "support.contacts.start_regex")) },
                "end_regex": { end = .regex(try string($0, "support.contacts.end_regex")) },
            ])
            guard let name else { throw error(item, "a support contact needs name") }
            guard let start else { throw error(item, "support contact '\(name)' needs start (a path glob) or start_regex") }
            let rule = SupportContactRule(name: name, start: start, end: end)
            for pattern in [start] + (end.map { [$0] } ?? []) {
                do { _ = try TouchpointRule(pattern: pattern, touchpoint: name, phase: .retention).compiled() } catch {
                    throw self.error(item, "a pattern of support contact '\(name)' is not a valid regular expression")
                }
            }
            return rule
        }
    }

    /// `json:` keys, each a dotted path or a list of paths tried in order.
    func jsonMapping(_ node: Node) throws -> JSONMapping {
        var m = JSONMapping.default
        func paths(_ key: String, _ set: @escaping (inout JSONMapping, [String]) -> Void) -> (String, (Node) throws -> Void) {
            (key, { set(&m, try self.strings($0, "json.\(key)")) })
        }
        let keys: [(String, (Node) throws -> Void)] = [
            paths("time") { $0.time = $1 }, paths("type") { $0.type = $1 }, paths("name") { $0.name = $1 },
            paths("customer") { $0.customer = $1 }, paths("device") { $0.device = $1 }, paths("url") { $0.url = $1 },
            paths("referrer") { $0.referrer = $1 }, paths("user_agent") { $0.userAgent = $1 }, paths("ip") { $0.ip = $1 },
            paths("order_id") { $0.orderID = $1 }, paths("revenue") { $0.revenue = $1 },
            paths("survey_type") { $0.surveyType = $1 }, paths("survey_score") { $0.surveyScore = $1 },
            paths("duration") { $0.duration = $1 },
            paths("purchase_events") { $0.purchaseEvents = Set($1.map { $0.lowercased() }) },
        ]
        try mapping(node, at: "json", keys: Dictionary(uniqueKeysWithValues: keys))
        return m
    }

    /// `csv:` columns of an export other than the built-in schemas; `time` and `type` are required.
    func csvMapping(_ node: Node) throws -> CSVMapping {
        var m = CSVMapping(time: "", type: "")
        func column(_ key: String, _ set: @escaping (inout CSVMapping, String) -> Void) -> (String, (Node) throws -> Void) {
            (key, { set(&m, try self.string($0, "csv.\(key)")) })
        }
        let keys: [(String, (Node) throws -> Void)] = [
            column("time") { $0.time = $1 }, column("type") { $0.type = $1 }, column("customer") { $0.customer = $1 },
            column("device") { $0.device = $1 }, column("url") { $0.url = $1 }, column("referrer") { $0.referrer = $1 },
            column("user_agent") { $0.userAgent = $1 }, column("ip") { $0.ip = $1 }, column("order_id") { $0.orderID = $1 },
            column("value") { $0.value = $1 }, column("duration") { $0.duration = $1 },
            ("purchase_types", { m.purchaseTypes = Set(try self.strings($0, "csv.purchase_types")) }),
            ("type_aliases", { n in
                guard let map = n.mapping else { throw self.error(n, "csv.type_aliases expects a mapping of event type to event type") }
                for (k, v) in map { m.typeAliases[try self.string(k, "csv.type_aliases")] = try self.string(v, "csv.type_aliases") }
            }),
            ("separator", { n in
                let s = try self.string(n, "csv.separator")
                guard s.utf8.count == 1 else { throw self.error(n, "csv.separator expects one character, found '\(s)'") }
                m.separator = s.utf8.first!
            }),
        ]
        try mapping(node, at: "csv", keys: Dictionary(uniqueKeysWithValues: keys))
        guard !m.time.isEmpty, !m.type.isEmpty else { throw error(node, "csv needs at least the time and type columns") }
        return m
    }
}
