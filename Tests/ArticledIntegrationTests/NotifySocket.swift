import Foundation
import Glibc

/// A unix datagram socket standing in for systemd's NOTIFY_SOCKET: it records every message the
/// daemon sends (READY=1, STATUS=…, RELOADING=1, STOPPING=1…).
final class NotifySocket: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var thread: Thread?
    private var stopped = false

    init(path: String) {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        precondition(bound == 0, "cannot bind \(path)")
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in receiveLoop() }
        self.thread = thread
        thread.start()
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !lock.withLock({ stopped }) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                let message = String(decoding: buffer[0..<count], as: UTF8.self)
                lock.withLock { received.append(message) }
            }
        }
    }

    /// Every message so far, in order (one datagram may hold several lines).
    var messages: [String] { lock.withLock { received } }

    /// Every line (assignment) so far, in order.
    var lines: [String] { messages.flatMap { $0.split(separator: "\n").map(String.init) } }

    func close() {
        lock.withLock { stopped = true }
        while thread?.isFinished == false { usleep(10_000) }
        Glibc.close(fd)
        unlink(path)
    }

    deinit { if !lock.withLock({ stopped }) { close() } }
}
