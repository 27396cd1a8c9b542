import Glibc

/// `renameat2(..., RENAME_NOREPLACE)`: an atomic rename that fails with EEXIST instead of
/// replacing the target (retried on EINTR). Glibc has it (2.28+) but Swift's Glibc module does not import it, so it
/// is looked up once with dlsym. Where it is missing or the file system refuses the flag, the
/// fallback is link + unlink, which also never replaces the target (a crash between the two
/// leaves both names; claiming guards against that with a lock, see `Spool.claim`).
enum RenameNoReplace {
    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Function? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()
    private static let noReplace: UInt32 = 1  // RENAME_NOREPLACE

    /// Returns 0 on success, -1 with errno set otherwise.
    static func rename(_ source: UnsafePointer<CChar>, _ target: UnsafePointer<CChar>) -> Int32 {
        if let renameat2 {
            var result = renameat2(AT_FDCWD, source, AT_FDCWD, target, noReplace)
            while result != 0 && errno == EINTR { result = renameat2(AT_FDCWD, source, AT_FDCWD, target, noReplace) }
            if result == 0 || (errno != EINVAL && errno != ENOSYS) { return result }
        }
        if link(source, target) != 0 { return -1 }
        if unlink(source) != 0 {
            let saved = errno
            unlink(target)
            errno = saved
            return -1
        }
        return 0
    }
}
