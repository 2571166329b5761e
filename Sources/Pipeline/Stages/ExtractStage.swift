import Extract
import Foundation
import JourneysCore

/// Finds the inputs, chooses the period and opens every file as a stream of events; the
/// events themselves are pulled by sessionize, so the log is never held in memory.
enum ExtractStage {
    static func run(_ ctx: RunContext, _ progress: Progress) throws {
        let config = ctx.config
        ctx.files = try InputFiles.resolve(config.inputs)
        ctx.totalBytes = InputFiles.totalBytes(ctx.files)
        var options = extractOptions(config)

        guard let span = try InputSpan.find(in: ctx.files, maxLineBytes: options.maxLineBytes, options: options) else {
            throw ExtractError(path: ctx.files.joined(separator: ", "), reason: "no line with a readable timestamp in the inputs")
        }
        if let asked = ctx.options.period {
            guard var p = Period(parsing: asked) else {
                throw ExtractError(path: "--period", reason: "'\(asked)' is not a period; expected an ISO week (2026-W47), a month (2026-11) or a range (2026-11-02..2026-11-15)")
            }
            p.isPartial = !PeriodChoice.covers(p, earliest: span.earliest, latest: span.latest, zone: ctx.zone)
            ctx.period = p
        } else {
            ctx.period = PeriodChoice.choose(earliest: span.earliest, latest: span.latest, zone: ctx.zone)
        }
        ctx.previousCovered = span.earliest <= ctx.previousRange.lowerBound + 3600

        // Read from one lookback window before the previous period (each conversion of either
        // period gets its full lookback) to the period's end plus the longest visit, which may
        // finish after it.
        options.keepFrom = min(ctx.periodRange.lowerBound, ctx.previousRange.lowerBound) - ctx.lookbackSeconds
        options.keepUntil = ctx.periodRange.upperBound + ctx.config.sessionRules.maxVisitLength
        ctx.extract = ExtractContext(options: options)
        ctx.events = MergedEvents(try ctx.files.map { try FileEvents(path: $0, context: ctx.extract) })
    }

    static func extractOptions(_ config: PipelineConfig) -> ExtractOptions {
        var o = ExtractOptions()
        o.botAgents = config.botAgents
        o.assetExtensions = Set(config.assetExtensions)
        o.keepRedirects = config.keepRedirects
        o.ownHosts = Set(config.shopHosts)
        switch config.customerID {
        case .none: o.customerFromRemoteUser = false
        case .remoteUser: o.customerFromRemoteUser = true
        case .queryParameter(let p):
            o.customerFromRemoteUser = false
            o.customerQueryParameter = p
        }
        o.orderIDParameter = config.orderIDParameter
        o.orderValueParameter = config.orderValueParameter
        o.surveyTypeParameter = config.surveyTypeParameter
        o.surveyScoreParameter = config.surveyScoreParameter
        o.pseudonymKey = SipHash(secret: config.pseudonymKey)
        o.format = config.logFormat
        o.sessionCookies = config.sessionCookies
        o.methods = Set(config.methods)
        o.jsonMapping = config.jsonMapping
        o.csvMapping = config.csvMapping
        o.deviceIsHostOnly = config.sessionRules.identity == .hostOnly
        return o
    }
}
