import Glibc
import XCTest
@testable import Spool

final class SpoolTests: XCTestCase {
    func testCreatesMissingFolders() throws {
        let fixture = SpoolFixture()
        _ = try Spool(layout: fixture.layout)
        for folder in fixture.layout.allFolders { XCTAssertTrue(FileSystem.isDirectory(folder), folder) }
    }

    func testScanListsOldestFirstAndSkipsIgnoredNamesAndFolders() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        for (index, name) in ["new.txt", "old.txt", "middle.txt", ".hidden", "x.tmp", "y.part", "z~"].enumerated() {
            fixture.write(fixture.layout.inbox, name, "text \(index)")
        }
        mkdir(fixture.layout.inbox + "/folder", 0o755)
        setModificationTime(fixture.layout.inbox + "/old.txt", 1_000)
        setModificationTime(fixture.layout.inbox + "/middle.txt", 2_000)
        setModificationTime(fixture.layout.inbox + "/new.txt", 3_000)
        XCTAssertEqual(try spool.scanInbox(), [FileName("old.txt"), FileName("middle.txt"), FileName("new.txt")])
    }

    func testClaimReadCompleteMovesInputAndPublishesResult() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        XCTAssertEqual(fixture.names(fixture.layout.inbox), [])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [FileName("a.txt")])
        XCTAssertEqual(try spool.read(article, maxBytes: 100), Array("Hello".utf8))
        let published = try spool.complete(article, result: Array("{\"ok\":1}".utf8), sha256: "abc", disposal: .moveToProcessed)
        XCTAssertEqual(published, FileName("a.txt.json"))
        XCTAssertEqual(fixture.names(fixture.layout.outbox), [FileName("a.txt.json")])
        XCTAssertEqual(fixture.names(fixture.layout.processed), [FileName("a.txt")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
    }

    func testResultsNeverOverwriteEarlierOnes() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        for round in 0..<3 {
            fixture.write(fixture.layout.inbox, "same.txt", "round \(round)")
            guard case .claimed(let article) = try spool.claim(FileName("same.txt")) else { return XCTFail("not claimed") }
            try spool.complete(article, result: Array("\(round)".utf8), sha256: "sha\(round)", disposal: .moveToProcessed)
        }
        XCTAssertEqual(fixture.names(fixture.layout.outbox), [FileName("same.txt.json"), FileName("same.txt.1.json"), FileName("same.txt.2.json")])
        XCTAssertEqual(fixture.read(fixture.layout.outbox, FileName("same.txt.json")), Array("0".utf8))
        XCTAssertEqual(fixture.names(fixture.layout.processed), [FileName("same.txt"), FileName("same.txt.1"), FileName("same.txt.2")])
    }

    func testABatchIsPublishedTogetherAndEachInputMoved() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.outbox, "taken.txt.json", "earlier")
        var batch: [Spool.Completion] = []
        for name in ["a.txt", "b.txt", "taken.txt"] {
            fixture.write(fixture.layout.inbox, name, name)
            guard case .claimed(let article) = try spool.claim(FileName(name)) else { return XCTFail("not claimed") }
            batch.append(Spool.Completion(article, result: Array("{\"of\":\"\(name)\"}".utf8), sha256: name, disposal: .moveToProcessed))
        }
        let published = spool.complete(batch).map { try? $0.get() }
        XCTAssertEqual(published, [FileName("a.txt.json"), FileName("b.txt.json"), FileName("taken.txt.1.json")])
        XCTAssertEqual(fixture.read(fixture.layout.outbox, FileName("b.txt.json")), Array("{\"of\":\"b.txt\"}".utf8))
        XCTAssertEqual(fixture.read(fixture.layout.outbox, FileName("taken.txt.json")), Array("earlier".utf8), "never overwritten")
        XCTAssertEqual(fixture.names(fixture.layout.processed), [FileName("a.txt"), FileName("b.txt"), FileName("taken.txt")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
        XCTAssertFalse(fixture.names(fixture.layout.outbox).contains { $0.bytes.first == UInt8(ascii: ".") }, "no temporary left")
    }

    func testABatchWithTheOutboxDeletedRecreatesItAndPublishes() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        var batch: [Spool.Completion] = []
        for name in ["a.txt", "b.txt"] {
            fixture.write(fixture.layout.inbox, name, name)
            guard case .claimed(let article) = try spool.claim(FileName(name)) else { return XCTFail("not claimed") }
            batch.append(Spool.Completion(article, result: Array(name.utf8), sha256: name, disposal: .moveToProcessed))
        }
        XCTAssertEqual(rmdir(fixture.layout.outbox), 0)
        let published = spool.complete(batch).map { try? $0.get() }
        XCTAssertEqual(published, [FileName("a.txt.json"), FileName("b.txt.json")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
    }

    func testDeleteAfterSuccessRemovesTheInput() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        try spool.complete(article, result: [], sha256: "x", disposal: .delete)
        XCTAssertEqual(fixture.names(fixture.layout.processed), [])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
    }

    func testOversizedInputFailsBeforeReading() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "big.txt", String(repeating: "a", count: 101))
        guard case .claimed(let article) = try spool.claim(FileName("big.txt")) else { return XCTFail("not claimed") }
        XCTAssertThrowsError(try spool.read(article, maxBytes: 100)) { error in
            XCTAssertEqual((error as? FailureRecord)?.code, "too_large")
            XCTAssertEqual((error as? FailureRecord)?.bytes, 101)
        }
    }

    func testFailMovesInputAndWritesErrorRecord() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        let name = FileName(bytes: Array("odd\nname ".utf8) + [0xFF] + Array(".txt".utf8))
        fixture.write(fixture.layout.inbox, name, [])
        guard case .claimed(let article) = try spool.claim(name) else { return XCTFail("not claimed") }
        let failedAs = try spool.fail(article, FailureRecord(code: "empty", message: "the file is empty", bytes: 0, sha256: "e3b0"))
        XCTAssertEqual(failedAs, name)
        XCTAssertEqual(fixture.names(fixture.layout.failed), [name, name.appending(".error.json")])
        let record = try XCTUnwrap(fixture.json(fixture.layout.failed, name.appending(".error.json")))
        XCTAssertEqual(record["code"] as? String, "empty")
        XCTAssertEqual(record["bytes"] as? Int, 0)
        XCTAssertEqual(record["sha256"] as? String, "e3b0")
        XCTAssertEqual(record["file"] as? String, "odd\nname \u{FFFD}.txt")
        XCTAssertEqual(record["file_escaped"] as? String, "odd\\nname \\xff.txt")
        XCTAssertNotNil(record["time"] as? String)
    }

    func testSymlinkIsMovedToFailedWithoutBeingFollowed() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        symlink("/etc/passwd", fixture.layout.inbox + "/passwd.txt")
        guard case .rejected(let failedAs, let record) = try spool.claim(FileName("passwd.txt")) else { return XCTFail("not rejected") }
        XCTAssertEqual(record.code, "symlink")
        let moved = try XCTUnwrap(FileSystem.entryStatus(fixture.layout.failed, failedAs))
        XCTAssertEqual(moved.st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(fixture.json(fixture.layout.failed, failedAs.appending(".error.json"))?["code"] as? String, "symlink")
    }

    func testFifoIsRejectedWithoutBlocking() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        mkfifo(fixture.layout.inbox + "/pipe", 0o644)
        guard case .rejected(_, let record) = try spool.claim(FileName("pipe")) else { return XCTFail("not rejected") }
        XCTAssertEqual(record.code, "not_regular_file")
    }

    func testAFileIsClaimedOnlyOnce() throws {
        let fixture = SpoolFixture()
        let first = try Spool(layout: fixture.layout)
        let second = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try first.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        guard case .skipped = try second.claim(FileName("a.txt")) else { return XCTFail("claimed twice") }
        // While the first holds it, it is not recoverable either.
        guard case .skipped = try second.recover(FileName("a.txt")) else { return XCTFail("recovered a live claim") }
        _ = article
    }

    func testSameNameInProcessingMakesTheClaimWait() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "first")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        fixture.write(fixture.layout.inbox, "a.txt", "second")
        guard case .busy = try spool.claim(FileName("a.txt")) else { return XCTFail("second file not refused") }
        XCTAssertEqual(fixture.read(fixture.layout.processing, FileName("a.txt")), Array("first".utf8))
        _ = article
    }

    func testAbandonedClaimIsRecoveredAndNotPublishedTwice() throws {
        let fixture = SpoolFixture()
        let crashed = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        do {
            guard case .claimed(let article) = try crashed.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
            // The result was published, then the process died before moving the input.
            try AtomicFileWriter().write(Array("{\"sha256\":\"cafe\"}".utf8), into: fixture.layout.outbox) { _ in FileName("a.txt.json") }
            article.close()
        }
        let restarted = try Spool(layout: fixture.layout)
        XCTAssertEqual(try restarted.scanProcessing(), [FileName("a.txt")])
        guard case .claimed(let article) = try restarted.recover(FileName("a.txt")) else { return XCTFail("not recovered") }
        XCTAssertTrue(article.recovered)
        let published = try restarted.complete(article, result: Array("{\"sha256\":\"cafe\"}".utf8), sha256: "cafe", disposal: .moveToProcessed)
        XCTAssertEqual(published, FileName("a.txt.json"))
        XCTAssertEqual(fixture.names(fixture.layout.outbox), [FileName("a.txt.json")])
        XCTAssertEqual(fixture.names(fixture.layout.processed), [FileName("a.txt")])
    }

    func testAFileStillOpenForWritingIsNotClaimed() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        let writer = open(fixture.layout.inbox + "/growing.txt", O_WRONLY | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(writer, 0)
        _ = write(writer, "half", 4)
        guard case .skipped = try spool.claim(FileName("growing.txt"), foundByScan: true) else { return XCTFail("claimed a file being written") }
        close(writer)
        guard case .claimed = try spool.claim(FileName("growing.txt"), foundByScan: true) else { return XCTFail("not claimed once closed") }
    }

    func testReleaseReturnsTheFileToTheInbox() throws {
        let fixture = SpoolFixture()
        let spool = try Spool(layout: fixture.layout)
        fixture.write(fixture.layout.inbox, "a.txt", "Hello")
        guard case .claimed(let article) = try spool.claim(FileName("a.txt")) else { return XCTFail("not claimed") }
        XCTAssertTrue(spool.release(article))
        XCTAssertEqual(fixture.names(fixture.layout.inbox), [FileName("a.txt")])
        XCTAssertEqual(fixture.names(fixture.layout.processing), [])
    }

    func testStaleTemporariesOfDeadProcessesAreRemoved() throws {
        let fixture = SpoolFixture()
        try fixture.layout.createFolders()
        fixture.write(fixture.layout.outbox, ".articled-999999999-1.tmp", "partial")
        fixture.write(fixture.layout.outbox, ".articled-1-1.tmp", "pid 1 is alive")
        _ = try Spool(layout: fixture.layout)
        XCTAssertEqual(fixture.names(fixture.layout.outbox), [FileName(".articled-1-1.tmp")])
    }

    private func setModificationTime(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }
}
