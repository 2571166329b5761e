import JourneysCore
import Touchpoints

/// The touchpoint rules and channel rules of the config, ready to map visits.
enum TouchpointsStage {
    static func mapper(_ config: PipelineConfig) throws -> TouchpointMapper {
        var channels = ChannelRules()
        channels.searchEngines += config.extraSearchEngines
        channels.socialNetworks += config.extraSocialNetworks
        channels.ownHosts = config.shopHosts
        return try TouchpointMapper(rules: config.touchpointRules, unmatchedPhase: config.unmatchedPhase,
                                    channels: channels, support: config.supportContacts)
    }
}
