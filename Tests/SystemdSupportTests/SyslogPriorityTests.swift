import Logging
import SystemdSupport
import XCTest

final class SyslogPriorityTests: XCTestCase {
    func testSwiftLogLevelsMapToSyslogPriorities() {
        let expected: [(Logger.Level, Int)] = [
            (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ]
        for (level, priority) in expected {
            XCTAssertEqual(SyslogPriority(level).rawValue, priority, "\(level)")
        }
    }
}
