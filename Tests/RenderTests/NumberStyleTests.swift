import Render
import Testing

@Suite struct NumberStyleTests {
    @Test func englishAndGermanGroupingAndDecimals() {
        let en = NumberStyle(locale: "en", currency: "EUR"), de = NumberStyle(locale: "de", currency: "EUR")
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(de.integer(1_234_567) == "1.234.567")
        #expect(en.integer(-1000) == "-1,000")
        #expect(en.decimal(0.125, places: 2) == "0.13")
        #expect(de.decimal(1234.5, places: 1) == "1.234,5")
        #expect(en.percent(0.4504) == "45.0%")
        #expect(de.percent(0.4504) == "45,0 %")
        #expect(en.money(24529.2) == "€24,529.20")
        #expect(de.money(24529.2) == "24.529,20 €")
        #expect(en.duration(seconds: 162) == "2m\u{A0}42s")
        #expect(en.decimal(-0.001, places: 1) == "0.0")
    }

    @Test func markupEscapesAndDropsWhatXMLCannotCarry() {
        #expect(Markup.text("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        #expect(Markup.text("a\u{00}b\u{7F}c\u{85}d\te") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te")
        #expect(Markup.clean("ok ✓") == "ok ✓")
    }
}
