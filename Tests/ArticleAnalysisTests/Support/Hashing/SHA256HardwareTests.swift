import XCTest
@testable import ArticleAnalysis

/// `SHA256` runs the SHA-NI code on CPUs that have it and the Swift code elsewhere: both must give
/// the same digests (the known digests themselves are in DecodingTests).
final class SHA256HardwareTests: XCTestCase {
    func testHardwareAndSoftwareAgreeOnRandomMessages() {
        // A fixed sequence of pseudo-random bytes (Knuth's MMIX linear congruential generator).
        var state: UInt64 = 0x5EED_16
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 24 }
        // Every length up to four blocks (all the padding cases), then longer messages.
        let lengths = Array(0...260) + (0..<40).map { _ in Int(next() % 300_000) }
        for length in lengths {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            XCTAssertEqual(SHA256.digest(message), SHA256.softwareDigest(message), "\(length) bytes")
        }
    }

    func testSoftwareDigestOfTheNISTVectors() {
        XCTAssertEqual(hex(SHA256.softwareDigest(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(SHA256.softwareDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(SHA256.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
