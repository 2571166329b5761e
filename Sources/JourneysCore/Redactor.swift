import ByteCoding

/// Masks IP addresses and e-mail addresses in text that leaves the pipeline (data-quality
/// samples, unmatched paths), so that no raw personal identifier reaches any output.
package enum Redactor {
    /// Masks whole-text addresses; with `limit`, cuts the result to that many characters
    /// afterwards, so that a cut can never leave half an address unmasked.
    package static func redact(_ text: String, limit: Int? = nil, wasCut: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        // Tokens are runs of characters that can make up an address; everything else passes through.
        var token = ""
        func flush(last: Bool) {
            // The last token of text that was already cut may be part of an address: drop it.
            if last && wasCut && !token.isEmpty { out += "…"; token = ""; return }
            out += classify(token)
            token = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == ":" || ch == "@" || ch == "-" || ch == "_" || ch == "+" || ch == "%") {
                token.append(ch)
            } else {
                flush(last: false)
                out.append(ch)
            }
        }
        flush(last: true)
        guard let limit, out.count > limit else { return out }
        return String(out.prefix(limit)) + "…"
    }

    private static func classify(_ raw: String) -> String {
        guard !raw.isEmpty else { return raw }
        // Addresses hide behind percent-encoding (`jane%40example.com`) too.
        let token = raw.contains("%") ? PercentDecoding.decode(raw, plusAsSpace: false) : raw
        if let at = token.firstIndex(of: "@"), at != token.startIndex,
           token[token.index(after: at)...].contains(".") {
            return "[e-mail]"
        }
        if isIPv4(token) || isIPv4(withPort: token) { return "[ip]" }
        // IPv6: compressed (`::`) or all eight groups; a log timestamp's `2026:10:05:03` is neither.
        if (token.contains("::") || token.filter({ $0 == ":" }).count == 7)
            && token.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
            return "[ip]"
        }
        return raw
    }

    private static func isIPv4(_ s: Substring) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && Int(p)! <= 255 }
    }

    private static func isIPv4(_ s: String) -> Bool { isIPv4(Substring(s)) }

    /// `203.0.113.9:8080`
    private static func isIPv4(withPort s: String) -> Bool {
        guard let colon = s.lastIndex(of: ":"), s[s.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
        return isIPv4(s[..<colon])
    }
}
