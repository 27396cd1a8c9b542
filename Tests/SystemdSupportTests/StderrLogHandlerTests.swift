import Glibc
import Logging
import SystemdSupport
import XCTest

final class StderrLogHandlerTests: XCTestCase {
    /// Runs `body` with file descriptor 2 redirected into a pipe and returns what was written.
    private func capturingStandardError(_ body: () -> Void) -> String {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let saved = dup(STDERR_FILENO)
        dup2(fds[1], STDERR_FILENO)
        close(fds[1])
        body()
        dup2(saved, STDERR_FILENO)
        close(saved)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        close(fds[0])
        return String(decoding: output, as: UTF8.self)
    }

    func testWritesOneReadableLinePerEventWithMetadataAndSource() {
        var logger = Logger(label: "articled") { StderrLogHandler(label: $0, level: .info) }
        logger[metadataKey: "worker"] = "1"
        let output = capturingStandardError {
            logger.debug("not shown: below the level")
            logger.notice("analysed", metadata: ["article_file": "odd\nname.txt"])
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, output)  // one line plus the final newline
        XCTAssertTrue(
            output.contains(" notice articled: analysed article_file=odd\\nname.txt worker=1 (StderrLogHandlerTests.swift:"),
            output)
    }
}
