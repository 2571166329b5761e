import Touchpoints

/// Gives every visit its channel and every page view its touchpoint.
enum TouchpointsStage {
    static func run(_ ctx: RunContext, _ progress: Progress) throws {
        var channels = ChannelRules()
        channels.searchEngines += ctx.config.extraSearchEngines
        channels.socialNetworks += ctx.config.extraSocialNetworks
        channels.ownHosts = ctx.config.shopHosts
        var mapper = try TouchpointMapper(rules: ctx.config.touchpointRules, unmatchedPhase: ctx.config.unmatchedPhase,
                                          channels: channels)
        let symbols = ctx.extract.symbols
        ctx.mapped = ctx.visits.enumerated().map { i, v in mapper.map(v, index: i, symbols: symbols) }
        ctx.mapper = mapper
    }
}
