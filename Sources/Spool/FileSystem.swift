import Glibc

/// Thin, byte-exact wrappers over the system calls the spool uses. Paths are built from a folder
/// path and a `FileName`'s raw bytes, so names are never re-encoded on their way to the kernel.
enum FileSystem {
    /// Calls `body` with `folder + "/" + name` as a NUL-terminated C string.
    static func withPath<R>(_ folder: String, _ name: FileName, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var bytes = Array(folder.utf8)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: name.bytes)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    static func display(_ folder: String, _ name: FileName) -> String { folder + "/" + name.escaped }

    /// `mkdir -p`: creates `path` and its missing parents.
    static func makeDirectories(_ path: String, mode: mode_t = 0o775) throws(SpoolError) {
        if path.isEmpty || path == "/" { return }
        if mkdir(path, mode) == 0 { return }
        let error = errno
        if error == EEXIST {
            guard isDirectory(path) else { throw SpoolError("mkdir", path: path, errno: ENOTDIR) }
            return
        }
        guard error == ENOENT, let slash = path.lastIndex(of: "/") else { throw SpoolError("mkdir", path: path, errno: error) }
        try makeDirectories(String(path[..<slash]), mode: mode)
        if mkdir(path, mode) != 0 && errno != EEXIST { throw SpoolError("mkdir", path: path) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `lstat` of `folder/name`: the entry itself, never what a symlink points to.
    static func entryStatus(_ folder: String, _ name: FileName) -> stat? {
        var info = stat()
        let result = withPath(folder, name) { lstat($0, &info) }
        return result == 0 ? info : nil
    }

    static func exists(_ folder: String, _ name: FileName) -> Bool { entryStatus(folder, name) != nil }

    /// Flushes a folder's entries (new names from rename) to disk.
    static func syncDirectory(_ path: String) throws(SpoolError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpoolError("open", path: path) }
        defer { close(fd) }
        while fsync(fd) != 0 {
            if errno != EINTR { throw SpoolError("fsync", path: path) }
        }
    }

    /// Renames `fromFolder/from` to `toFolder/to` without ever replacing an existing `to`
    /// (renameat2 with RENAME_NOREPLACE). Returns false when `to` exists.
    static func renameNoReplace(_ fromFolder: String, _ from: FileName, _ toFolder: String, _ to: FileName) throws(SpoolError) -> Bool {
        let result = withPath(fromFolder, from) { source in
            withPath(toFolder, to) { target in RenameNoReplace.rename(source, target) }
        }
        if result == 0 { return true }
        let error = errno
        if error == EEXIST { return false }
        throw SpoolError("rename", path: display(fromFolder, from) + " -> " + display(toFolder, to), errno: error)
    }

    /// Renames, choosing the first free name among `base`, then `candidate(1)`, `candidate(2)`…
    /// Returns the name used.
    static func renameToFreeName(
        _ fromFolder: String, _ from: FileName, _ toFolder: String,
        candidate: (Int) -> FileName
    ) throws(SpoolError) -> FileName {
        var attempt = 0
        while true {
            let target = candidate(attempt)
            if try renameNoReplace(fromFolder, from, toFolder, target) { return target }
            attempt += 1
            if attempt > 100_000 { throw SpoolError("rename", path: display(toFolder, target), errno: EEXIST) }
        }
    }

    /// Names of the entries of a folder (without "." and ".."), as raw bytes.
    static func list(_ path: String) throws(SpoolError) -> [FileName] {
        guard let directory = opendir(path) else { throw SpoolError("opendir", path: path) }
        defer { closedir(directory) }
        var names: [FileName] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                    Array(UnsafeBufferPointer(start: bytes, count: strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(FileName(bytes: name))
        }
        return names
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SpoolError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SpoolError("write", path: path)
            }
            written += count
        }
    }
}
