import XCTest
final class SystemdSupportTestsPlaceholder: XCTestCase {}
