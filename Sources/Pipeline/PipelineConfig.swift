import Foundation
import Sections
import Extract
import JourneysCore
import Render
import Sessionize
import Touchpoints

/// The pipeline's configuration (`pipelines/*.yaml`), with the defaults a key takes when left out.
package struct PipelineConfig: Sendable {
    package var file: String = "<defaults>"
    package var inputs: [String] = ["demo-logs"]
    package var timeZone: String = "Europe/Berlin"
    package var locale: String = "en"
    package var currency: String = "EUR"
    /// The folder of templates, stylesheet and catalogues; nil renders with the built-in ones.
    package var templates: String? = nil
    /// The line of `templates` in the config file, for errors about them.
    package var templatesLine = 0
    /// Memory for sorting an input file that is not in time order (`sort_memory_mb`).
    package var sortMemoryBytes: Int = 256 << 20
    /// Memory for the events waiting in the sessionizer's reorder buffer (`reorder_memory_mb`);
    /// beyond it they wait on disk, in `sortDirectory`.
    package var reorderMemoryBytes: Int = 8 << 20
    /// Memory for the visits open at once (`open_visits_memory_mb`): beyond it a new visit first
    /// closes the least recently active one early, counted among the cut visits.
    package var openVisitsMemoryBytes: Int = 32 << 20
    /// Where an external sort writes its temporary files; `nil` is the system's.
    package var sortDirectory: String? = nil
    /// Threads that parse a large plain file at once (`journeys report --shards`); the report is
    /// the same for any number.
    package var shards: Int = ProcessInfo.processInfo.activeProcessorCount
    package var shardPartBytes: Int = 4 << 20
    package var shopHosts: [String] = []

    package enum CustomerID: Sendable, Equatable {
        case none, remoteUser, queryParameter(String)
    }
    package var customerID: CustomerID = .remoteUser
    package var pseudonymKey: String = ""
    package var pseudonymKeyEnv: String = "JOURNEYS_PSEUDONYM_KEY"

    package var sessionRules = SessionRules.matomo
    package var lookbackDays: Int = 30

    package var logFormat: LogFormat = .auto
    package var sessionCookies: [String] = ExtractOptions().sessionCookies
    package var methods: [String] = ["GET", "POST"]
    package var jsonMapping = JSONMapping.default
    package var csvMapping: CSVMapping? = nil

    /// User-agent substrings of bots; the config's list replaces the built-in one.
    package var botAgents: [String] = ExtractOptions.defaultBotAgents
    package var assetExtensions: [String] = ExtractOptions().assetExtensions.sorted()
    package var keepRedirects: Bool = true
    package var orderIDParameter = "order"
    package var orderValueParameter = "value"
    /// `orders.max_value` in cents: an order above it is implausible and no order.
    package var maxOrderValueCents: Int64 = MoneyText.defaultCeilingCents
    /// `orders.outlier_factor` and `orders.outlier_min_orders`: the bound of the shop's usual
    /// order values, taken from the history before the run reads a line.
    package var orderOutliers = OrderOutlierRule()
    package var surveyTypeParameter = "type"
    package var surveyScoreParameter = "score"
    /// `surveys.ces_scale`: points of the CES question (5 or 7); the top answer is "very easy".
    package var cesPoints = 5
    /// `surveys.min_answers`: below this many answers a satisfaction figure carries a small-sample warning.
    package var minAnswers = 30
    /// `site_search`: the touchpoint of the search page and the query parameter of its term.
    package var searchTouchpoint = "Search"
    package var searchParameter = "q"
    /// `support.contacts`: the kinds of support contact and where each starts and ends.
    package var supportContacts: [SupportContactRule] = []
    /// `carts.recovery_days`: an abandoned cart is recovered when its person orders within this many days.
    package var cartRecoveryDays = 7
    /// `privacy.min_people`: a table row about fewer people is withheld (k-anonymity).
    package var minPeople = 5
    /// `sections.<key>`: the settings of the sections in folders of their own (`SectionList`).
    package var sectionSettings = SectionSettingsTable()
    /// `journey_map.max_links`: the strongest transitions the journey map draws.
    package var mapLinks = 24
    /// `report.headline`: the key figures the page opens with (4 to 6 KPI keys), in this order.
    package var headline = ReportRenderer.defaultHeadline

    package var extraSearchEngines: [String] = []
    package var extraSocialNetworks: [String] = []

    package var touchpointRules: [TouchpointRule] = []
    /// `labels:` on the touchpoint rules: each touchpoint's name by locale, then by touchpoint
    /// id, for the page; report.json keeps the ids.
    package var touchpointNames: [String: [String: String]] = [:]
    /// `print.appendix`: the page's folded sections print open or closed (the default).
    package var printAppendix: PageOptions.PrintAppendix = .closed
    /// The locales the pages can be written in (`locale`, `labels:`).
    package static let locales = ["en", "de"]

    /// What the page takes from the config beside its words and numbers.
    package var pageOptions: PageOptions { PageOptions(printAppendix: printAppendix, touchpointNames: touchpointNames) }
    package var unmatchedPhase: Phase = .consideration

    /// `publish.base_url`: where the output folder is published (`https://reports.example/journeys`);
    /// diff.md then links the period's report. Nil: no link.
    package var publishBaseURL: String? = nil
    /// `diff.fail_on`: the thresholds a diff fails on when `--fail-on` gives none.
    package var diffFailOn: String = ""

    package var timeDecayHalfLifeDays: Double = 7
    package var customerLifespanYears: Double = 3
    /// `kpis.retention_spend`: what was spent on keeping customers, per calendar year, in the currency.
    package var retentionSpend: [Int: Double] = [:]

    /// `history.path`: the SQLite file of earlier periods' customers, orders, weekly visits and
    /// KPIs, relative to the config file: by default beside `pipelines/`, outside the published
    /// output folder.
    package var historyPath: String = "../history/journeys.sqlite"

    package init() {}

    /// A one-line description of how people are told apart, for the report's footer.
    package var identitySummary: String {
        let customer: String
        switch customerID {
        case .none: customer = "no customer id"
        case .remoteUser: customer = "customer id from the log's user field"
        case .queryParameter(let p): customer = "customer id from the query parameter \(p)"
        }
        let device = sessionRules.identity == .hostOnly ? "keyed hash of the IP address (visitor = host)"
                                                        : "session cookie, else keyed hash of IP + user agent"
        return "\(customer) > \(device); a device's visits join the customer it logged in as"
    }
}

