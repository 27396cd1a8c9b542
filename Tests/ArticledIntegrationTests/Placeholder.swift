import XCTest
final class ArticledIntegrationTestsPlaceholder: XCTestCase {}
