import Foundation
import Sections
import Testing

/// A touchpoint sequence behaves as its list of steps, whether it is held inline (short, small
/// steps) or in an array: the same equality, hash, order and coded form.
@Suite struct TouchpointSequenceTests {
    /// Short and long sequences, steps left out (-1), the edges of 16 bits and beyond them.
    static let lists: [[Int]] = [
        [], [0], [-1], [3, 1], [1, 3], [2, 0, -1, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 8],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [32767], [-32768], [32768], [-32769], [40_000, 1], [1, 40_000],
        [0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0],
    ]

    @Test func stepsComeBackAsGiven() {
        for list in Self.lists { #expect(TouchpointSequence(list).steps == list) }
    }

    @Test func equalityHashAndOrderAreTheLists() {
        for a in Self.lists {
            for b in Self.lists {
                let x = TouchpointSequence(a), y = TouchpointSequence(b)
                #expect((x == y) == (a == b), "\(a) \(b)")
                #expect((x < y) == a.lexicographicallyPrecedes(b), "\(a) \(b)")
                if a == b { #expect(x.hashValue == y.hashValue) }
            }
        }
        #expect(Set(Self.lists.map(TouchpointSequence.init)).count == Self.lists.count)
    }

    @Test func codedAsTheListOfSteps() throws {
        struct Plain: Codable { var steps: [Int] }
        for list in Self.lists {
            let coded = try JSONEncoder().encode(TouchpointSequence(list))
            #expect(coded == (try JSONEncoder().encode(Plain(steps: list))))
            #expect(try JSONDecoder().decode(TouchpointSequence.self, from: coded) == TouchpointSequence(list))
        }
    }
}
