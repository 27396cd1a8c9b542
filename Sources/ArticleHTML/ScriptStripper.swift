import Glibc

/// Empties `<script>` and `<style>` elements before the parser sees the page.
///
/// Half the bytes of a typical news page are scripts and styles, and libxml2 reads their content
/// one character at a time only for articled to drop it. A byte scan (memchr for `<`) copies the
/// page without that content, keeping the elements themselves (so the tree is unchanged), JSON-LD
/// scripts (`type` holding "ld+json": metadata), and comments as they are (a comment is copied
/// whole, so a `<script` inside one changes nothing). Like the parser, a script ends at the first
/// `</script` (any case); one that never ends is kept whole for the parser to deal with.
enum ScriptStripper {
    static func strip(_ page: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(page.count)
        guard let base = page.baseAddress else { return out }
        let n = page.count
        var copied = 0  // page[0..<copied] is in `out`
        var i = 0
        while i < n {
            guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else { break }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(base, n, at + 1, "!--") {
                i = find(base, n, from: at + 4, "-->").map { $0 + 3 } ?? n
                continue
            }
            let isScript = matchesLower(base, n, at + 1, "script"), isStyle = !isScript && matchesLower(base, n, at + 1, "style")
            guard isScript || isStyle else { i = at + 1; continue }
            let nameEnd = at + 1 + (isScript ? 6 : 5)
            guard nameEnd < n, base[nameEnd] == 0x3E || base[nameEnd] == 0x20 || base[nameEnd] == 0x09 || base[nameEnd] == 0x0A || base[nameEnd] == 0x0D || base[nameEnd] == 0x2F,
                  let tagEnd = memchr(base + nameEnd, Int32(UInt8(ascii: ">")), n - nameEnd)
            else { i = at + 1; continue }
            let contentStart = base.distance(to: tagEnd.assumingMemoryBound(to: UInt8.self)) + 1
            if isScript && containsLower(base, from: nameEnd, to: contentStart, "ld+json") { i = contentStart; continue }
            guard let close = findCloseTag(base, n, from: contentStart, isScript ? "</script" : "</style") else { break }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<contentStart]))
            copied = close
            i = close
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<n]))
        return out
    }

    private static func matches(_ base: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= n else { return false }
        let w = word.utf8Start
        for k in 0..<count where base[at + k] != w[k] { return false }
        return true
    }

    /// `word` (lower-case ASCII) at `at`, in any case.
    private static func matchesLower(_ base: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= n else { return false }
        let w = word.utf8Start
        for k in 0..<count where base[at + k] | 0x20 != w[k] && base[at + k] != w[k] { return false }
        return true
    }

    private static func containsLower(_ base: UnsafePointer<UInt8>, from: Int, to: Int, _ word: StaticString) -> Bool {
        var k = from
        while k < to { if matchesLower(base, to, k, word) { return true }; k += 1 }
        return false
    }

    private static func find(_ base: UnsafePointer<UInt8>, _ n: Int, from: Int, _ word: StaticString) -> Int? {
        var k = from
        while k < n {
            guard let hit = memchr(base + k, Int32(word.utf8Start[0]), n - k) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(base, n, at, word) { return at }
            k = at + 1
        }
        return nil
    }

    /// The offset of the first `</script` (or `</style`), in any case.
    private static func findCloseTag(_ base: UnsafePointer<UInt8>, _ n: Int, from: Int, _ tag: StaticString) -> Int? {
        var k = from
        while k < n {
            guard let hit = memchr(base + k, Int32(UInt8(ascii: "<")), n - k) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matchesLower(base, n, at, tag) { return at }
            k = at + 1
        }
        return nil
    }
}
