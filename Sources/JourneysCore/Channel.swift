/// How a visit arrived; decided from utm parameters, click ids, then the referrer.
package enum Channel: String, CaseIterable, Sendable, Codable, Comparable {
    case organicSearch = "organic_search"
    case paidSearch = "paid_search"
    case paidSocial = "paid_social"
    case organicSocial = "organic_social"
    case email
    case referral
    case direct

    package static func < (a: Channel, b: Channel) -> Bool { a.order < b.order }

    package var order: Int { Channel.allCases.firstIndex(of: self)! }

    package var label: String {
        switch self {
        case .organicSearch: "Organic search"
        case .paidSearch: "Paid search"
        case .paidSocial: "Paid social / display"
        case .organicSocial: "Organic social"
        case .email: "E-mail / newsletter"
        case .referral: "Referral / affiliate"
        case .direct: "Direct"
        }
    }
}
