/// A section's settings: its own mapping in the pipeline config, under `sections.<configKey>`,
/// read when the config is loaded (a misspelt key or a wrong value stops the run with the file and
/// line) and handed to its fold through `FoldContext.settings.sections`. `init()` holds the
/// defaults, so a config without the mapping runs with them.
package protocol SectionSettings: Decodable, Sendable {
    init()
    /// Every key the mapping may hold, as written in the config.
    static var keys: [String] { get }
}

/// The settings of a section that has none.
package struct NoSettings: SectionSettings {
    package init() {}
    package static var keys: [String] { [] }
}

/// The settings of the run's sections by section, each section's defaults where the config
/// names none.
package struct SectionSettingsTable: Sendable {
    private var byID: [String: any SectionSettings] = [:]

    package init() {}

    package subscript<Section: ReportSection>(_ section: Section.Type) -> Section.Settings {
        get { byID[Section.id] as? Section.Settings ?? Section.Settings() }
        set { byID[Section.id] = newValue }
    }

    /// Sets the settings the config gives the section of `id`.
    package mutating func set(_ settings: any SectionSettings, for id: String) { byID[id] = settings }
}
