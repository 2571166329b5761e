import JourneysCore
import DemoShop
import Foundation

/// A temporary directory for one test, removed afterwards.
///
/// Exists so tests never write into the repository and can run in parallel.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("demoshop-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// One Combined Log Format line, parsed independently of the generator's own code.
///
/// Exists so the tests check the files against the format itself, not against the writer.
struct ParsedLine {
    var host: String
    var user: String
    var day: Int, month: Int, year: Int, hour: Int, minute: Int, second: Int
    /// "+0100"
    var offset: String
    var method: String?
    var target: String?
    var status: Int
    var bytes: Int?
    var referrer: String
    var agent: String

    /// Seconds since 1970 UTC.
    var epoch: Int {
        let local = CivilDate(year: year, month: month, day: day).dayNumber * 86400 + hour * 3600 + minute * 60 + second
        let sign = offset.hasPrefix("-") ? -1 : 1
        let digits = Array(offset.utf8.dropFirst()).map { Int($0) - 48 }
        return local - sign * ((digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60)
    }

    var localDate: String {
        CivilDate(year: year, month: month, day: day).description
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `%h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-agent}i"`; nil if the line is not one.
    init?(_ bytes: ArraySlice<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var s = Substring(text)
        func word() -> Substring? {
            guard let space = s.firstIndex(of: " ") else { return nil }
            let w = s[s.startIndex..<space]
            s = s[s.index(after: space)...]
            return w.isEmpty ? nil : w
        }
        func quoted() -> Substring? {
            guard s.first == "\"" else { return nil }
            s = s.dropFirst()
            guard let end = s.firstIndex(of: "\"") else { return nil }
            let q = s[s.startIndex..<end]
            s = s[s.index(after: end)...]
            return q
        }
        guard let host = word(), let ident = word(), ident == "-", let user = word() else { return nil }
        // [dd/Mon/yyyy:HH:mm:ss +zzzz]
        guard s.first == "[", let close = s.firstIndex(of: "]") else { return nil }
        let stamp = Array(s[s.index(after: s.startIndex)..<close].utf8)
        s = s[s.index(after: close)...]
        guard stamp.count == 26, stamp[2] == UInt8(ascii: "/"), stamp[6] == UInt8(ascii: "/"),
              stamp[11] == UInt8(ascii: ":"), stamp[14] == UInt8(ascii: ":"), stamp[17] == UInt8(ascii: ":"),
              stamp[20] == UInt8(ascii: " "), stamp[21] == UInt8(ascii: "+") || stamp[21] == UInt8(ascii: "-")
        else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for b in stamp[r] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b) - 48
            }
            return n
        }
        guard let day = number(0..<2), let year = number(7..<11), let hour = number(12..<14),
              let minute = number(15..<17), let second = number(18..<20), number(22..<26) != nil,
              let month = Self.months.firstIndex(of: String(decoding: stamp[3..<6], as: UTF8.self)),
              day >= 1, day <= 31, hour < 24, minute < 60, second < 60 else { return nil }
        guard s.first == " " else { return nil }
        s = s.dropFirst()
        guard let request = quoted() else { return nil }
        var method: String?, target: String?
        if request != "-" {
            let parts = request.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, ["GET", "POST", "HEAD"].contains(parts[0]), parts[1].hasPrefix("/"),
                  parts[2] == "HTTP/1.1" || parts[2] == "HTTP/2.0" else { return nil }
            method = String(parts[0])
            target = String(parts[1])
        }
        guard s.first == " " else { return nil }
        s = s.dropFirst()
        guard let statusText = word(), statusText.count == 3, let status = Int(statusText),
              let bytesText = word() else { return nil }
        let bytes = bytesText == "-" ? nil : Int(bytesText)
        guard bytesText == "-" || bytes != nil else { return nil }
        guard let referrer = quoted(), s.first == " " else { return nil }
        s = s.dropFirst()
        guard let agent = quoted(), s.isEmpty else { return nil }
        self.host = String(host)
        self.user = String(user)
        self.day = day
        self.month = month + 1
        self.year = year
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offset = String(decoding: stamp[21..<26], as: UTF8.self)
        self.method = method
        self.target = target
        self.status = status
        self.bytes = bytes
        self.referrer = String(referrer)
        self.agent = String(agent)
        guard CivilDate.isValid(year: year, month: month + 1, day: day) else { return nil }
    }

    /// Robots by the words in their agents (the test's own list, not the generator's).
    var isBot: Bool {
        let a = agent.lowercased()
        return ["bot", "crawl", "spider", "curl/", "python-requests", "headlesschrome"].contains { a.contains($0) }
    }

    var isAsset: Bool {
        guard let target else { return false }
        return ["/static/", "/img/", "/fonts/", "/favicon.ico"].contains { target.hasPrefix($0) }
    }
}

/// The lines of a written log file (decompressed when gzip), without their newlines.
func logLines(_ path: String) throws -> [ArraySlice<UInt8>] {
    let bytes = try GzipFile.readAll(path: path)
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
}

/// Small options for fast tests.
func smallOptions(weeks: Int = 1, dailyVisits: Int = 50, seed: UInt64 = 47) -> SampleOptions {
    var o = SampleOptions()
    o.weeks = weeks
    o.dailyVisits = dailyVisits
    o.seed = seed
    return o
}
