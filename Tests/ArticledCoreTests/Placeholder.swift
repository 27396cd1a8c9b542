import XCTest
final class ArticledCoreTestsPlaceholder: XCTestCase {}
