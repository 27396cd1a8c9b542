import Glibc
import XCTest
@testable import Spool

/// `NAME.meta.json` is not an article: it is claimed with `NAME` and filed with it.
final class SidecarTests: XCTestCase {
    let meta = #"{"published": "2020-03-19"}"#

    func testASidecarIsNeverAnArticle() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt.meta.json", meta)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        XCTAssertEqual(try spool.scanInbox(), [FileName("a.txt")])
        XCTAssertTrue(FileName("a.txt.meta.json").isIgnored)
        XCTAssertEqual(FileName("a.txt").sidecar, FileName("a.txt.meta.json"))
    }

    func testClaimedAndMovedToProcessedWithItsArticle() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.processed, "a.txt", "earlier")  // the article is filed as a.txt.1
        fixture.write(fixture.layout.inbox, "a.txt.meta.json", meta)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        XCTAssertEqual(spool.takeSidecar(for: article), Array(meta.utf8))
        XCTAssertEqual(fixture.names(fixture.layout.processing), [FileName("a.txt"), FileName("a.txt.meta.json")])
        try spool.complete(article, result: Array("{}".utf8), sha256: "x", disposal: .moveToProcessed)
        XCTAssertEqual(fixture.names(fixture.layout.processed), [FileName("a.txt"), FileName("a.txt.1"), FileName("a.txt.1.meta.json")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
    }

    func testFiledInFailedDeletedOrReleasedWithItsArticle() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        for name in ["f.txt", "d.txt", "r.txt"] {
            fixture.write(fixture.layout.inbox, name + ".meta.json", meta)
            fixture.write(fixture.layout.inbox, name, "Hello")
        }
        func claim(_ name: String) throws -> ClaimedArticle {
            guard case .claimed(let article) = try spool.claim(FileName(name)) else { throw SpoolError("claim", path: name, errno: EINVAL) }
            XCTAssertNotNil(spool.takeSidecar(for: article))
            return article
        }
        try spool.fail(try claim("f.txt"), FailureRecord(code: "empty", message: "empty", bytes: 0, sha256: nil))
        XCTAssertTrue(fixture.names(fixture.layout.failed).isSuperset(of: [FileName("f.txt"), FileName("f.txt.meta.json")]))
        try spool.complete(try claim("d.txt"), result: Array("{}".utf8), sha256: "x", disposal: .delete)
        XCTAssertEqual(spool.release(try claim("r.txt")), true)
        XCTAssertEqual(fixture.names(fixture.layout.inbox), [FileName("r.txt"), FileName("r.txt.meta.json")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
        XCTAssertEqual(fixture.names(fixture.layout.processed), [])
    }

    func testNoSidecarAndRecoveredSidecar() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        XCTAssertNil(spool.takeSidecar(for: article))
        spool.release(article)
        // Left in processing/ by a crash: recovered with its sidecar.
        fixture.write(fixture.layout.processing, "b.txt", "Hello")
        fixture.write(fixture.layout.processing, "b.txt.meta.json", meta)
        XCTAssertEqual(try spool.scanProcessing(), [FileName("b.txt")])
        guard case .claimed(let recovered) = try spool.recover(FileName("b.txt")) else { return XCTFail("not recovered") }
        XCTAssertEqual(spool.takeSidecar(for: recovered), Array(meta.utf8))
    }
}
