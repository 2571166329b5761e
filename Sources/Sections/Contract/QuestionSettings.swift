import Foundation

/// The config behind the CX sections of score (docs/definitions.md names each key).
package struct QuestionSettings: Sendable {
    /// `surveys.ces_scale`: points of the CES question; the top answer is "very easy".
    package var cesPoints = 5
    /// `surveys.min_answers`: fewer answers mark a score as a small sample.
    package var minAnswers = 30
    /// `site_search.touchpoint`: the touchpoint whose page views carry search terms.
    package var searchTouchpoint = "Search"
    /// `carts.recovery_days`.
    package var recoveryDays = 7
    /// `privacy.min_people`: rows about fewer people are withheld.
    package var minPeople = 5
    /// The shop's time zone, for local days, weekdays and hours.
    package var timeZone = TimeZone(identifier: "UTC")!
    /// `sections.<key>`: the settings of the sections in folders of their own.
    package var sections = SectionSettingsTable()
    package init() {}
}
