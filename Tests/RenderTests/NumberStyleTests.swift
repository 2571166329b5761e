import Render
import Testing
import Sections

@Suite struct NumberStyleTests {
    @Test func englishAndGermanGroupingAndDecimals() {
        let en = NumberStyle(locale: "en", currency: "EUR"), de = NumberStyle(locale: "de", currency: "EUR")
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(de.integer(1_234_567) == "1.234.567")
        #expect(en.integer(-1000) == "-1,000")
        #expect(en.decimal(0.125, places: 2) == "0.13")
        #expect(de.decimal(1234.5, places: 1) == "1.234,5")
        #expect(en.percent(0.4504) == "45.0%")
        #expect(de.percent(0.4504) == "45,0\u{A0}%")
        #expect(en.money(24529.2) == "€24,529.20")
        #expect(de.money(24529.2) == "24.529,20\u{A0}€")
        #expect(en.duration(seconds: 162) == "2m\u{A0}42s")
        #expect(de.duration(seconds: 162) == "2\u{A0}Min.\u{A0}42\u{A0}Sek.")
        #expect(de.duration(seconds: 42) == "42\u{A0}Sek.")
        #expect(en.value(1.5, unit: .days) == "1.5 d")
        #expect(de.value(1.5, unit: .days) == "1,5\u{A0}Tage")
        #expect(en.decimal(-0.001, places: 1) == "0.0")
    }

    /// Dates and period names in the text: German forms in German, the ISO forms in English.
    @Test func datesAndPeriodsInEachLanguage() {
        let en = NumberStyle(locale: "en", currency: "EUR"), de = NumberStyle(locale: "de", currency: "EUR")
        #expect(de.date("2026-11-23") == "23.11.2026")
        #expect(en.date("2026-11-23") == "2026-11-23")
        #expect(de.period("2026-W47") == "KW 47/2026")
        #expect(de.period("2027-W01") == "KW 1/2027")
        #expect(en.period("2026-W47") == "2026-W47")
        #expect(de.period("2026-11") == "November 2026")
        #expect(en.period("2026-11") == "2026-11")
        #expect(de.period("2026-11-02..2026-11-15") == "02.11.2026–15.11.2026")
        #expect(en.period("2026-11-02..2026-11-15") == "2026-11-02..2026-11-15")
        // what is not a date or a period stays as written
        #expect(de.date("yesterday") == "yesterday")
        #expect(de.period("2026-W99") == "2026-W99")
    }

    @Test func markupEscapesAndDropsWhatXMLCannotCarry() {
        #expect(Markup.text("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        #expect(Markup.text("a\u{00}b\u{7F}c\u{85}d\te") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te")
        #expect(Markup.clean("ok ✓") == "ok ✓")
    }

    /// The largest sums a report can hold (64-bit cents) and numbers beyond them print without trapping.
    @Test func hugeNumbersPrintWithoutTrapping() {
        let en = NumberStyle(locale: "en", currency: "EUR"), de = NumberStyle(locale: "de", currency: "EUR")
        #expect(en.money(Double(Int64.max) / 100) == "€92,233,720,368,547,758.08")
        #expect(de.money(90_000_000_000_001.25) == "90.000.000.000.001,25\u{A0}€")
        #expect(en.value(Double(Int64.max), unit: .count) == "9,223,372,036,854,775,808")
        #expect(en.value(1e300, unit: .money) == "€1e+300")
        #expect(en.value(-.infinity, unit: .count) == "-inf")
        #expect(en.percent(.nan) == "nan%")
    }
}
