import Glibc

/// Writes whole lines to file descriptor 2.
///
/// One `write(2)` per line (retried on partial writes and EINTR) keeps lines from concurrent
/// loggers from interleaving mid-line, unlike buffered `FILE*` output.
enum StandardError {
    static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
