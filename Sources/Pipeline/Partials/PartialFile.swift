import Foundation
import JourneysCore

/// What one shard hands to the merge (`journeys partial` writes it, `journeys merge` reads it):
/// the accounting of every line the shard read, and the visits of its people, whole journeys
/// only (see `ShardKeys`). JSON, one object; `docs/partial-format.md` describes every field.
///
/// The format is versioned: a merge reads only partials of its own `version`, because a partial
/// of another version may lack what this one's score needs; it says so rather than guess.
package struct PartialFile: Codable, Equatable {
    package static let formatName = "journeys-partial"
    package static let currentVersion = 1

    package var format = PartialFile.formatName
    package var version = PartialFile.currentVersion
    /// A keyed hash of the pipeline config's bytes and the pseudonym key: partials merge only
    /// with partials made with the same config and key (the same pseudonyms, rules and window).
    package var config: String
    package var period: String
    package var shard: Int
    package var shards: Int
    /// The earliest and latest timestamp of the shard's lines; nil when none has one.
    package var earliest: Int64?
    package var latest: Int64?
    /// Events of the shard that fall in the period.
    package var inPeriod: Int
    package var lateEvents: Int
    package var cutVisits: Int
    package var afterPeriod: Int
    package var files: [FileRecord]
    package var samples: [SampleRecord]
    /// The strings the visits' symbols stand for: symbol n is `strings[n]` (0 is the empty string).
    package var strings: [String]
    package var visits: [VisitRecord]

    /// One input file's accounting (`FileAccount`).
    package struct FileRecord: Codable, Equatable {
        package var file: String
        package var read: Int
        package var parsed: Int
        package var outcomes: [String: Int]
        package var damage: String?
        package var resort: FileAccount.Resort?
    }

    /// A sample of a rejected line, with its reason.
    package struct SampleRecord: Codable, Equatable {
        package var reason: String
        package var sample: LineSample
    }

    /// One visit (`Visit`), symbols as indexes into `strings`, pseudonyms as hex.
    package struct VisitRecord: Codable, Equatable {
        package var device: String
        package var customer: String?
        package var start: Int64
        package var end: Int64
        package var pages: [UInt32]
        package var pageTimes: [Int32]
        package var deviceClass: DeviceClass
        package var referrerHost: UInt32?
        /// utm source, medium and name, and the click id's name.
        package var campaign: [UInt32]?
        package var clickID: String?
        /// Orders as [id symbol, value in cents, 1 when a line item].
        package var orders: [[Int64]]?
        /// Survey answers as kind, score and page.
        package var surveys: [SurveyRecord]?
        /// Search terms as [page, term symbol].
        package var searchTerms: [[Int64]]?
        /// Handling times as [page, seconds].
        package var handlingTimes: [[Int32]]?
        package var wasCut: Bool?
    }

    package struct SurveyRecord: Codable, Equatable {
        package var kind: SurveyAnswer.Kind
        package var score: Int
        package var page: Int32
    }
}

extension PartialFile {
    /// Reads a partial; refuses a file that is not one, or one of another version.
    package static func read(_ path: String) throws -> PartialFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialError(file: path, message: "cannot read the partial file")
        }
        return try decode(data, source: path)
    }

    package static func decode(_ data: Data, source: String) throws -> PartialFile {
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName, let version = header.version else {
            throw PartialError(file: source, message: "not a journeys partial file (expected a JSON object with \"format\": \"\(formatName)\")")
        }
        guard version == currentVersion else {
            throw PartialError(file: source, message: "partial file of format version \(version); this journeys merges version \(currentVersion) only: make the partials again with this journeys")
        }
        do {
            return try JSONDecoder().decode(PartialFile.self, from: data)
        } catch {
            throw PartialError(file: source, message: "damaged partial file: \(error)")
        }
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}

extension PartialFile.VisitRecord {
    init(_ v: Visit) {
        device = Self.hex(v.device.raw)
        customer = v.customer.isNone ? nil : Self.hex(v.customer.raw)
        start = v.start
        end = v.end
        pages = v.pages.map(\.raw)
        pageTimes = v.pageTimes
        deviceClass = v.deviceClass
        referrerHost = v.referrerHost.isNone ? nil : v.referrerHost.raw
        if let c = v.campaign {
            campaign = [c.source.raw, c.medium.raw, c.name.raw]
            clickID = c.clickID?.rawValue
        }
        orders = v.orders.isEmpty ? nil : v.orders.map { [Int64($0.id.raw), $0.valueCents, $0.isLineItem ? 1 : 0] }
        surveys = v.surveys.isEmpty ? nil : v.surveys.map { PartialFile.SurveyRecord(kind: $0.kind, score: $0.score, page: $0.page) }
        searchTerms = v.searchTerms.isEmpty ? nil : v.searchTerms.map { [Int64($0.page), Int64($0.value.raw)] }
        handlingTimes = v.handlingTimes.isEmpty ? nil : v.handlingTimes.map { [$0.page, $0.value] }
        wasCut = v.wasCut ? true : nil
    }

    /// The visit, its symbols mapped through `symbol` (this file's numbers to the merge's).
    func visit(_ symbol: (UInt32) throws -> Symbol, source: String) throws -> Visit {
        guard let d = UInt64(device, radix: 16), customer.map({ UInt64($0, radix: 16) != nil }) ?? true else {
            throw PartialError(file: source, message: "damaged partial file: a visit's device or customer is not hex")
        }
        var v = Visit(device: Pseudonym(raw: d), start: start)
        v.end = end
        if let customer, let c = UInt64(customer, radix: 16) { v.customer = Pseudonym(raw: c) }
        v.pages = try pages.map(symbol)
        v.pageTimes = pageTimes
        v.deviceClass = deviceClass
        v.referrerHost = try referrerHost.map(symbol) ?? .none
        if let campaign, campaign.count == 3 {
            v.campaign = Campaign(source: try symbol(campaign[0]), medium: try symbol(campaign[1]), name: try symbol(campaign[2]),
                                  clickID: clickID.flatMap(ClickID.init(rawValue:)))
        }
        v.orders = try (orders ?? []).map { o in
            guard o.count == 3, let id = UInt32(exactly: o[0]) else { throw PartialError(file: source, message: "damaged partial file: an order is not [id, cents, line item]") }
            return Order(id: try symbol(id), valueCents: o[1], isLineItem: o[2] == 1)
        }
        v.surveys = (surveys ?? []).map { SurveyAnswer(kind: $0.kind, score: $0.score, page: $0.page) }
        v.searchTerms = try (searchTerms ?? []).map { t in
            guard t.count == 2, let page = Int32(exactly: t[0]), let id = UInt32(exactly: t[1]) else {
                throw PartialError(file: source, message: "damaged partial file: a search term is not [page, term]")
            }
            return PageMark(page: page, value: try symbol(id))
        }
        v.handlingTimes = try (handlingTimes ?? []).map { h in
            guard h.count == 2 else { throw PartialError(file: source, message: "damaged partial file: a handling time is not [page, seconds]") }
            return PageMark(page: h[0], value: h[1])
        }
        v.wasCut = wasCut ?? false
        return v
    }

    private static func hex(_ x: UInt64) -> String {
        let h = String(x, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}
