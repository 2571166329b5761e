/// How a visit arrived; decided from utm parameters, click ids, then the referrer.
package enum Channel: String, CaseOrdered, Sendable, Codable {
    case organicSearch = "organic_search"
    case paidSearch = "paid_search"
    case paidSocial = "paid_social"
    case organicSocial = "organic_social"
    case email
    case referral
    case direct

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
