/// Decides whether a URL written in a produced file stays inside the output folder, so a report loads nothing else.
struct LinkPolicy {
    let documentDirectory: LexicalPath
    let root: LexicalPath

    init(documentDirectory: String, root: String) {
        self.documentDirectory = LexicalPath(documentDirectory)
        self.root = LexicalPath(root)
    }

    /// nil when `value` stays inside the output folder, otherwise why it does not (a clause for a sentence).
    func problem(with value: String) -> String? {
        // Browsers drop surrounding whitespace and control characters and ignore tabs and newlines inside
        // URLs (`java\tscript:`), so drop them all before looking.
        let url = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        if url.isEmpty || url.hasPrefix("#") { return nil }
        if let scheme = Self.scheme(of: url) {
            return "it has the URL scheme \"\(scheme):\""
        }
        let isSeparator: (Character) -> Bool = { $0 == "/" || $0 == "\\" }
        if let first = url.first, isSeparator(first) {
            if url.count > 1, isSeparator(url[url.index(after: url.startIndex)]) {
                return "it is protocol-relative (starts with \"//\")"
            }
            return "it is an absolute path"
        }
        let pathEnd = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
        let rawPath = String(url[..<pathEnd])
        let path = Self.percentDecoded(rawPath)
        if !documentDirectory.appending(path).isInside(root) {
            return "resolved from the document's folder it climbs out of the output folder"
        }
        return nil
    }

    /// The scheme of `url` if it starts with `[A-Za-z][A-Za-z0-9+.-]*:`.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.unicodeScalars.first, first.isASCIILetter else { return nil }
        let valid = candidate.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0) }
        return valid ? String(candidate) : nil
    }

    /// `text` with `%XX` escapes decoded (so `%2e%2e` counts as `..`); invalid escapes and UTF-8 are kept/repaired.
    static func percentDecoded(_ text: String) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The URLs of a `srcset` value: each comma-separated candidate's first token.
    static func srcsetURLs(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
                .first.map(String.init)
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}
