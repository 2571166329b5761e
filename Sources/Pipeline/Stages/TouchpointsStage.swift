import JourneysCore
import Touchpoints

/// Every visit with its channel and touchpoints, and how the touchpoint rules were used.
struct MappedSessions {
    var visits: [MappedVisit]
    var mapper: TouchpointMapper
}

/// Gives every visit its channel and every page view its touchpoint.
enum TouchpointsStage {
    static func run(_ sessions: Sessions, config: PipelineConfig) throws -> MappedSessions {
        var channels = ChannelRules()
        channels.searchEngines += config.extraSearchEngines
        channels.socialNetworks += config.extraSocialNetworks
        channels.ownHosts = config.shopHosts
        var mapper = try TouchpointMapper(rules: config.touchpointRules, unmatchedPhase: config.unmatchedPhase,
                                          channels: channels, support: config.supportContacts)
        let symbols = sessions.extract.symbols
        let mapped = sessions.visits.enumerated().map { i, v in mapper.map(v, index: i, symbols: symbols) }
        return MappedSessions(visits: mapped, mapper: mapper)
    }
}
