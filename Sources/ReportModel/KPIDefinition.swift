/// What a key figure is, apart from its value in a period: the id that names it in report.json,
/// its label, unit, which direction is better, and how it is computed, in words.
package struct KPIDefinition: Sendable, Equatable {
    package var id: String
    package var label: String
    package var unit: KPI.Unit
    package var better: KPI.Better
    /// How it is computed (report.json `definition`); a `{name}` in it stands for a value of the
    /// period, filled in by `formula(_:)`.
    package var formula: String

    package init(_ id: String, _ label: String, _ unit: KPI.Unit, _ better: KPI.Better, _ formula: String) {
        self.id = id; self.label = label; self.unit = unit; self.better = better; self.formula = formula
    }

    /// The formula with each `{name}` replaced by its value.
    package func formula(_ values: [String: String]) -> String {
        values.keys.sorted().reduce(formula) { text, name in text.replacing("{\(name)}", with: values[name]!) }
    }
}
