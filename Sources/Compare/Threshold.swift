/// One entry of `journeys diff --fail-on`: the run fails when this KPI changed in this direction by
/// at least this much, and by more than noise. The option is a comma-separated list such as
/// `conversion_rate:-10%,nps:-5,cart_abandonment:+5pp`.
package struct Threshold: Sendable, Equatable, CustomStringConvertible {
    /// `+` fails on a rise, `-` on a fall.
    package enum Direction: Sendable, Equatable { case rise, fall }

    /// What the amount measures.
    package enum Unit: Sendable, Equatable {
        /// `%`: relative to the base value, (new - base) / |base|.
        case percent
        /// `pp`: percentage points of a rate stored as a fraction (0.05 is 5 pp); rates only.
        case percentagePoints
        /// No unit: the KPI's own (NPS points, euros, seconds).
        case absolute
    }

    /// The KPI's key in report.json (`conversion_rate`).
    package var kpi: String
    package var direction: Direction
    /// The size of the change, as written and never negative: 10 for `-10%`.
    package var amount: Double
    package var unit: Unit

    package init(kpi: String, direction: Direction, amount: Double, unit: Unit) {
        self.kpi = kpi
        self.direction = direction
        self.amount = amount
        self.unit = unit
    }

    /// The entry in its written form, `conversion_rate:-10%`.
    package var description: String {
        let number = amount == amount.rounded() && amount < 1e15 ? String(Int(amount)) : String(amount)
        let suffix = switch unit { case .percent: "%"; case .percentagePoints: "pp"; case .absolute: "" }
        return "\(kpi):\(direction == .rise ? "+" : "-")\(number)\(suffix)"
    }

    /// The entries of a `--fail-on` list, in order. Whitespace around entries (and around the
    /// colon) is allowed; a list of nothing but whitespace is empty. The first malformed entry
    /// throws, an empty one (`a:-1%,,b:+2`) included.
    package static func list(parsing text: String) throws(ThresholdError) -> [Threshold] {
        guard !trimmed(Substring(text)).isEmpty else { return [] }
        var out: [Threshold] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            out.append(try Threshold(parsing: String(entry)))
        }
        return out
    }

    /// One entry, `id:change`: the change is a sign (`+` rise, `-` fall), a number (`10`, `2.5`)
    /// and a unit (`%`, `pp` or none).
    package init(parsing entry: String) throws(ThresholdError) {
        let text = Self.trimmed(Substring(entry))
        func fail(_ reason: String) -> ThresholdError { ThresholdError(entry: String(text), reason: reason) }
        guard let colon = text.firstIndex(of: ":") else { throw fail("expected id:change, such as conversion_rate:-10%") }
        let id = Self.trimmed(text[..<colon]), change = Self.trimmed(text[text.index(after: colon)...])
        guard !id.isEmpty else { throw fail("expected a KPI id, such as conversion_rate, before ':'") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw fail("expected a KPI id of letters, digits and _ before ':', not '\(id)'")
        }
        guard let sign = change.first else { throw fail("expected a change after ':', such as -10%, +5pp or -5") }
        guard sign == "+" || sign == "-" else { throw fail("expected a sign, + or -, before the change") }
        let rest = change.dropFirst()
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }), let amount = Double(digits),
              amount.isFinite else {
            throw fail("expected a number after the sign, such as 10 or 2.5")
        }
        let unit: Unit
        switch rest[digits.endIndex...] {
        case "%": unit = .percent
        case "pp": unit = .percentagePoints
        case "": unit = .absolute
        case let other:
            throw fail("expected % (relative), pp (percentage points) or nothing (the KPI's own unit) after the number, not '\(other)'")
        }
        self.init(kpi: String(id), direction: sign == "+" ? .rise : .fall, amount: amount, unit: unit)
    }

    /// The first entry the report cannot check, as a one-line message (the caller exits with 2): a
    /// KPI not in `known`, or `pp` on a KPI not in `rates`. Nil when every entry can be checked.
    package static func firstError(in thresholds: [Threshold], known: Set<String>, rates: Set<String>) -> ThresholdError? {
        for t in thresholds {
            if !known.contains(t.kpi) {
                return ThresholdError(entry: t.description,
                                      reason: "no KPI '\(t.kpi)'; the KPIs are \(known.sorted().joined(separator: ", "))")
            }
            if t.unit == .percentagePoints, !rates.contains(t.kpi) {
                return notARate(t)
            }
        }
        return nil
    }

    /// Whether the change from `base` to `new` crosses this threshold in its direction: for a fall
    /// of 10%, (new - base) / |base| <= -0.10; for a rise of 5 pp, new - base >= 0.05; for a fall
    /// of 5, new - base <= -5. Reaching the amount is enough (-10% exactly crosses a fall of 10%;
    /// a change within a billionth of the amount counts as reaching it, so that binary noise
    /// cannot decide). Only a change larger than noise can cross: `isLargerThanNoise` false gives
    /// false whatever the size. A relative change from a base of 0 has no size and never crosses;
    /// neither does a value that is not finite. Throws for `pp` on a KPI that is not a rate.
    package func isCrossed(base: Double, new: Double, isRate: Bool, isLargerThanNoise: Bool) throws(ThresholdError) -> Bool {
        if unit == .percentagePoints, !isRate { throw Self.notARate(self) }
        guard isLargerThanNoise, base.isFinite, new.isFinite else { return false }
        let change: Double
        switch unit {
        case .percent:
            guard base != 0 else { return false }
            change = (new - base) / abs(base) * 100
        case .percentagePoints:
            change = (new - base) * 100
        case .absolute:
            change = new - base
        }
        let size = direction == .rise ? change : -change
        return size >= amount - 1e-9 * max(1, amount)
    }

    private static func notARate(_ t: Threshold) -> ThresholdError {
        var relative = t, own = t
        relative.unit = .percent
        own.unit = .absolute
        return ThresholdError(entry: t.description, reason: "pp (percentage points) is only for rates, and \(t.kpi) is not one: "
                              + "write \(relative) for a relative change or \(own) in its own unit")
    }

    private static func trimmed(_ s: Substring) -> Substring {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
              let last = s.lastIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        return s[first...last]
    }
}
