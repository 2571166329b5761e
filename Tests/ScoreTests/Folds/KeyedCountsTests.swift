import Foundation
import Testing
import Sections

/// The rows every table of score counts in: people once per person, rows of a key added up in a
/// merge, and the same coded form as a dictionary of rows (the partial files keep it).
@Suite struct KeyedCountsTests {
    @Test func peopleCountOncePerPersonAndTouchCountsNoVisit() {
        var t = KeyedCounts<Int>()
        t.nextPerson()
        t.add(7); t.add(7); t.touch(7) { $0.carts += 1 }
        t.add(8) { $0.purchases += 1 }
        t.nextPerson()
        t.touch(7) { $0.carts += 1 }
        t.nextPerson()
        t.add(8)
        #expect(t[7]?.n == 2)
        #expect(t[7]?.people == 2)
        #expect(t[7]?.carts == 2)
        #expect(t[8]?.n == 2)
        #expect(t[8]?.people == 2)
        #expect(t[8]?.purchases == 1)
        #expect(t[9] == nil)
        #expect(t.count == 2)
    }

    @Test func mergedTablesAddUpRowByRowAndCountTheNextPersonAgain() {
        var a = KeyedCounts<TouchpointSequence>(), b = KeyedCounts<TouchpointSequence>()
        let x = TouchpointSequence([1, 2]), y = TouchpointSequence([3])
        a.nextPerson(); a.add(x); a.add(y)
        b.nextPerson(); b.add(x) { $0.cents = 5 }
        b.nextPerson(); b.add(x)
        a.merge(b)
        #expect(a[x]?.n == 3)
        #expect(a[x]?.people == 3)
        #expect(a[x]?.cents == 5)
        #expect(a[y]?.people == 1)
        // a person added after the merge is new to every row, also to the rows merged in
        a.nextPerson(); a.add(x)
        #expect(a[x]?.people == 4)
        #expect(a.rows == [x: a[x]!, y: a[y]!])
    }

    @Test func anAbsorbedTableIsEmptiedAndItsRowsAddUpEitherWay() {
        func table(_ keys: [Int], people: Int) -> KeyedCounts<Int> {
            var t = KeyedCounts<Int>()
            for _ in 0..<people {
                t.nextPerson()
                for k in keys { t.add(k) { $0.orders += k } }
            }
            return t
        }
        let small = table([1, 2], people: 2), large = table([2, 3, 4, 5], people: 1)
        var merged = small
        merged.merge(large)
        var intoSmall = small, largeCopy = large
        intoSmall.absorb(&largeCopy)
        var intoLarge = large, smallCopy = small
        intoLarge.absorb(&smallCopy)
        #expect(intoSmall.rows == merged.rows)
        #expect(intoLarge.rows == merged.rows)
        #expect(merged[2]?.n == 3 && merged[2]?.people == 3 && merged[2]?.orders == 6)
        #expect(largeCopy.count == 0 && smallCopy.count == 0)
        // the tables absorbed from were copies: the originals keep their rows
        #expect(small.count == 2 && large.count == 4)
    }

    @Test func topRowsAreLargestFirstTiesByKeyAndRowsOfFewPeopleWithheld() {
        var t = KeyedCounts<Int>()
        for person in 0..<4 {
            t.nextPerson()
            t.add(5); t.add(3)
            if person < 2 { t.add(9); t.add(9); t.add(9) }
            if person == 0 { t.add(1) }
        }
        let (rows, withheld) = t.top(2, k: 2)
        #expect(rows.map(\.key) == [9, 3])
        #expect(rows.map(\.counts.n) == [6, 4])
        #expect(withheld == 1)
    }

    @Test func candidatesHoldEveryRowThatMayBeAmongTheTopWhateverBreaksTies() {
        var t = KeyedCounts<Int>()
        for key in 0..<50 {
            for _ in 0..<(key % 7 + 1) { t.nextPerson(); t.add(key) }
        }
        let (rows, withheld) = t.candidates(5, k: 2)
        // the 5th largest count is 7, which seven rows have: all of them may be shown
        #expect(Set(rows.map(\.key)) == [6, 13, 20, 27, 34, 41, 48])
        #expect(withheld == 8)
        let tiesByLargestKey = t.rows.filter { $0.value.people >= 2 }.sorted { ($0.value.n, $0.key) > ($1.value.n, $1.key) }.prefix(5)
        #expect(tiesByLargestKey.allSatisfy { row in rows.contains { $0.key == row.key } })
        #expect(t.candidates(.max, k: 2).rows.count == 42)
        #expect(t.top(5, k: 2).rows.map(\.key) == [6, 13, 20, 27, 34])
    }

    @Test func codedAsTheDictionaryOfItsRows() throws {
        struct Rows: Encodable { var rows: [String: RowCounts] }
        var t = KeyedCounts<String>()
        t.nextPerson(); t.add("b"); t.add("a") { $0.orders = 2 }
        t.nextPerson(); t.add("b")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let coded = try encoder.encode(t)
        #expect(coded == (try encoder.encode(Rows(rows: t.rows))))
        let back = try JSONDecoder().decode(KeyedCounts<String>.self, from: coded)
        #expect(back.rows == t.rows)
    }
}
