/// The links of a report page to what is published beside it: the comparison with the period
/// before (`diff.html`), and the neighbouring periods' reports, named only when they exist.
struct PageLinks: Sendable {
    var hasDiff = false
    var previous: String? = nil
    var next: String? = nil
}
