internal import CSHA256

/// SHA-256 (FIPS 180-4), so that `source.sha256` needs no crypto library in a pure analysis layer.
///
/// On a CPU with the SHA extensions (SHA-NI, checked once at run time) the blocks go through
/// the small C target `CSHA256` (about six times faster: a 175 KB web page in ~0.1 ms instead of
/// ~0.55 ms); elsewhere through the Swift compression function below. Both give the same digest
/// (`SHA256Tests` compares them on the NIST vectors and on random messages).
///
/// Every article is hashed, so the compression function is written for speed: blocks are read
/// straight from the message with big-endian loads, the message schedule lives in one stack
/// buffer, and the 64 rounds are unrolled by eight with the working variables rotating through
/// the arguments of `round` instead of being shuffled after every round.
public enum SHA256 {
    /// The digest as 64 lower-case hex digits.
    @inline(never) // a stage entry point: kept out of line so profiles (Benchmarks/profile.sh) can attribute its cost
    public static func hex(_ bytes: [UInt8]) -> String {
        let h = state(bytes)
        return String(unsafeUninitializedCapacity: 64) { out in
            var i = 0
            for word in h {
                var shift: UInt32 = 28
                for _ in 0..<8 {
                    let nibble = UInt8(truncatingIfNeeded: word >> shift) & 0xF
                    out[i] = nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble  // "0"-"9", "a"-"f"
                    i &+= 1
                    shift &-= 4
                }
            }
            return 64
        }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] { bytes(state(message)) }

    /// The eight hash words after the whole padded message.
    private static func state(_ message: [UInt8]) -> [UInt32] {
        articled_sha256_ni_available() != 0 ? hardwareState(message) : softwareState(message)
    }

    /// The digest computed by the Swift code alone, whatever the CPU (for tests).
    package static func softwareDigest(_ message: [UInt8]) -> [UInt8] { bytes(softwareState(message)) }

    /// Whether `hex` and `digest` use the SHA extensions on this CPU.
    package static var usesHardware: Bool { articled_sha256_ni_available() != 0 }

    private static func bytes(_ state: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in state { for shift in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) } }
        return out
    }

    /// With the SHA extensions: the whole blocks in place, then the padded tail.
    private static func hardwareState(_ message: [UInt8]) -> [UInt32] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        h.withUnsafeMutableBufferPointer { h in
            message.withUnsafeBufferPointer { bytes in
                let blocks = bytes.count / 64
                if blocks > 0 { articled_sha256_ni_blocks(h.baseAddress!, bytes.baseAddress!, blocks) }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let count = padTail(bytes, into: tail)
                    articled_sha256_ni_blocks(h.baseAddress!, UnsafePointer(tail.baseAddress!), count / 64)
                }
            }
        }
        return h
    }

    /// The bytes after the last whole block, 0x80, zeros and the length in bits (big-endian), in
    /// one or two blocks; returns their byte count (64 or 128).
    private static func padTail(_ bytes: UnsafeBufferPointer<UInt8>, into tail: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let whole = bytes.count / 64 * 64
        let left = bytes.count - whole
        for i in 0..<left { tail[i] = bytes[whole + i] }
        tail[left] = 0x80
        let blocks = left + 9 <= 64 ? 1 : 2
        for i in (left + 1)..<(blocks * 64) { tail[i] = 0 }
        let bitLength = UInt64(bytes.count) &* 8
        for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
        return blocks * 64
    }

    private static func softwareState(_ message: [UInt8]) -> [UInt32] {
        var h = Hash()
        withUnsafeBytes(of: articled_sha256_k) { constants in
            let k = constants.bindMemory(to: UInt32.self).baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                message.withUnsafeBytes { bytes in
                    let whole = bytes.count / 64 * 64
                    var offset = 0
                    while offset < whole {
                        h.compress(UnsafeRawPointer(bytes.baseAddress! + offset), w.baseAddress!, k)
                        offset &+= 64
                    }
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                        let count = message.withUnsafeBufferPointer { padTail($0, into: tail) }
                        let base = UnsafeRawPointer(tail.baseAddress!)
                        for block in 0..<(count / 64) { h.compress(base + 64 * block, w.baseAddress!, k) }
                    }
                }
            }
        }
        return [h.a, h.b, h.c, h.d, h.e, h.f, h.g, h.h]
    }

    /// The running hash value (H0…H7).
    private struct Hash {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        /// One 64-byte block; `w` is scratch for the 64-word message schedule, `k` the round constants.
        @inline(__always)
        mutating func compress(_ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>) {
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
            }
            for t in 16..<64 {
                let w15 = w[t - 15], w2 = w[t - 2]
                let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var a = self.a, b = self.b, c = self.c, d = self.d, e = self.e, f = self.f, g = self.g, h = self.h
            var t = 0
            while t < 64 {
                Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                t &+= 8
            }
            self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
            self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
        }

        /// One round. The caller rotates the roles of the eight variables, so that after the
        /// round `h` holds the new A and `d` the new E.
        @inline(__always)
        static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                          _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let ch = g ^ (e & (f ^ g))  // (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ ch &+ kw
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let maj = (a & b) | (c & (a | b))  // (a & b) ^ (a & c) ^ (b & c)
            d &+= t1
            h = t1 &+ s0 &+ maj
        }
    }
}

extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
