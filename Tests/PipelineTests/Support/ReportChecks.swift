import Foundation
import ReportModel
import Testing

/// The checks every report.json a test writes goes through: the schema (`ReportSchema.json`,
/// by Python's jsonschema) and the decimals its numbers may have.
extension PipelineFixtures {
    /// Holds every `<period>/report.json` under `output` against the schema and the rounding
    /// rules, recording an issue per violation (naming the file and the JSON pointer, e.g.
    /// `2026-W47/report.json /kpis/visits/value: ...`) and one when there is no report at all.
    /// One Python process checks all of them; without jsonschema the test fails in CI and is
    /// skipped elsewhere (`RequiredTool`).
    static func checkSchema(output: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let periods = ((try? fm.contentsOfDirectory(atPath: output)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let reports = periods.map { "\($0)/report.json" }.filter { fm.fileExists(atPath: output + "/" + $0) }
        guard !reports.isEmpty else {
            Issue.record("no report.json under \(output)", sourceLocation: sourceLocation)
            return
        }
        guard let python = JSONSchemaCheck.python else {
            try RequiredTool.missing(JSONSchemaCheck.missingReason, sourceLocation: sourceLocation)
        }
        do {
            let found = try JSONSchemaCheck.violations(of: reports.map { output + "/" + $0 }, python: python)
            for (report, violations) in zip(reports, found) {
                for violation in violations { Issue.record("\(report) \(violation)", sourceLocation: sourceLocation) }
            }
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
        for report in reports {
            do {
                let text = try Data(contentsOf: URL(fileURLWithPath: output + "/" + report))
                for problem in ReportDecimals.violations(try JSONValue.parse(text)) {
                    Issue.record("\(report) \(problem)", sourceLocation: sourceLocation)
                }
            } catch {
                Issue.record("\(report): \(error)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// "Decimal at the source": the rounding docs/definitions.md promises, checked on the numbers
/// as written (their literal text, not the parsed doubles).
enum ReportDecimals {
    /// The most decimals any number may have (rates and shares).
    static let most = 4

    /// The decimals a number literal writes: `0.0413` 4, `12` 0, `1e-05` 5, `1.5e2` 0.
    static func decimals(_ literal: String) -> Int {
        let lower = literal.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.count } ?? 0
        return max(0, fraction - exponent)
    }

    /// The parts of a JSON pointer: `/kpis/aov/value` is kpis, aov, value.
    static func parts(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    /// Each KPI's unit by id, from the report.
    static func kpiUnits(_ document: JSONValue) -> [String: String] {
        var units: [String: String] = [:]
        for kpi in document["kpis"]?.members ?? [] { units[kpi.key] = kpi.value["unit"]?.string }
        return units
    }

    /// Whether the field at `path` is a KPI's figure of this period or the previous one, or a
    /// bound of its interval (`/kpis/aov/interval/0`): the fields its unit's rounding applies to.
    static func isKPIFigure(_ parts: [String]) -> Bool {
        guard parts.first == "kpis" else { return false }
        return (parts.count == 3 && ["value", "previous"].contains(parts[2])) || (parts.count == 4 && parts[2] == "interval")
    }

    /// Whether the field at `path` is an amount of money: KPIs of unit money (with their
    /// intervals), order-value statistics, channel and segment revenue, the revenue of the
    /// logged-value tables, CLV amounts and tier thresholds.
    static func isMoney(_ path: String, kpiUnits: [String: String]) -> Bool {
        let parts = parts(path)
        let last = parts.last ?? ""
        switch parts.first {
        case "kpis": return isKPIFigure(parts) && kpiUnits[parts[1]] == "money"
        case "orderValues": return ["mean", "standardDeviation"].contains(last)
        case "channels", "segments": return parts.count == 3 && last == "revenue"
        case "entryPages", "campaigns", "searchTerms", "products": return parts.count == 3 && last == "revenue"
        case "customerValue": return ["aov", "value", "minRevenue"].contains(last)
        case "clvModel": return ["expectedValue", "minSpend"].contains(last)
        default: return false
        }
    }

    /// The decimals the field at `path` keeps, by docs/definitions.md "Rounding": money 2,
    /// durations (seconds, days) 1, pages per visit and purchase frequency 2, survey scores
    /// (NPS, CSAT, CES: values, previous values, intervals, the top-two box) 1 and their mean
    /// answers 2, p-values 6, anything else (rates, shares, attribution credit) 4. A KPI's interval keeps
    /// the rounding of its value; a count KPI's interval, if one is ever given, that of a rate.
    static func allowed(_ path: String, kpiUnits: [String: String]) -> Int {
        if isMoney(path, kpiUnits: kpiUnits) { return 2 }
        let parts = parts(path)
        let last = parts.last ?? ""
        switch parts.first {
        case "kpis" where ["pValue", "yearAgoPValue"].contains(last):
            return 6
        case "kpis" where isKPIFigure(parts):
            switch kpiUnits[parts[1]] {
            case "seconds", "days", "score": return 1
            case "count": return parts[2] == "interval" ? most : 0
            default: return ["pages_per_visit", "purchase_frequency"].contains(parts[1]) ? 2 : most
            }
        case "customerValue" where last == "purchasesPerYear":
            return 2
        case "clvModel" where last == "expectedPurchases":
            return 2
        case "support" where ["ahtSeconds", "medianSeconds"].contains(last):
            return 1
        case "satisfaction" where ["value", "previous", "topTwo"].contains(last):
            return 1
        case "satisfaction" where parts.count >= 2 && parts[parts.count - 2] == "interval":
            return 1
        case "satisfaction" where last == "mean":
            return 2
        default:
            return most
        }
    }

    /// The significant digits a number literal writes: `0.2426` 4, `15.44` 4, `1200` 2, `1e-05` 1.
    static func significantDigits(_ literal: String) -> Int {
        let mantissa = literal.lowercased().split(separator: "e", maxSplits: 1)[0]
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return digits.reversed().drop { $0 == "0" }.count
    }

    /// Whether the field at `path` is a fitted model parameter, kept to 4 significant digits
    /// rather than to a number of decimals.
    static func isModelParameter(_ path: String) -> Bool {
        let parts = parts(path)
        return parts.count == 4 && parts[0] == "clvModel" && parts[1] == "fit" && ["bgnbd", "gammaGamma"].contains(parts[2])
    }

    /// Every number with more decimals than its field keeps, as `path: literal has n decimals`
    /// (model parameters: more than 4 significant digits).
    static func violations(_ document: JSONValue) -> [String] {
        let units = kpiUnits(document)
        var out: [String] = []
        document.walk { path, value in
            guard case .number(_, let literal) = value else { return }
            if isModelParameter(path) {
                let n = significantDigits(literal)
                if n > 4 { out.append("\(path): \(literal) has \(n) significant digits, at most 4 expected") }
                return
            }
            let n = decimals(literal), limit = allowed(path, kpiUnits: units)
            if n > limit { out.append("\(path): \(literal) has \(n) decimals, at most \(limit) expected") }
        }
        return out
    }
}
