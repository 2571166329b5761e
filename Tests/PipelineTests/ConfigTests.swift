import Extract
import Pipeline
import Testing

@Suite struct ConfigTests {
    @Test func theShippedWeeklyConfigLoads() throws {
        let config = try ConfigLoader.load(path: PipelineFixtures.weeklyConfig)
        #expect(config.timeZone == "Europe/Berlin")
        #expect(config.sessionRules.preset == "matomo")
        #expect(config.sessionRules.splitAtMidnight)
        #expect(config.touchpointRules.count >= 20)
        #expect(config.shopHosts.contains("shop.example.com"))
    }

    /// `orders.max_value`: money read like an order value, above 0 and at most 10,000,000.00.
    @Test func theOrderValueCeiling() throws {
        #expect(try ConfigLoader.load(path: PipelineFixtures.weeklyConfig).maxOrderValueCents == 10_000_000)
        #expect(try ConfigLoader.parse("orders:\n  max_value: 2.500,50 EUR\n", file: "p.yaml").maxOrderValueCents == 250_050)
        #expect(try ConfigLoader.parse("orders:\n  max_value: 10000000\n", file: "p.yaml").extractOptions.maxOrderValueCents == 1_000_000_000)
        for (value, message) in [("0", "orders.max_value expects an amount above 0, found '0'"),
                                 ("10000000.01", "orders.max_value expects an amount of at most 10,000,000.00, found '10000000.01'"),
                                 ("1e9", "orders.max_value expects an amount of money such as 100000.00, found '1e9'"),
                                 ("-5", "orders.max_value expects an amount of money such as 100000.00, found '-5'")] {
            #expect(throws: ConfigError(file: "p.yaml", line: 2, message: message)) {
                try ConfigLoader.parse("orders:\n  max_value: \(value)\n", file: "p.yaml")
            }
        }
    }

    /// `publish.base_url`: an http(s) address diff.md links the period's report under; no
    /// trailing slash kept, nothing that could end a Markdown link or start HTML accepted.
    @Test func thePublishedAddress() throws {
        #expect(try ConfigLoader.load(path: PipelineFixtures.weeklyConfig).publishBaseURL == nil)
        #expect(try ConfigLoader.parse("publish:\n  base_url: https://reports.example/journeys/\n", file: "p.yaml").publishBaseURL
            == "https://reports.example/journeys")
        for value in ["ftp://reports.example", "https://reports.example/a b", "https://reports.example/x)[y](z", "https://r.example/<b>", "https://"] {
            #expect(throws: ConfigError.self) { try ConfigLoader.parse("publish:\n  base_url: \"\(value)\"\n", file: "p.yaml") }
        }
    }

    /// `report.headline`: the figures the page opens with; by default the five a shop runs on.
    @Test func theHeadlineFigures() throws {
        #expect(try ConfigLoader.load(path: PipelineFixtures.weeklyConfig).headline == ["orders", "revenue", "conversion_rate", "aov", "visitors"])
        #expect(try ConfigLoader.parse("time_zone: UTC\n", file: "p.yaml").headline == ["orders", "revenue", "conversion_rate", "aov", "visitors"])
        #expect(try ConfigLoader.parse("report:\n  headline: [revenue, orders, nps, repeat_purchase_rate_90d]\n", file: "p.yaml").headline
            == ["revenue", "orders", "nps", "repeat_purchase_rate_90d"])
        let unknown = "report:\n  headline:\n    - orders\n    - revenue\n    - conversion\n    - aov\n"
        do {
            _ = try ConfigLoader.parse(unknown, file: "p.yaml")
            Issue.record("an unknown key figure was accepted")
        } catch let error as ConfigError {
            #expect(error.file == "p.yaml" && error.line == 5)
            #expect(error.message.hasPrefix("report.headline expects key figures of the report (") && error.message.hasSuffix("found 'conversion'"))
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "report.headline expects 4 to 6 key figures, found 2")) {
            try ConfigLoader.parse("report:\n  headline: [orders, revenue]\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "report.headline lists 'orders' twice")) {
            try ConfigLoader.parse("report:\n  headline: [orders, revenue, aov, orders]\n", file: "p.yaml")
        }
    }

    @Test func unknownKeyNamesFileLineAndKey() {
        let text = "time_zone: UTC\nsessions:\n  rules: ga4\n  timeout_minuts: 30\n"
        #expect(throws: ConfigError(file: "p.yaml", line: 4,
                                    message: "unknown key 'timeout_minuts' in sessions (expected one of: lookback_days, max_visit_hours, new_visit_on_campaign_change, out_of_order_tolerance_minutes, rules, split_at_midnight, timeout_minutes)")) {
            try ConfigLoader.parse(text, file: "p.yaml")
        }
    }

    @Test func wrongTypesNameTheKey() {
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "sessions.timeout_minutes expects a whole number, found 'half an hour'")) {
            try ConfigLoader.parse("sessions:\n  timeout_minutes: half an hour\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 1, message: "time_zone 'Mars/Olympus' is not a known time zone (expected e.g. Europe/Berlin or UTC)")) {
            try ConfigLoader.parse("time_zone: Mars/Olympus\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 3, message: "phase expects one of awareness, consideration, purchase, retention, advocacy, found 'browsing'")) {
            try ConfigLoader.parse("touchpoints:\n  rules:\n    - { path: /, touchpoint: Home, phase: browsing }\n", file: "p.yaml")
        }
    }

    @Test func presetThenSingleRules() throws {
        let c = try ConfigLoader.parse("sessions:\n  timeout_minutes: 45\n  rules: ga4\n", file: "p.yaml")
        #expect(c.sessionRules.timeout == 45 * 60)
        #expect(!c.sessionRules.newVisitOnCampaignChange)
        #expect(c.sessionRules.preset == "ga4+custom")
        let plain = try ConfigLoader.parse("sessions:\n  rules: awstats\n", file: "p.yaml")
        #expect(plain.sessionRules.timeout == 3600 && plain.sessionRules.preset == "awstats")
    }

    /// `new_visit_on_campaign_change`: true keeps the preset's way, `any` and `name_or_keyword`
    /// name one, anything else stops with the file, line and the values expected.
    @Test func campaignChangeValues() throws {
        func change(_ text: String) throws -> String {
            try ConfigLoader.parse("sessions:\n" + text, file: "p.yaml").sessionRules.campaignChange.rawValue
        }
        #expect(try change("  new_visit_on_campaign_change: true\n") == "name_or_keyword")
        #expect(try change("  rules: ga4\n  new_visit_on_campaign_change: true\n") == "true")
        #expect(try change("  new_visit_on_campaign_change: any\n") == "true")
        #expect(try change("  rules: ga4\n  new_visit_on_campaign_change: name_or_keyword\n") == "name_or_keyword")
        #expect(try change("  new_visit_on_campaign_change: off\n") == "false")
        let custom = try ConfigLoader.parse("sessions:\n  new_visit_on_campaign_change: any\n", file: "p.yaml").sessionRules
        #expect(custom.preset == "matomo+custom")
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "sessions.new_visit_on_campaign_change expects true, false, any or name_or_keyword, found 'keyword'")) {
            try ConfigLoader.parse("sessions:\n  new_visit_on_campaign_change: keyword\n", file: "p.yaml")
        }
    }

    @Test func yamlSyntaxErrorsHaveALine() {
        do {
            _ = try ConfigLoader.parse("inputs:\n  - a\n bad: [\n", file: "p.yaml")
            Issue.record("broken YAML was accepted")
        } catch let error as ConfigError {
            #expect(error.line > 0)
            #expect(error.message.hasPrefix("not valid YAML: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// `labels:` on a touchpoint rule: the touchpoint's name per locale, for the pages; the rule
    /// keeps its id. Rules of one touchpoint may repeat a name but not contradict it.
    @Test func touchpointNamesPerLocale() throws {
        let rules = "touchpoints:\n  rules:\n"
        let config = try ConfigLoader.parse(rules + "    - { path: /cart, touchpoint: Cart, phase: purchase, labels: { de: Warenkorb, en: Basket } }\n"
            + "    - { path: /basket, touchpoint: Cart, phase: purchase, labels: { de: Warenkorb } }\n"
            + "    - { path: /, touchpoint: Home, phase: awareness }\n", file: "p.yaml")
        #expect(config.touchpointNames == ["de": ["Cart": "Warenkorb"], "en": ["Cart": "Basket"]])
        #expect(config.touchpointRules.map(\.touchpoint) == ["Cart", "Cart", "Home"])
        #expect(config.pageOptions.touchpointNames == config.touchpointNames)
        #expect(try ConfigLoader.load(path: PipelineFixtures.weeklyConfig).touchpointNames["de"]?["Cart"] == "Warenkorb")
        for (rule, line, message) in [
            ("    - { path: /cart, touchpoint: Cart, phase: purchase, labels: { fr: Panier } }\n", 3, "labels expects locales (en, de), found 'fr'"),
            ("    - { path: /cart, touchpoint: Cart, phase: purchase, labels: Warenkorb }\n", 3,
             "labels expects the touchpoint's name per locale, e.g. { de: Warenkorb }"),
            ("    - { path: /cart, touchpoint: Cart, phase: purchase, labels: { de: \"\" } }\n", 3, "labels.de expects a name, found nothing"),
            ("    - { path: /cart, touchpoint: Cart, phase: purchase, labels: { de: Warenkorb } }\n    - { path: /basket, touchpoint: Cart, phase: purchase, labels: { de: Korb } }\n",
             4, "labels.de of touchpoint 'Cart' is 'Korb', but an earlier rule of it says 'Warenkorb'"),
        ] {
            #expect(throws: ConfigError(file: "p.yaml", line: line, message: message)) { try ConfigLoader.parse(rules + rule, file: "p.yaml") }
        }
    }

    /// `print.appendix`: the page's folded sections print closed (the default) or open.
    @Test func printingTheAppendix() throws {
        #expect(try ConfigLoader.load(path: PipelineFixtures.weeklyConfig).printAppendix == .closed)
        #expect(try ConfigLoader.parse("time_zone: UTC\n", file: "p.yaml").printAppendix == .closed)
        #expect(try ConfigLoader.parse("print:\n  appendix: open\n", file: "p.yaml").pageOptions.printAppendix == .open)
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "print.appendix expects open or closed, found 'sideways'")) {
            try ConfigLoader.parse("print:\n  appendix: sideways\n", file: "p.yaml")
        }
    }

    @Test func invalidRegexIsReportedAtItsRule() {
        #expect(throws: ConfigError(file: "p.yaml", line: 3, message: "the pattern of touchpoint 'X' is not a valid regular expression")) {
            try ConfigLoader.parse("touchpoints:\n  rules:\n    - { regex: \"^/p/(\", touchpoint: X, phase: awareness }\n", file: "p.yaml")
        }
    }
}

