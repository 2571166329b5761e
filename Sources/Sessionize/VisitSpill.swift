import Foundation
import JourneysCore
#if canImport(Glibc)
import Glibc
#endif

/// The visits of a run, set down on disk as sessionize closes them, and handed back person by
/// person: memory holds the open visits, a small index (24 bytes a visit) and one bucket of
/// people at a time, not the visits of the whole read window.
///
/// Who a visit's person is depends on every visit (a device's later login joins its earlier
/// anonymous visits to the customer, see `JourneyBuilder`), so the people are known only when
/// the stream ends. Then one sequential pass puts each visit into the bucket of its person, and
/// each bucket, loaded alone, holds whole people.
package final class VisitSpill {
    private let folder: String
    private let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var written: Int64 = 0
    private var visits = 0
    /// Device and customer of each visit someone was logged in during: who owns which device.
    private var logins: [(Pseudonym, Pseudonym)] = []

    package init(temporaryDirectory: String?) throws {
        folder = try Self.temporaryFolder(in: temporaryDirectory, prefix: "journeys-visits")
        path = (folder as NSString).appendingPathComponent("visits")
        guard let f = fopen(path, "w+") else { throw SpillError(path: path, errno: errno) }
        file = f
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        fclose(file)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Visits set down so far.
    package var count: Int { visits }

    /// Sets down a closed visit.
    package func add(_ visit: Visit) throws {
        let at = buffer.count
        buffer.append(contentsOf: [0, 0, 0, 0])
        VisitCodec.append(visit, to: &buffer)
        let length = UInt32(buffer.count - at - 4).littleEndian
        withUnsafeBytes(of: length) { l in for k in 0..<4 { buffer[at + k] = l[k] } }
        visits += 1
        if !visit.customer.isNone { logins.append((visit.device, visit.customer)) }
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        guard fwrite(buffer, 1, buffer.count, file) == buffer.count else { throw SpillError(path: path, errno: errno) }
        written += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the stream and puts every visit in its person's bucket, at least `buckets` of them
    /// and more when the visits would not fit `bucketBytes` each. Each bucket holds whole people.
    package func people(buckets: Int, bucketBytes: Int = 1 << 20) throws -> [PeopleBucket] {
        try flush()
        guard fflush(file) == 0 else { throw SpillError(path: path, errno: errno) }
        let owners = JourneyBuilder.owners(logins)
        let n = max(1, buckets, Int((written + Int64(bucketBytes) - 1) / Int64(bucketBytes)))
        var outs: [UnsafeMutablePointer<FILE>] = []
        var paths: [String] = []
        defer { for f in outs { fclose(f) } }
        for b in 0..<n {
            let p = (folder as NSString).appendingPathComponent("people-\(b)")
            guard let f = fopen(p, "w") else { throw SpillError(path: p, errno: errno) }
            outs.append(f)
            paths.append(p)
        }
        var seq = 0
        try forEachRecord(path) { record in
            // a record begins with the visit's device and customer (`VisitCodec`)
            let device = Pseudonym(raw: UInt64(littleEndian: record.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
            let customer = Pseudonym(raw: UInt64(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            let person = JourneyBuilder.person(device: device, customer: customer, owners: owners)
            var mix = SplitMix64(seed: person.id.raw ^ (person.isCustomer ? 0x8000_0000_0000_0000 : 0))
            let f = outs[Int(mix.next() % UInt64(n))]
            var header = (UInt32(seq).littleEndian, UInt32(record.count).littleEndian)
            guard fwrite(&header, 8, 1, f) == 1, fwrite(record.baseAddress!, 1, record.count, f) == record.count else {
                throw SpillError(path: path, errno: errno)
            }
            seq += 1
        }
        for f in outs where fflush(f) != 0 { throw SpillError(path: path, errno: errno) }
        logins = []
        return paths.map { PeopleBucket(path: $0, owners: owners, spill: self) }
    }

    /// Calls `body` with each length-prefixed record of the file at `path`, in order.
    fileprivate func forEachRecord(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try forEachRecord(path, headerBytes: 4) { _, record in try body(record) }
    }

    /// Calls `body` with the header (`headerBytes`, the record's length in its last 4) and the
    /// body of each record of the file at `path`, in order.
    fileprivate func forEachRecord(_ path: String, headerBytes: Int,
                                   _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        guard let f = fopen(path, "r") else { throw SpillError(path: path, errno: errno) }
        defer { fclose(f) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var header = [UInt8](repeating: 0, count: headerBytes)
        while fread(&header, 1, headerBytes, f) == headerBytes {
            let length = header.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: headerBytes - 4, as: UInt32.self))) }
            if chunk.count < length { chunk = [UInt8](repeating: 0, count: length) }
            guard fread(&chunk, 1, length, f) == length else { throw SpillError(path: path, errno: EIO) }
            try header.withUnsafeBytes { h in
                try chunk.withUnsafeBytes { try body(h, UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
            }
        }
    }

    /// A new folder of this process's own inside `base` (the system's temporary folder when
    /// nil), for spill files; whoever makes it removes it. Its name carries the process id
    /// (`journeys-visits-<pid>-XXXXXX`), so that the folders of a run that was killed or crashed
    /// are removed by the next run: those of the same prefix, owned by this user, whose process
    /// is gone.
    package static func temporaryFolder(in base: String?, prefix: String) throws -> String {
        let base = base ?? NSTemporaryDirectory()
        removeStale(in: base, prefix: prefix)
        var template = Array((base as NSString).appendingPathComponent("\(prefix)-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw SpillError(path: base, errno: errno) }
        return String(cString: made)
    }

    /// Removes `prefix`'s folders in `base` left by processes of this user that no longer run.
    static func removeStale(in base: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix(prefix + "-") {
            let parts = name.dropFirst(prefix.count + 1).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, pid != getpid() else { continue }
            let path = (base as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}

/// One bucket of people (see `VisitSpill.people`).
package struct PeopleBucket {
    let path: String
    let owners: [Pseudonym: Pseudonym]
    /// Keeps the spill's folder until every bucket is read.
    let spill: VisitSpill

    /// The bucket's people, each with its visits oldest first (start, then device, then closing
    /// order, as one list of the window orders them), symbols renumbered through `map`.
    package func load(renumbering map: [Symbol]) throws -> [(person: JourneyBuilder.Person, visits: [Visit])] {
        // Decoded once; the order is found on small keys, so that each visit is copied once,
        // into its person's list.
        var visits: [Visit] = [], keys: [OrderKey] = []
        try spill.forEachRecord(path, headerBytes: 8) { header, record in
            var at = 0
            let v = VisitCodec.read(record, at: &at, renumbering: map)
            let person = JourneyBuilder.person(device: v.device, customer: v.customer, owners: owners)
            keys.append(OrderKey(person: person.id.raw, isCustomer: person.isCustomer, start: v.start, device: v.device.raw,
                                 seq: UInt32(littleEndian: header.loadUnaligned(as: UInt32.self)), index: Int32(visits.count)))
            visits.append(v)
        }
        keys.sort()
        var out: [(person: JourneyBuilder.Person, visits: [Visit])] = []
        var i = 0
        while i < keys.count {
            var j = i + 1
            while j < keys.count && keys[j].person == keys[i].person && keys[j].isCustomer == keys[i].isCustomer { j += 1 }
            out.append((keys[i].owner, keys[i..<j].map { visits[Int($0.index)] }))
            i = j
        }
        return out
    }
}

/// Where a visit goes in `PeopleBucket.load`: by person (as `JourneyBuilder.Person` orders
/// them), then start, device and closing order (unique). Plain fields side by side, not a
/// `Person`: sorting them is a sixth of the fold's time faster.
private struct OrderKey: Comparable {
    var person: UInt64
    var isCustomer: Bool
    var start: Int64
    var device: UInt64
    var seq: UInt32
    var index: Int32

    var owner: JourneyBuilder.Person { JourneyBuilder.Person(id: Pseudonym(raw: person), isCustomer: isCustomer) }

    static func < (a: OrderKey, b: OrderKey) -> Bool {
        if a.person != b.person { return a.person < b.person }
        if a.isCustomer != b.isCustomer { return !a.isCustomer }
        if a.start != b.start { return a.start < b.start }
        if a.device != b.device { return a.device < b.device }
        return a.seq < b.seq
    }
}

/// A spill file that cannot be written or read back: a temporary file's error.
package typealias SpillError = TemporaryFileError
