/// An enum whose cases are ordered as they are declared: channels, phases, funnel steps, line
/// outcomes, visit outcomes and attribution models are listed and sorted in the report in that
/// order, so each conformer only has to declare its cases in the right order.
package protocol CaseOrdered: CaseIterable, Comparable {}

extension CaseOrdered {
    /// The case's position in the declaration, from 0.
    package var order: Int {
        // An enum without payloads and with up to 256 cases is stored as one byte holding exactly
        // this position (Swift numbers such cases in declaration order), so no search of
        // `allCases` per comparison. Any other layout looks the case up.
        guard MemoryLayout<Self>.size == 1 else { return Array(Self.allCases).firstIndex(of: self)! }
        let tag = Int(unsafeBitCast(self, to: UInt8.self))
        assert(Array(Self.allCases)[tag] == self, "\(Self.self) is stored in one byte but not as its case's position")
        return tag
    }

    package static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}
