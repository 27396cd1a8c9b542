import Glibc

/// Reads an input for `articled analyze` without ever holding more than the size cap: a file is
/// refused from its size before a byte is read, standard input is read in 64 KiB chunks and
/// refused as soon as it passes the cap (`yes | articled analyze -` stops at once instead of
/// filling memory).
enum BoundedInput {
    struct TooLarge: Error, CustomStringConvertible {
        var source: String
        var bytes: Int
        var limit: Int
        var isLowerBound: Bool
        var description: String {
            isLowerBound
                ? "\(source) is over the limit of \(limit) bytes (--max-bytes): stopped reading after \(bytes) bytes"
                : "\(source) is \(bytes) bytes, over the limit of \(limit) bytes (--max-bytes)"
        }
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `path` ("-" for standard input), at most `maxBytes` bytes.
    static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if path == "-" { return try read(descriptor: 0, source: "standard input", maxBytes: maxBytes) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Unreadable(description: errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Unreadable(description: "cannot be read (\(String(cString: strerror(errno))))") }
        if info.st_mode & S_IFMT == S_IFDIR { throw Unreadable(description: "is a folder, not a file") }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maxBytes {
            throw TooLarge(source: "the file", bytes: Int(info.st_size), limit: maxBytes, isLowerBound: false)
        }
        return try read(descriptor: fd, source: "the file", maxBytes: maxBytes)
    }

    static func read(descriptor fd: Int32, source: String, maxBytes: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = 64 * 1024
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, chunk) }
            if count < 0 {
                if errno == EINTR {
                    bytes.removeLast(chunk)
                    continue
                }
                throw Unreadable(description: "cannot be read (\(String(cString: strerror(errno))))")
            }
            bytes.removeLast(chunk - count)
            if bytes.count > maxBytes { throw TooLarge(source: source, bytes: bytes.count, limit: maxBytes, isLowerBound: true) }
            if count == 0 { return bytes }
        }
    }
}
