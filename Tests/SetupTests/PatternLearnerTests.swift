import Testing
@testable import Setup

@Suite struct PatternLearnerTests {
    let learner = PatternLearner()

    func views(_ paths: [String]) -> [String: Int] { Dictionary(paths.map { ($0, 1) }, uniquingKeysWith: +) }

    @Test func manyIdsBecomeOneStar() {
        let paths = views((1...20).map { "/item/\($0)" } + ["/", "/basket"])
        let p = learner.learn(paths, prefixes: [])
        #expect(p["/item/7"]?.display == "/item/*")
        #expect(p["/item/7"] == p["/item/12"])
        #expect(p["/basket"]?.display == "/basket")
        #expect(p["/"]?.display == "/")
    }

    @Test func fewPlainWordsStayApart() {
        let p = learner.learn(views(["/pay/one", "/pay/two", "/pay/three"]), prefixes: [])
        #expect(p["/pay/one"]?.display == "/pay/one")
        #expect(p["/pay/two"]?.display == "/pay/two")
    }

    @Test func hyphenatedSectionsAtTheRootStay() {
        // three hyphenated sections are not items; a hundred hyphenated slugs are
        let sections = ["/my-account", "/order-history", "/shipping-info"]
        let slugs = (1...100).map { "/blue-shirt-\($0).html" }
        let p = learner.learn(views(sections + slugs), prefixes: [])
        #expect(p["/my-account"]?.display == "/my-account")
        #expect(p["/blue-shirt-5.html"]?.display == "/*")
    }

    @Test func foldersOfTheSameStructureFoldTogether() {
        let cats = ["summer-dresses", "denim", "sale", "wool-knit"]
        let paths = cats.flatMap { c in (1...10).map { "/\(c)/\($0)-item-\($0).html" } }
        let p = learner.learn(views(paths), prefixes: [])
        #expect(p["/denim/3-item-3.html"]?.display == "/*/*")
        #expect(p["/sale/3-item-3.html"] == p["/summer-dresses/4-item-4.html"])
    }

    @Test func trailingSlashIsKept() {
        let p = learner.learn(views((1...10).map { "/product/x-\($0)/" } + ["/cart/", "/cart"]), prefixes: [])
        #expect(p["/product/x-3/"]?.display == "/product/*/")
        #expect(p["/cart/"]?.display == "/cart/")
        #expect(p["/cart"]?.display == "/cart")
    }

    @Test func languagePrefixesAreFound() {
        let site = ["", "shop/a-1", "shop/b-2", "shop/c-3", "help"]
        let paths = views(site.map { "/de/\($0)" } + site.map { "/en-gb/\($0)" } + ["/en-gb/shop/d-4"])
        #expect(learner.prefixes(of: paths) == ["de", "en-gb"])
        let p = learner.learn(paths, prefixes: ["de", "en-gb"])
        #expect(p["/de/shop/a-1"] == p["/en-gb/shop/d-4"])
        #expect(p["/de/shop/a-1"]?.display == "/{lang}/shop/*")
        let rule = p["/de/shop/a-1"]!.rulePattern(prefixes: ["de", "en-gb"])
        #expect(rule.key == "regex")
        #expect(rule.text == "^(?:/(?:de|en-gb))?/shop/[^/]+$")
    }

    @Test func twoLetterSectionsAreNoPrefix() {
        // "/go/..." alone: nothing of the site repeats below it
        let paths = views(["/go/x", "/go/y", "/cart", "/item/1", "/item/2", "/item/3"])
        #expect(learner.prefixes(of: paths).isEmpty)
    }
}

@Suite struct YAMLTextTests {
    @Test func quotedEscapesAndDropsControls() {
        #expect(YAMLText.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\cd\"")
    }

    @Test func commentsArePrintableASCII() {
        #expect(YAMLText.comment("/a b\n# c") == "/a%20b%0A#%20c")
        #expect(YAMLText.comment("/straße") == "/stra%C3%9Fe")
        #expect(YAMLText.comment(String(repeating: "x", count: 200)).count == 81)
    }
}
