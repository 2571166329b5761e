/// The catalogues compiled into journeys, by locale: a page renders in every one of these
/// languages with no file beside the binary.
enum BuiltInCatalogues {
    static let texts: [String: String] = ["en": en, "de": de]
}
