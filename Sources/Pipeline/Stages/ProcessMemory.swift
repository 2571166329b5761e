#if canImport(Glibc)
import Glibc
#endif

/// How the C library's allocator hands memory back to the system during a run.
///
/// glibc serves a block of 128 KiB or more from a mapping of its own and unmaps it when freed,
/// but after the first such block is freed it raises that threshold to the block's size, so that
/// later large blocks (the tables of the fold, each grown by doubling) come from the heap, whose
/// freed pages it keeps: the run's peak then holds every table's earlier, smaller copies too.
/// A fixed threshold keeps large blocks in mappings of their own, returned the moment they are
/// freed: on a shop's week of 1,000,000 lines the peak fell from 118 to 103 MB (four weeks: 149
/// to 124 MB), for about a tenth of a CPU-second more of the system's time (fresh mappings'
/// page faults).
enum ProcessMemory {
    /// glibc's default threshold, fixed (`M_MMAP_THRESHOLD`; setting it ends the raising).
    static let mappedBlockBytes: Int32 = 128 * 1024

    /// Fixes the allocator's threshold for mapping large blocks; once per process is enough, and
    /// calling it again changes nothing. Nothing on a C library without `mallopt`.
    static func returnLargeBlocksWhenFreed() {
        #if canImport(Glibc)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, mappedBlockBytes)
        #endif
    }

    /// Hands the freed memory at the end of each of the allocator's heaps back to the system
    /// (glibc keeps a heap per thread otherwise).
    static func trim() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
// glibc's `mallopt` and `malloc_trim` (in malloc.h, which the Glibc module does not import),
// found at run time and called through C function pointers; nothing when the C library has none.
// RTLD_DEFAULT is the null handle in glibc: the process's global symbols.
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32 {
    guard let symbol = dlsym(nil, "mallopt") else { return 0 }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)(parameter, value)
}

private func glibcMallocTrim(_ pad: Int) -> Int32 {
    guard let symbol = dlsym(nil, "malloc_trim") else { return 0 }
    return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(pad)
}
#endif
