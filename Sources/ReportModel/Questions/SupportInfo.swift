/// Support contacts and their handling time, by kind, channel and journey phase.
package struct SupportInfo: Codable, Equatable, Sendable {
    package struct Row: Codable, Equatable, Sendable {
        package var id: String
        package var label: String
        package var contacts: Int
        /// Contacts with a handling time (an end event or a logged duration).
        package var timed: Int
        package var people: Int
        /// Total handling time / timed contacts, in seconds.
        @ExplicitNull package var ahtSeconds: Double?
        package init(id: String, label: String, contacts: Int, timed: Int, people: Int, ahtSeconds: Double?) {
            self.id = id; self.label = label; self.contacts = contacts; self.timed = timed; self.people = people; self.ahtSeconds = ahtSeconds
        }
    }
    package var contacts: Int
    package var timed: Int
    /// Contacts whose end the logs do not show.
    package var unended: Int
    @ExplicitNull package var ahtSeconds: Double?
    @ExplicitNull package var medianSeconds: Double?
    /// Contacts / orders of the period.
    @ExplicitNull package var contactsPerOrder: Double?
    package var byKind: [Row]
    package var byChannel: [Row]
    package var byPhase: [Row]
    package init(contacts: Int, timed: Int, unended: Int, ahtSeconds: Double?, medianSeconds: Double?, contactsPerOrder: Double?,
                 byKind: [Row], byChannel: [Row], byPhase: [Row]) {
        self.contacts = contacts; self.timed = timed; self.unended = unended; self.ahtSeconds = ahtSeconds
        self.medianSeconds = medianSeconds; self.contactsPerOrder = contactsPerOrder
        self.byKind = byKind; self.byChannel = byChannel; self.byPhase = byPhase
    }
}
