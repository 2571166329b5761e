import Foundation
import History

/// What a run finds of an earlier run on the same output folder that did not finish: its staging
/// folder, with or without a journal, and the hidden files older versions staged inside the
/// output folder (`.staging-*`, `.index-*.html`, `.retired-*`). Called while the output folder's
/// lock is held, so no other run is writing them: each is stale.
///
/// A staging folder with a journal (`PublishJournal`) was killed among the renames of publishing.
/// If the history has committed since the journal was written (its change counter moved and no
/// rollback journal waits), the publish is finished: the old versions are dropped. Otherwise the
/// renames are undone, so the output folder matches the history again.
enum PublishRecovery {
    /// The folder the staging folders of `output` lie in: beside it, or inside it when it is a
    /// mount point of its own (a rename cannot cross file systems) or its parent folder cannot
    /// be written (its lock file was made there for it).
    static func stagingParent(of output: String) -> String {
        let resolved = OutputLock.resolved(output)
        var parent = (resolved as NSString).deletingLastPathComponent
        if parent.isEmpty { parent = "/" }
        var a = stat(), b = stat()
        guard stat(resolved, &a) == 0, stat(parent, &b) == 0, a.st_dev == b.st_dev, access(parent, W_OK) == 0 else { return resolved }
        return parent
    }

    /// The name of a staging folder of `output` without the process id.
    static func stagingPrefix(of output: String) -> String {
        let resolved = OutputLock.resolved(output)
        guard stagingParent(of: output) != resolved else { return ".journeys-publish-" }
        let name = (resolved as NSString).lastPathComponent
        return "." + (name.isEmpty || name == "/" ? "output" : name) + ".publish-"
    }

    /// Finishes or undoes what stale runs left; `store` is this run's history. Throws when a
    /// half-publish cannot be undone (the output folder is then left alone, and so is its journal).
    static func recover(output: String, store: HistoryStore?) throws {
        let fm = FileManager.default
        let parent = stagingParent(of: output), prefix = stagingPrefix(of: output)
        for name in ((try? fm.contentsOfDirectory(atPath: parent)) ?? []).sorted() where name.hasPrefix(prefix) {
            let folder = (parent as NSString).appendingPathComponent(name)
            let journalPath = (folder as NSString).appendingPathComponent(PublishJournal.fileName)
            if let bytes = fm.contents(atPath: journalPath), let journal = try? JSONDecoder().decode(PublishJournal.self, from: bytes),
               !committed(journal, store: store) {
                var problem: String?
                for r in journal.replacements.reversed() {
                    if let p = PublishTransaction.undo(r) { problem = problem ?? p }
                }
                if let problem {
                    throw PublishError(path: output, reason: "a run that stopped while publishing \(journal.period) left \(folder); undoing it failed: \(problem)")
                }
            }
            try? fm.removeItem(atPath: folder)
        }
        // hidden leftovers of older versions, which staged inside the output folder
        for name in (try? fm.contentsOfDirectory(atPath: output)) ?? []
        where name.hasPrefix(".staging-") || name.hasPrefix(".retired-") || (name.hasPrefix(".index-") && name.hasSuffix(".html")) {
            try? fm.removeItem(atPath: (output as NSString).appendingPathComponent(name))
        }
    }

    /// Whether the history of `journal` committed after it was written.
    static func committed(_ journal: PublishJournal, store: HistoryStore?) -> Bool {
        guard let before = journal.historyCounter else { return false }
        let state: HistoryStore.CommitState?
        if let store, OutputLock.resolved(store.path) == OutputLock.resolved(journal.history) {
            state = store.stateAtOpen
        } else {
            state = HistoryStore.commitState(ofFile: journal.history)
        }
        guard let state else { return false }
        return !state.pendingRollback && state.changeCounter != before
    }
}
