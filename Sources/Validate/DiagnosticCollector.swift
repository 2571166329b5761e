internal import CLibXML2

/// Gathers libxml2's structured diagnostics, since a C callback cannot capture Swift state.
final class DiagnosticCollector {
    let file: String
    private(set) var issues: [ValidationIssue] = []
    /// True once libxml2 reported anything at error or fatal level.
    private(set) var sawError = false

    init(file: String) {
        self.file = file
    }

    func record(_ error: xmlError) {
        let text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        // Some messages continue on a second line (`Bytes: 0xE9 ...`); keep issues one line long.
        let message = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
        if error.level.rawValue >= XML_ERR_ERROR.rawValue {
            sawError = true
        }
        issues.append(ValidationIssue(
            file: file,
            line: max(0, Int(error.line)),
            column: max(0, Int(error.int2)),
            message: message.isEmpty ? "unknown libxml2 error" : message
        ))
    }

    /// Installs this collector as libxml2's error sink for the duration of `body` and silences the generic
    /// (stderr) handler; both are restored afterwards. Must be called under `LibXML2Lock`.
    func capturing<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, collectStructuredError)
        xmlSetGenericErrorFunc(nil, silentGenericErrorHandler)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            xmlSetGenericErrorFunc(nil, nil)
        }
        return withExtendedLifetime(self) { body() }
    }
}

/// The structured error callback: forwards to the collector passed as context.
private var collectStructuredError: xmlStructuredErrorFunc {
    { context, error in
        guard let context, let error else { return }
        Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }
}

/// A generic error handler that prints nothing. libxml2 declares it variadic (`ctx, msg, ...`), which
/// Swift imports as an opaque pointer; a callee that reads only the two fixed arguments is ABI-compatible.
private var silentGenericErrorHandler: OpaquePointer {
    let handler: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
    return unsafeBitCast(handler, to: OpaquePointer.self)
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
