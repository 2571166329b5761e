/// The five phases of a customer journey; the columns of the journey map.
package enum Phase: String, CaseOrdered, Sendable, Codable {
    case awareness, consideration, purchase, retention, advocacy

    /// The English name report.json gives the phase beside its id; the page shows the
    /// catalogue's `phase.<id>`.
    package var name: String {
        switch self {
        case .awareness: "Awareness"
        case .consideration: "Consideration"
        case .purchase: "Purchase"
        case .retention: "Retention"
        case .advocacy: "Advocacy"
        }
    }
}
