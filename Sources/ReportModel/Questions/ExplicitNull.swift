/// An optional that report.json always writes: `null` when missing, never a left-out key, so
/// that every object of schema 1 has the same keys whatever the data (and its JSON Schema can
/// require them). Synthesized `Codable` encodes a wrapped property with `encode`, not
/// `encodeIfPresent`; the decoding overload below reads a missing key as nil.
@propertyWrapper
package struct ExplicitNull<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    package var wrappedValue: Value?
    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    package func decode<V>(_ type: ExplicitNull<V>.Type, forKey key: Key) throws -> ExplicitNull<V> {
        try decodeIfPresent(type, forKey: key) ?? ExplicitNull(wrappedValue: nil)
    }
}

/// A 95% interval `[low, high]` of a figure, in the figure's unit.
package typealias Interval = [Double]
