import Mustache
import Sections

/// The catalogue as the templates see it: `{{t.kpis.title}}` looks up `kpis.title`, with its
/// placeholders filled from the page's values (the period, the lookback, ...). Mustache's
/// `{{ }}` escapes what comes back, so a catalogue text never reaches the page as markup.
struct TemplateStrings: MustacheParent {
    let catalogue: Catalogue
    let values: [String: String]
    var prefix = ""

    func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : prefix + "." + name
        if catalogue.entries[key] != nil { return catalogue.text(key, values) }
        if catalogue.prefixes.contains(key) { return TemplateStrings(catalogue: catalogue, values: values, prefix: key) }
        // A key the catalogue lacks shows as itself, so that a typo in a template is seen.
        return key
    }
}
