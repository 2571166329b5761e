import ByteCoding

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
        // Decoded, so that `%2e%2e` counts as `..`.
        let path = PercentDecoding.decode(rawPath, plusAsSpace: false)
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
