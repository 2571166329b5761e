import JourneysCore
import Testing
@testable import Extract

/// Campaigns, click ids, orders, surveys and customer ids from the request's query string.
@Suite struct QueryTests {
    func event(_ target: String, options: ExtractOptions = ExtractOptions()) throws -> (Event, ExtractResult) {
        let r = try extract(lines: [combined(request: "GET \(target) HTTP/1.1")], options: options)
        return (try #require(r.events.first), r.result)
    }

    @Test func utmParameters() throws {
        let (e, c) = try event("/?utm_source=newsletter&utm_medium=email&utm_campaign=black%20friday+sale")
        #expect(c.symbols[e.campaign?.source ?? .none] == "newsletter")
        #expect(c.symbols[e.campaign?.medium ?? .none] == "email")
        #expect(c.symbols[e.campaign?.name ?? .none] == "black friday sale")
        #expect(e.campaign?.clickID == nil)
    }

    @Test func clickIDs() throws {
        #expect(try event("/p/x?gclid=abc").0.campaign?.clickID == .gclid)
        #expect(try event("/p/x?a=1;fbclid=abc").0.campaign?.clickID == .fbclid)
        #expect(try event("/p/x?msclkid=1&ttclid=2").0.campaign?.clickID == .msclkid)
        #expect(try event("/p/x?gclid=").0.campaign == nil)
        #expect(try event("/p/x#utm_source=fragment").0.campaign == nil)
    }

    /// Each ad click has a click id value of its own: two clicks differ by it, one click reloaded
    /// does not; the kind of click id and the channel's fields stay the same.
    @Test func clickIDValuesTellAdClicksApart() throws {
        let first = try #require(try event("/p/x?gclid=AAA").0.campaign)
        let again = try #require(try event("/p/y?gclid=AAA&x=1").0.campaign)
        let second = try #require(try event("/p/x?gclid=BBB").0.campaign)
        #expect(first == again)
        #expect(first != second && first.clickValue != second.clickValue)
        #expect(first.channelKey == second.channelKey)
        // the same value under another click id is another click
        #expect(try event("/p/x?msclkid=AAA").0.campaign?.clickValue != first.clickValue)
        #expect(first.nameAndKeyword == 0, "a click id alone is no campaign for Matomo")
    }

    /// utm_term and utm_content make another campaign; Matomo's name (utm_campaign, else
    /// utm_source, else utm_medium) and keyword (utm_term) are compared lower-cased.
    @Test func termContentAndMatomosNameAndKeyword() throws {
        func campaign(_ q: String) throws -> Campaign { try #require(try event("/?" + q).0.campaign) }
        let base = try campaign("utm_source=g&utm_campaign=Sale&utm_term=shoes")
        #expect(try campaign("utm_source=g&utm_campaign=Sale&utm_term=boots") != base)
        #expect(try campaign("utm_source=g&utm_campaign=Sale&utm_term=boots").nameAndKeyword != base.nameAndKeyword)
        #expect(try campaign("utm_source=g&utm_campaign=Sale&utm_term=shoes&utm_content=a") != base)
        #expect(try campaign("utm_source=g&utm_campaign=Sale&utm_term=shoes&utm_content=a").nameAndKeyword == base.nameAndKeyword)
        #expect(try campaign("utm_source=other&utm_campaign=SALE&utm_term=Shoes").nameAndKeyword == base.nameAndKeyword)
        #expect(try campaign("utm_source=Sale&utm_term=shoes").nameAndKeyword == base.nameAndKeyword,
                "without utm_campaign Matomo names the campaign by utm_source")
        #expect(try campaign("utm_term=shoes").nameAndKeyword == 0, "a keyword alone is no campaign for Matomo")
        #expect(try campaign("utm_term=shoes").termAndContent != 0)
    }

    @Test func customerIdFromTheQueryIsDecodedFirst() throws {
        var options = ExtractOptions()
        options.customerFromRemoteUser = false
        options.customerQueryParameter = "cid"
        let encoded = try event("/account?cid=a%40b.example", options: options).0.customer
        let plain = try event("/account?cid=a@b.example", options: options).0.customer
        #expect(!encoded.isNone && encoded == plain)
    }

    /// The history's import names a shop's customer ids with `Pseudonym.customer` and the key of
    /// the pipeline: the logs' customers must come out the same, or imported orders join nobody.
    @Test func customerIdsAreNamedAsTheHistoryImportNamesThem() throws {
        var options = ExtractOptions()
        options.pseudonymKey = SipHash(secret: "join-key")
        let fromUser = try extract(lines: [combined(user: "cust-17")], options: options).events.first?.customer
        #expect(fromUser == Pseudonym.customer("cust-17", key: SipHash(secret: "join-key")))
        #expect(fromUser != Pseudonym.customer("cust-17", key: SipHash(secret: "another-key")))
        options.customerFromRemoteUser = false
        options.customerQueryParameter = "cid"
        let fromQuery = try event("/account?cid=a%40b.example", options: options).0.customer
        #expect(fromQuery == Pseudonym.customer("a@b.example", key: SipHash(secret: "join-key")))
    }

    @Test func orderAndValue() throws {
        let (e, c) = try event("/checkout/confirmation?order=A-77&value=129.90")
        #expect(e.order.map { c.symbols[$0.id] } == "A-77")
        #expect(e.order?.valueCents == 12_990)
        // an order id without a value is an order of value 0 (as JSON and CSV sources book it)
        #expect(try event("/checkout/confirmation?order=A-77").0.order?.valueCents == 0)
        #expect(try event("/checkout/confirmation?value=5").0.order == nil)
        var options = ExtractOptions()
        options.orderIDParameter = "oid"
        options.orderValueParameter = "total"
        #expect(try event("/thanks?oid=9&total=5", options: options).0.order?.valueCents == 500)
    }

    @Test func surveyAnswers() throws {
        #expect(try event("/survey?type=nps&score=9").0.survey == SurveyAnswer(kind: .nps, score: 9))
        #expect(try event("/survey?type=CSAT&score=5").0.survey == SurveyAnswer(kind: .csat, score: 5))
        #expect(try event("/survey?type=csat&score=9").0.survey == nil)  // outside 1...5
        #expect(try event("/survey?type=ces&score=x").0.survey == nil)
    }

    @Test func customerFromQueryParameter() throws {
        var options = ExtractOptions()
        options.customerFromRemoteUser = false
        options.customerQueryParameter = "cid"
        let (e, _) = try event("/account?cid=C-5", options: options)
        #expect(e.customer == ExtractContext(options: options).customerIdentity("C-5"))
    }

    @Test func amounts() {
        func cents(_ s: String) -> Int64? {
            if case .cents(let c) = Array(s.utf8).withUnsafeBytes({ QueryString.money($0) }) { return c }
            return nil
        }
        #expect(cents("89.9") == 8990)
        #expect(cents("12") == 1200)
        #expect(cents("1,5") == 150)
        #expect(cents("0.015") == 2)  // half away from zero
        #expect(cents("abc") == nil)
        #expect(cents("1.2.3") == nil)
        // percent-encoded and `+` for a space, as a query writes them
        #expect(cents("1%2C234.56") == 123_456)
        #expect(cents("12.50+EUR") == 1250)
        #expect(cents("%E2%82%AC12%2C50") == 1250)
        #expect(cents("+3") == 300)  // a query's `+` is a space
        #expect(cents("%2B3") == 300)
        #expect(cents("-3") == nil)
    }
}
