import Foundation

/// A KPI snapshot's values as the JSON object the history stores: keys sorted, so the same
/// values are always the same text. A value that is not finite has no JSON form and is left out,
/// as a KPI without a value is.
enum KPIJSON {
    static func encode(_ kpis: [String: Double]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(kpis.filter { $0.value.isFinite }), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: Double]? {
        try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8))
    }
}
