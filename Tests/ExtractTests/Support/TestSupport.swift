import CZlib
import Foundation
import JourneysCore
@testable import Extract

/// A fresh folder under the system's temporary folder, for the files one test writes.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "journeys-extract-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `bytes` to `name` in a fresh temporary folder (or `folder`) and returns its path.
@discardableResult
func writeFile(_ name: String, _ bytes: [UInt8], in folder: String? = nil) -> String {
    let path = (folder ?? temporaryFolder()) + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

/// Lines joined with `\n`, a newline after the last one too.
func logText(_ lines: [String]) -> [UInt8] {
    Array(lines.map { $0 + "\n" }.joined().utf8)
}

@discardableResult
func writeLog(_ name: String, _ lines: [String], in folder: String? = nil) -> String {
    writeFile(name, logText(lines), in: folder)
}

/// `bytes` as one gzip member.
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    precondition(deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                               Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    var out = [UInt8](repeating: 0, count: bytes.count + 1024)
    var input = bytes
    let written: Int = input.withUnsafeMutableBufferPointer { inp in
        out.withUnsafeMutableBufferPointer { o in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            stream.next_out = o.baseAddress
            stream.avail_out = uInt(o.count)
            precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            return o.count - Int(stream.avail_out)
        }
    }
    deflateEnd(&stream)
    return Array(out[0..<written])
}

/// What one extract run over some files gave.
struct Extracted {
    var events: [Event]
    var result: ExtractResult
    /// A context with the run's options, for computing the pseudonyms extract gives.
    var context: ExtractContext
    var quality: DataQuality { result.quality }
    var symbols: SymbolTable { result.symbols }
    func path(_ e: Event) -> String { symbols[e.path] }
    var paths: [String] { events.map(path) }
}

/// Runs extract over `paths` and pulls every event through `MergedEvents`.
/// Files are scanned first and those not in time order sorted, as the report reads them.
func extract(_ paths: [String], options: ExtractOptions = ExtractOptions()) throws -> Extracted {
    let scans = try InputScan.scan(paths, options: options, tolerance: ExtractOptions.defaultOutOfOrderTolerance)
    let merged = try MergedEvents(scans.map(\.inputFile), options: options)
    var events: [Event] = []
    while let e = try merged.next() { events.append(e) }
    return Extracted(events: events, result: merged.result, context: ExtractContext(options: options))
}

func extract(lines: [String], name: String = "access.log", options: ExtractOptions = ExtractOptions()) throws -> Extracted {
    try extract([writeLog(name, lines)], options: options)
}

/// A Combined Log Format line with the given parts.
func combined(ip: String = "203.0.113.7", user: String = "-", time: String = "16/Nov/2026:10:05:03 +0100",
              request: String = "GET / HTTP/1.1", status: Int = 200, referrer: String = "-",
              agent: String = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0") -> String {
    "\(ip) - \(user) [\(time)] \"\(request)\" \(status) 512 \"\(referrer)\" \"\(agent)\""
}

/// 2026-11-16 09:05:03 UTC, the time of `combined()`'s default timestamp.
let defaultTime: Int64 = 1_794_819_903

extension ExtractContext {
    /// The pseudonyms the tests compare against, computed as extract computes them.
    func devicePseudonym(ip: String, agent: String) -> Pseudonym {
        Array(ip.utf8).withUnsafeBytes { a in Array(agent.utf8).withUnsafeBytes { b in pseudonym(a, b) } }
    }
    func cookieIdentity(_ id: String) -> Pseudonym { Array(id.utf8).withUnsafeBytes { cookiePseudonym($0) } }
    func customerIdentity(_ id: String) -> Pseudonym { Array(id.utf8).withUnsafeBytes { customerPseudonym($0) } }
}

extension FileAccount {
    func count(_ o: LineOutcome) -> Int { outcomes[o] ?? 0 }
}
