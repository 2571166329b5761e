import JourneysCore
import Testing

@Suite struct SipHashTests {
    /// The reference vectors of the SipHash paper (key 00..0f, messages 00, 00 01, ...).
    @Test func matchesReferenceVectors() {
        let key = SipHash(k0: 0x0706_0504_0302_0100, k1: 0x0f0e_0d0c_0b0a_0908)
        #expect(key.hash([]) == 0x726f_db47_dd0e_0e31)
        #expect(key.hash(Array(0..<15)) == 0xa129_ca61_49be_45e5)
        #expect(key.hash(Array(0..<8)) == 0x93f5_f579_9a93_2462)
    }

    /// A secret's key is two SipHash-2-4 values of the secret under fixed keys; the expected
    /// pseudonyms come from an independent SipHash-2-4 written in Python from the paper.
    @Test func aSecretGivesItsOwnKnownPseudonyms() {
        let ip = Array("203.0.113.9".utf8)
        #expect(SipHash(secret: "a").hash(ip) == 0xc6b2_9fab_abc8_1d1b)
        #expect(SipHash(secret: "b").hash(ip) == 0xa5ee_372f_e8a1_c2c2)
    }

    @Test func pseudonymPrintsTwelveHexDigitsAndNoInput() {
        let p = Pseudonym(raw: SipHash(secret: "k").hash(Array("198.51.100.7".utf8)))
        #expect(p.description.count == 12)
        #expect(!p.description.contains("198"))
    }
}