extension PipelineConfig {
    /// Paths in a config file are relative to the file, not to the working directory, so that
    /// cron can run a pipeline from anywhere.
    mutating func resolvePaths(relativeTo folder: String) {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        }
        inputs = inputs.map(resolve)
        templates = templates.map(resolve)
        sortDirectory = sortDirectory.map(resolve)
        historyPath = resolve(historyPath)
    }

    /// What extract reads and keeps, as this config says: `report` and `extract` read inputs alike.
    package var extractOptions: ExtractOptions {
        var o = ExtractOptions()
        o.botAgents = botAgents
        o.assetExtensions = Set(assetExtensions)
        o.keepRedirects = keepRedirects
        o.ownHosts = Set(shopHosts)
        switch customerID {
        case .none: o.customerFromRemoteUser = false
        case .remoteUser: o.customerFromRemoteUser = true
        case .queryParameter(let p):
            o.customerFromRemoteUser = false
            o.customerQueryParameter = p
        }
        o.orderIDParameter = orderIDParameter
        o.orderValueParameter = orderValueParameter
        o.maxOrderValueCents = maxOrderValueCents
        o.currency = currency
        o.surveyTypeParameter = surveyTypeParameter
        o.surveyScoreParameter = surveyScoreParameter
        o.cesPoints = cesPoints
        o.searchParameter = searchParameter
        o.pseudonymKey = SipHash(secret: pseudonymKey)
        o.format = logFormat
        o.sessionCookies = sessionCookies
        o.methods = Set(methods)
        o.jsonMapping = jsonMapping
        o.csvMapping = csvMapping
        o.deviceIsHostOnly = sessionRules.identity == .hostOnly
        o.sortBudgetBytes = sortMemoryBytes
        o.sortDirectory = sortDirectory
        o.shards = max(1, shards)
        o.shardPartBytes = max(1024, shardPartBytes)
        return o
    }
}
