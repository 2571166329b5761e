/// Masks IP addresses and e-mail addresses in text that leaves extract (the data-quality
/// samples), so that no raw personal identifier reaches any output.
package enum Redactor {
    package static func redact(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        // Tokens are runs of characters that can make up an address; everything else passes through.
        var token = ""
        func flush() {
            out += classify(token)
            token = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == ":" || ch == "@" || ch == "-" || ch == "_" || ch == "+" || ch == "%") {
                token.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    private static func classify(_ token: String) -> String {
        guard !token.isEmpty else { return token }
        if let at = token.firstIndex(of: "@"), at != token.startIndex,
           token[token.index(after: at)...].contains(".") {
            return "[e-mail]"
        }
        if isIPv4(token) { return "[ip]" }
        // IPv6: compressed (`::`) or all eight groups; a log timestamp's `2026:10:05:03` is neither.
        if (token.contains("::") || token.filter({ $0 == ":" }).count == 7)
            && token.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
            return "[ip]"
        }
        return token
    }

    private static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && Int(p)! <= 255 }
    }
}
