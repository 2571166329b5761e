import Compare
import JourneysCore
import ReportModel
import Sections

/// The journey map section: the map, what it leaves out, the loops (each against the period's
/// conversion, said once in the note rather than on every row) and the pages visits end on.
/// `changes`: the boxes and links that changed beyond noise against the previous period, marked.
enum JourneyMapView {
    static func make(_ data: ReportData, labels: PageLabels, mapLinks: Int, changes: MapChanges? = nil) -> [String: Any] {
        let style = labels.style
        // the map, and its links as a list for phones
        let flows = JourneyMapFlows.html(data.journeyMap, labels: labels, maxLinks: mapLinks)
        let map = JourneyMapChart.svg(data.journeyMap, locale: data.period.locale, style: style, words: labels, maxLinks: mapLinks,
                                     changes: changes, previous: data.period.previous)
        var view: [String: Any] = [
            "journeyMapSVG": flows.isEmpty ? map : wideForm(map) + flows,
            "hasJourneyMap": !data.journeyMap.nodes.isEmpty,
        ]
        let drawn = JourneyMapChart.kept(data.journeyMap, limit: mapLinks)
        if drawn.leftOut > 0 {
            view["mapLeftOut"] = labels.text("journeyMap.leftOut", ["links": style.integer(drawn.leftOut),
                                                                   "transitions": style.integer(drawn.leftOutTransitions)])
        }
        view["exitPages"] = data.journeyMap.nodes
            .filter { $0.views >= 20 }
            .sorted { $0.exitRate != $1.exitRate ? $0.exitRate > $1.exitRate : $0.touchpoint < $1.touchpoint }
            .prefix(8)
            .map { ["touchpoint": labels.touchpoint($0.touchpoint), "phase": labels.phase((Phase(rawValue: $0.phase) ?? .consideration).rawValue),
                    "views": style.integer($0.views), "exits": style.integer($0.exits), "exitRate": style.percent($0.exitRate)] as [String: Any] }
        view["loops"] = data.loops.map {
            ["from": labels.touchpoint($0.from), "via": labels.touchpoint($0.via), "visits": style.integer($0.visits),
             "purchases": style.integer($0.purchases), "rate": style.percent($0.conversionRate)] as [String: Any]
        }
        view["hasLoops"] = !data.loops.isEmpty
        return view
    }
}
