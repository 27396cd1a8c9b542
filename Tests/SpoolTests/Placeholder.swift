import XCTest
final class SpoolTestsPlaceholder: XCTestCase {}
