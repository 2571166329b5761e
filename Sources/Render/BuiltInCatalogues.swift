/// The catalogues compiled into journeys, by locale: a page renders in every one of these
/// languages with no file beside the binary. They are `report-templates/strings/<locale>.json`
/// to the byte, embedded by the build (`embedInCode` in Package.swift).
enum BuiltInCatalogues {
    static let texts: [String: String] = [
        "en": String(decoding: PackageResources.en_json, as: UTF8.self),
        "de": String(decoding: PackageResources.de_json, as: UTF8.self),
    ]
}
