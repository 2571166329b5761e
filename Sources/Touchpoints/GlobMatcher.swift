/// A glob of the touchpoint rules matched on a path's bytes, with the meaning of the regular
/// expression `TouchpointRule.regex(fromGlob:)` writes for it: the whole path, `*` any text within
/// a segment, `**` any text (or whole segments, as a segment of its own), `?` one character other
/// than `/`. Matching bytes is many times cheaper than the regular expression, which every distinct
/// path of a shop's log (tens of thousands of product URLs) would otherwise go through once per rule.
///
/// It answers only for paths of printable ASCII (no control characters, nothing above 0x7E),
/// where bytes are characters and no character ends a line, and only within a step budget (a
/// glob of several stars against a long path may need many tries); otherwise it answers `nil`
/// and the caller asks the regular expression, so the answer is always the regular expression's.
struct GlobMatcher: Sendable {
    enum Piece: Equatable, Sendable {
        case literal([UInt8])
        /// `*`: any text without `/`.
        case star
        /// `?`: one character other than `/`.
        case one
        /// `**` inside a segment, or alone as the whole glob: any text.
        case anything
        /// A `**` segment before others: zero or more whole segments, each with its `/`.
        case folders
        /// A trailing `/**`: nothing, or `/` and any text (the folder itself or anything below).
        case folderOrBelow
    }

    let pieces: [Piece]
    /// Tries allowed per path before the matcher gives the path to the regular expression.
    static let budget = 4096

    init(glob: String) {
        var segments: [Substring] = []
        for segment in glob.split(separator: "/", omittingEmptySubsequences: false)
            where !(segment == "**" && segments.last == "**") {
            segments.append(segment)
        }
        var pieces: [Piece] = []
        func literal(_ bytes: [UInt8]) {
            if case .literal(let before) = pieces.last {
                pieces[pieces.count - 1] = .literal(before + bytes)
            } else {
                pieces.append(.literal(bytes))
            }
        }
        for (k, segment) in segments.enumerated() {
            let isLast = k == segments.count - 1
            let afterAnySegments = k > 0 && segments[k - 1] == "**"
            if segment == "**" && isLast {
                pieces.append(k == 0 ? .anything : .folderOrBelow)
                continue
            }
            if k > 0 && !afterAnySegments { literal([0x2F]) }
            if segment == "**" {
                pieces.append(.folders)
                continue
            }
            let chars = Array(segment.utf8)
            var i = 0
            while i < chars.count {
                if chars[i] == 0x2A && i + 1 < chars.count && chars[i + 1] == 0x2A {
                    pieces.append(.anything)
                    i += 2
                    continue
                }
                switch chars[i] {
                case 0x2A: pieces.append(.star)
                case 0x3F: pieces.append(.one)
                default: literal([chars[i]])
                }
                i += 1
            }
        }
        self.pieces = pieces
    }

    /// Whether the whole path matches; `nil` when this matcher cannot tell (see the type's note).
    func matches(_ path: UnsafeRawBufferPointer) -> Bool? {
        for b in path where b < 0x20 || b > 0x7E { return nil }
        var steps = Self.budget
        let found = match(0, 0, path, &steps)
        return steps < 0 ? nil : found
    }

    private func match(_ p: Int, _ i: Int, _ s: UnsafeRawBufferPointer, _ steps: inout Int) -> Bool {
        steps -= 1
        if steps < 0 { return false }
        let n = s.count
        guard p < pieces.count else { return i == n }
        switch pieces[p] {
        case .literal(let bytes):
            guard n - i >= bytes.count else { return false }
            for (k, b) in bytes.enumerated() where s[i + k] != b { return false }
            return match(p + 1, i + bytes.count, s, &steps)
        case .one:
            return i < n && s[i] != 0x2F && match(p + 1, i + 1, s, &steps)
        case .star:
            var end = i
            while end < n && s[end] != 0x2F { end += 1 }
            for k in stride(from: end, through: i, by: -1) where match(p + 1, k, s, &steps) { return true }
            return false
        case .anything:
            for k in stride(from: n, through: i, by: -1) where match(p + 1, k, s, &steps) { return true }
            return false
        case .folders:
            // here, or just after any `/` from here on
            if match(p + 1, i, s, &steps) { return true }
            var k = i
            while k < n {
                if s[k] == 0x2F && match(p + 1, k + 1, s, &steps) { return true }
                if steps < 0 { return false }
                k += 1
            }
            return false
        case .folderOrBelow:
            if match(p + 1, i, s, &steps) { return true }
            guard i < n && s[i] == 0x2F else { return false }
            for k in stride(from: n, through: i + 1, by: -1) where match(p + 1, k, s, &steps) { return true }
            return false
        }
    }
}
