import Glibc

/// A sidecar: `NAME.meta.json` dropped beside the article `NAME`, holding what the writer knows
/// about it (`{"published": "2020-03-17"}`). It is not an article of its own (`FileName.isIgnored`):
/// it is claimed with its article (moved into `processing/` once the article is ours) and filed
/// with it: beside it in `processed/` or `failed/` under the article's final name plus
/// `.meta.json`, deleted with it, or given back to the inbox with it.
///
/// Write the sidecar before the article (or rename both in): an article claimed before its
/// sidecar arrives is analysed without it, and the sidecar then waits in the inbox.
extension FileName {
    static let sidecarSuffix = ".meta.json"

    /// The sidecar name of the article `self`.
    public var sidecar: FileName { FileName(bytes: bytes + Array(Self.sidecarSuffix.utf8)) }

    /// True for `*.meta.json`.
    public var isSidecar: Bool { hasSuffix(Self.sidecarSuffix) }
}

extension Spool {
    /// Largest sidecar read; a larger one is left unread (and still filed with its article).
    public static let sidecarLimit = 65536

    /// Takes the sidecar of a claimed article into `processing/` (it is already there for a
    /// recovered article) and returns its bytes, or nil when there is none.
    public func takeSidecar(for article: ClaimedArticle) -> [UInt8]? {
        let name = article.name.sidecar
        if !FileSystem.exists(layout.processing, name) {
            guard FileSystem.exists(layout.inbox, name),
                  (try? FileSystem.renameNoReplace(layout.inbox, name, layout.processing, name)) == true else { return nil }
        }
        guard let bytes = Self.readSmallFile(layout.processing, name, limit: Self.sidecarLimit) else { return nil }
        return bytes
    }

    /// Files the sidecar of `article` (if it has one in `processing/`) the way the article was
    /// filed: into `folder` as `filedAs.meta.json`, or deleted when `folder` is nil.
    func fileSidecar(of article: FileName, into folder: String?, as filedAs: FileName) {
        let name = article.sidecar
        guard FileSystem.exists(layout.processing, name) else { return }
        guard let folder else {
            _ = FileSystem.withPath(layout.processing, name) { unlink($0) }
            return
        }
        _ = try? FileSystem.renameToFreeName(layout.processing, name, folder) { n in
            n == 0 ? filedAs.sidecar : filedAs.appending(".\(n)").sidecar
        }
    }
}
