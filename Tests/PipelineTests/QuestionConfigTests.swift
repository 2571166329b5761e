import Pipeline
import Testing

/// The config keys of the CX sections: surveys, site search, support contacts, carts, privacy.
@Suite struct QuestionConfigTests {
    @Test func theShippedWeeklyConfigNamesItsSupportContactsAndSettings() throws {
        let config = try ConfigLoader.load(path: PipelineFixtures.weeklyConfig)
        #expect(config.supportContacts.map(\.name) == ["Chat", "Contact form", "Call-back"])
        #expect(config.cesPoints == 5 && config.minAnswers == 30)
        #expect(config.searchTouchpoint == "Search" && config.searchParameter == "q")
        #expect(config.cartRecoveryDays == 7 && config.minPeople == 5)
    }

    @Test func keysAreReadAndChecked() throws {
        let c = try ConfigLoader.parse("""
            surveys: { ces_scale: 7, min_answers: 50 }
            site_search: { touchpoint: Suche, parameter: query }
            support:
              contacts:
                - { name: Chat, start: "event:chat_started", end: "event:chat_ended" }
                - { name: Call-back, start_regex: "^/callback" }
            carts: { recovery_days: 3 }
            privacy: { min_people: 10 }
            """, file: "p.yaml")
        #expect(c.cesPoints == 7 && c.minAnswers == 50 && c.searchTouchpoint == "Suche" && c.searchParameter == "query")
        #expect(c.supportContacts.count == 2 && c.supportContacts[1].end == nil)
        #expect(c.cartRecoveryDays == 3 && c.minPeople == 10)
        #expect(c.extractOptions.cesPoints == 7 && c.extractOptions.searchParameter == "query")
    }

    @Test func badValuesNameFileLineAndWhatWasExpected() {
        #expect(throws: ConfigError(file: "p.yaml", line: 1, message: "surveys.ces_scale expects 5 or 7, found 10")) {
            try ConfigLoader.parse("surveys: { ces_scale: 10 }\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 3, message: "carts.recovery_days expects at most sessions.lookback_days (14), found 21")) {
            try ConfigLoader.parse("sessions: { lookback_days: 14 }\ncarts:\n  recovery_days: 21\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "a support contact needs name")) {
            try ConfigLoader.parse("support:\n  contacts: [ { start: /chat } ]\n", file: "p.yaml")
        }
        #expect(throws: ConfigError(file: "p.yaml", line: 2, message: "support contact 'Chat' needs start (a path glob) or start_regex")) {
            try ConfigLoader.parse("support:\n  contacts: [ { name: Chat, end: /chat/end } ]\n", file: "p.yaml")
        }
    }
}
