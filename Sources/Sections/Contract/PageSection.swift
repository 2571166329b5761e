import ReportModel
import Sections

/// One section of the report page: its stable id (the anchor links reach it by, and the name of
/// its partial, `sections/<id>`), the catalogue key of its heading, which part of the page it
/// belongs to and which report data it needs to be there at all. A section that lives in a
/// folder of its own (`ReportSection`) brings its fold, part, view, partial and words with it;
/// the others are drawn by the render stage from report data of their own.
package struct PageSection: Sendable {
    /// The parts of the page, in page order: each answers one of a reader's questions (how did we
    /// do and what changed, where do people drop off, which channels matter, are customers coming
    /// back, are they satisfied); the appendix holds the rest, folded.
    package enum Group: String, CaseIterable, Sendable {
        case headline, journey, channels, customers, satisfaction, appendix
    }

    /// Which report data a section needs to be on the page.
    package enum Needs: Equatable, Sendable { case always, questions, cohorts, lifecycle, clvModel, satisfactionJoined, part(String) }

    package var id: String
    package var heading: String
    package var group: Group
    package var needs: Needs = .always
    /// The section type, for a section in a folder of its own.
    package var section: (any ReportSection.Type)? = nil

    /// The template of the section's body.
    package var partial: String { "sections/\(id)" }

    package init(_ id: String, _ heading: String, _ group: Group, needs: Needs = .always) {
        self.id = id; self.heading = heading; self.group = group; self.needs = needs
    }

    /// A section in a folder of its own, on the page where its part is in the report.
    package init(_ section: any ReportSection.Type, _ group: Group) {
        self.init(section.id, section.heading, group, needs: .part(section.partKey))
        self.section = section
    }

    /// The partial, words and schema of a section in a folder of its own.
    package var resources: SectionResources? { section?.resources }

    package func isPresent(in data: ReportData) -> Bool {
        switch needs {
        case .always: true
        case .questions: data.questions != nil
        case .cohorts: !(data.cohorts?.rows.isEmpty ?? true)
        case .lifecycle: data.lifecycle != nil
        case .clvModel: data.clvModel != nil
        case .satisfactionJoined: data.satisfaction.joined != nil
        case .part(let key): data.parts.byKey[key] != nil
        }
    }
}

