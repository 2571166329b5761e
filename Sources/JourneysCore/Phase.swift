/// The five phases of a customer journey; the columns of the journey map.
package enum Phase: String, CaseOrdered, Sendable, Codable {
    case awareness, consideration, purchase, retention, advocacy

    /// The label shown in the report for `locale` ("en" or "de").
    package func label(locale: String) -> String {
        switch (self, locale) {
        case (.awareness, "de"): "Bewusstsein"
        case (.consideration, "de"): "Überlegung"
        case (.purchase, "de"): "Kauf"
        case (.retention, "de"): "Bindung"
        case (.advocacy, "de"): "Weiterempfehlung"
        case (.awareness, _): "Awareness"
        case (.consideration, _): "Consideration"
        case (.purchase, _): "Purchase"
        case (.retention, _): "Retention"
        case (.advocacy, _): "Advocacy"
        }
    }
}
