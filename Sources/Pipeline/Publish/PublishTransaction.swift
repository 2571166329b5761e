import Foundation

/// The steps of publishing a report, in order. Everything up to `writeJournal` happens in the
/// staging folder and the history's open transaction: a failure there leaves the output folder
/// and the history as they were. From `retireReport` to `commitHistory` each step is undone when
/// a later one fails; a run killed among them leaves its journal, and the next run on the same
/// output finishes or undoes it (`PublishRecovery`).
package enum PublishStep: String, CaseIterable, Sendable {
    case stageReport = "stage report"
    case validateReport = "validate report"
    case stageIndex = "stage index"
    case validateIndex = "validate index"
    case writeHistory = "write history"
    case writeJournal = "write journal"
    case retireReport = "retire report"
    case moveReport = "move report"
    case replaceIndex = "replace index"
    case commitHistory = "commit history"
    case cleanUp = "clean up"
}

/// Called before each step of publishing (`RunOptions.publishHook`): a test fails a step by
/// throwing, or throws `PublishInterrupted` to leave everything as a killed process would.
package typealias PublishHook = @Sendable (PublishStep) throws -> Void

/// Thrown by a test's hook: the run stops at once, as `kill -9` would stop it, undoing nothing
/// and leaving its staging folder and journal for the next run.
package struct PublishInterrupted: Error, CustomStringConvertible {
    package init() {}
    package var description: String { "interrupted" }
}

/// One file or folder of the output replaced by its staged version: the old one is kept in the
/// staging folder (`backup`) until the history has committed, so the replacement can be undone.
struct Replacement: Codable, Equatable {
    /// The new version, in the staging folder.
    var staged: String
    /// Its place in the output folder.
    var target: String
    /// Where the old version waits (a folder is moved there, a file hard-linked).
    var backup: String
    var isFolder: Bool
    /// Whether the output held an old version when the journal was written.
    var hadTarget: Bool
}

/// What a publish will do, written before its first rename: the replacements, in order, and the
/// history's change counter before the run's transaction (a different counter means the history
/// committed).
struct PublishJournal: Codable {
    var period: String
    var history: String
    var historyCounter: UInt32?
    var replacements: [Replacement]

    static let fileName = "journal.json"
}

/// Publishing as one step: the staging folder mirrors the output folder (the period's folder,
/// `index.html`), so that pages validated there link as they will in place. It lies beside the
/// output folder (like its lock, `.<name>.lock`), never in it, so a run that dies leaves nothing
/// that could be published; only when the output folder is a mount point of its own (a rename
/// cannot cross file systems) or its parent cannot be written does it lie inside, hidden
/// (`.journeys-publish-<pid>`), and is removed by the next run if the run dies.
final class PublishTransaction {
    let output: String
    /// The staging folder: `<parent>/.<name>.publish-<pid>`.
    let root: String
    private let hook: PublishHook?
    private var done: [Replacement] = []
    /// Set when the staging folder must stay for the next run: the run was interrupted, or a
    /// half-publish could not be undone (its journal tells the next run what to undo).
    private var keep = false

    init(output: String, hook: PublishHook?) throws {
        self.output = output
        self.hook = hook
        root = (PublishRecovery.stagingParent(of: output) as NSString)
            .appendingPathComponent(PublishRecovery.stagingPrefix(of: output) + "\(getpid())")
        try? FileManager.default.removeItem(atPath: root)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: root, reason: "cannot create the staging folder: \(PublishError.reason(error))")
        }
    }

    /// Runs the hook of `step`.
    func step(_ step: PublishStep) throws {
        do { try hook?(step) } catch let error as PublishInterrupted {
            keep = true
            throw error
        }
    }

    /// The staged path of `relative` (a path inside the output folder).
    func staged(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// Removes the staging folder: after a failure before the renames, or after the commit.
    func discard() {
        if !keep { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Puts the staged `items` (paths relative to the output folder: the period's folder, the
    /// index, and any other page the run rewrites, such as a neighbouring period's page) in
    /// place, in order, then calls `commitHistory`; on any failure undoes what it did, so that
    /// the output folder and the history are both as before, and rethrows. After the history has
    /// committed nothing fails.
    func publish(_ items: [(relative: String, isFolder: Bool)], history: String, historyCounter: UInt32?,
                 commitHistory: () throws -> Void) throws {
        let fm = FileManager.default
        let plan = items.map { item in
            let target = (output as NSString).appendingPathComponent(item.relative)
            return Replacement(staged: staged(item.relative), target: target,
                               backup: staged(".old-" + item.relative.replacingOccurrences(of: "/", with: "-")),
                               isFolder: item.isFolder, hadTarget: fm.fileExists(atPath: target))
        }
        do {
            try step(.writeJournal)
            let journal = PublishJournal(period: items.first?.relative ?? "", history: history, historyCounter: historyCounter,
                                         replacements: plan)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try RenderStage.write(try encoder.encode(journal), to: staged(PublishJournal.fileName))
            for r in plan {
                // recorded first: undoing looks at what is on disk, whatever point it reached
                done.append(r)
                try step(r.isFolder ? .retireReport : .replaceIndex)
                if r.hadTarget { try Self.keep(r) }
                if r.isFolder { try step(.moveReport) }
                try PublishStage.move(r.staged, to: r.target)
            }
            try step(.commitHistory)
            try commitHistory()
        } catch let error as PublishInterrupted {
            throw error
        } catch {
            let undone = undo()
            if let undone {
                keep = true
                throw PublishError(path: output, reason: "\(PublishError.reason(error)); and undoing it failed (\(undone)): the next run on this output folder undoes it")
            }
            throw error
        }
        // committed: the output and the history are both the new ones
        do { try step(.cleanUp) } catch is PublishInterrupted { return } catch {}
        discard()
    }

    /// Keeps the old version of `r` in the staging folder: a folder moved there (a folder cannot
    /// be replaced by `rename`), a file hard-linked (and then replaced in one `rename`).
    static func keep(_ r: Replacement) throws {
        if r.isFolder {
            try PublishStage.move(r.target, to: r.backup)
        } else if link(r.target, r.backup) != 0 {
            throw PublishError(path: r.backup, reason: "cannot keep the published \(r.target): \(String(cString: strerror(errno)))")
        }
    }

    /// Undoes the replacements done, newest first; nil when all were undone, else why not.
    private func undo() -> String? {
        var problem: String?
        for r in done.reversed() {
            if let p = Self.undo(r) { problem = problem ?? p }
        }
        done = []
        return problem
    }

    /// Brings one replacement back to the old version, whatever point it reached; nil when done.
    static func undo(_ r: Replacement) -> String? {
        let fm = FileManager.default
        func exists(_ p: String) -> Bool { fm.fileExists(atPath: p) }
        func move(_ a: String, _ b: String) -> String? {
            rename(a, b) == 0 ? nil : "\(a) → \(b): \(String(cString: strerror(errno)))"
        }
        let moved = !exists(r.staged) && exists(r.target)
        if r.isFolder {
            if moved, let p = move(r.target, r.staged) { return p }
            if r.hadTarget, exists(r.backup), !exists(r.target) { return move(r.backup, r.target) }
            return nil
        }
        if r.hadTarget {
            // the old file is linked in the backup until the journal is gone
            if exists(r.backup) { return move(r.backup, r.target) }
            return nil
        }
        if moved, let p = move(r.target, r.staged) { return p }
        return nil
    }
}
