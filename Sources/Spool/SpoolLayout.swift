import Glibc

/// The folders of one spool, all beneath one root so that every rename between them stays on
/// one file system (a rename across file systems fails with EXDEV and is not atomic).
public struct SpoolLayout: Sendable, Equatable {
    public let root: String
    public var inbox: String { root + "/inbox" }
    /// Files claimed by a running daemon; what is left here after a crash is processed again.
    public var processing: String { root + "/processing" }
    public var outbox: String { root + "/outbox" }
    public var processed: String { root + "/processed" }
    public var failed: String { root + "/failed" }

    public init(root: String) {
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    public var allFolders: [String] { [inbox, processing, outbox, processed, failed] }

    /// Creates the root and every folder that is missing (mode 0775 less the umask). Existing
    /// folders are left as they are: their owner and mode were set by the administrator
    /// (tmpfiles.d), e.g. a setgid, group-writable inbox.
    public func createFolders() throws(SpoolError) {
        try FileSystem.makeDirectories(root)
        for folder in allFolders { try FileSystem.makeDirectories(folder) }
    }
}
