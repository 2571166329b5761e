import Foundation

/// Stage progress on stderr for people at a terminal: stage, amount done of the total, rate and
/// time left. Silent when stderr is not a terminal or with --quiet, so logs and CI stay clean.
final class Progress {
    let enabled: Bool
    private var label = ""
    private var started = Date()
    private var lastDraw = Date.distantPast

    init(quiet: Bool) {
        enabled = !quiet && isatty(2) == 1
    }

    func begin(_ label: String) {
        self.label = label
        started = Date()
        lastDraw = .distantPast
        draw("")
    }

    /// Reports `done` of `total` units (`unit` is "B" for bytes or a noun such as "visits").
    func update(done: Int, total: Int, unit: String) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 && total > done ? Double(total - done) / rate : 0
        draw("\(amount(done, unit)) of \(amount(total, unit))  \(amount(Int(rate), unit))/s  \(Int(left.rounded()))s left")
    }

    func end() {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label)  done in \(String(format: "%.2f", elapsed))s\n".utf8))
    }

    private func draw(_ detail: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label)  \(detail)".utf8))
    }

    private func amount(_ n: Int, _ unit: String) -> String {
        if unit == "B" {
            let mb = Double(n) / 1_048_576
            return mb >= 1 ? String(format: "%.1f MB", mb) : String(format: "%.0f KB", Double(n) / 1024)
        }
        return "\(n) \(unit)"
    }
}