@Suite struct SourceConfigTests {
    @Test func eventsConfigLoadsWithEventRules() throws {
        let config = try ConfigLoader.load(path: PipelineFixtures.repo.appendingPathComponent("pipelines/events.yaml").path)
        #expect(config.touchpointRules.contains { $0.touchpoint == "Purchase" && $0.funnelStep == .purchase })
    }

    @Test func logFormatJsonAndCsvKeys() throws {
        let c = try ConfigLoader.parse("""
            log_format: '$remote_addr [$time_local] "$request" $status $cookie_sid'
            identity:
              session_cookies: [sid]
            filters:
              methods: [get, post, head]
            json:
              time: ts
              purchase_events: [Order Placed]
            csv:
              time: created_at
              type: action
              value: amount
              type_aliases: { addtocart: cart }
              separator: ";"
            """, file: "p.yaml")
        #expect(c.logFormat == .layout(#"$remote_addr [$time_local] "$request" $status $cookie_sid"#))
        #expect(c.sessionCookies == ["sid"])
        #expect(c.methods == ["GET", "POST", "HEAD"])
        #expect(c.jsonMapping.time == ["ts"])
        #expect(c.jsonMapping.purchaseEvents == ["order placed"])
        #expect(c.jsonMapping.url == JSONMapping.default.url)
        let csv = try #require(c.csvMapping)
        #expect((csv.time, csv.type, csv.value, csv.typeAliases, csv.separator) == ("created_at", "action", "amount", ["addtocart": "cart"], UInt8(ascii: ";")))
    }

    @Test func filterListsReplaceTheBuiltInOnes() throws {
        let shipped = try ConfigLoader.load(path: PipelineFixtures.weeklyConfig)
        #expect(shipped.botAgents == ExtractOptions.defaultBotAgents)
        #expect(Set(shipped.assetExtensions) == ExtractOptions().assetExtensions)
        let c = try ConfigLoader.parse("filters:\n  bot_agents: [MyMonitor]\n  asset_extensions: [.CSS]\n", file: "p.yaml")
        #expect(c.botAgents == ["mymonitor"])
        #expect(c.assetExtensions == ["css"])
    }

    @Test func badSourceKeysNameTheirLine() {
        #expect(throws: ConfigError(file: "p.yaml", line: 1, message: "log_format expects auto, combined, json, csv or a log_format string with $fields, found 'apache2'")) {
            try ConfigLoader.parse("log_format: apache2\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "csv needs at least the time and type columns")) {
            try ConfigLoader.parse("csv:\n  time: t\n", file: "p.yaml")
        }
    }
}
