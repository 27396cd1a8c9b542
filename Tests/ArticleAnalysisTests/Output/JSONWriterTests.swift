import Foundation
import XCTest
@testable import ArticleAnalysis

final class JSONWriterTests: XCTestCase {
    func testNestedContainersGetCommasAndEscapes() {
        var json = JSONWriter()
        json.beginObject()
        json.field("a", "x\"y\n\u{1}")
        json.array("b") { json in json.int(1); json.int(-20); json.null() }
        json.field("c", 1.25)
        json.field("d", -0.0004)
        json.endObject()
        XCTAssertEqual(json.string, #"{"a":"x\"y\n\u0001","b":[1,-20,null],"c":1.25,"d":0}"#)
    }

    func testKeysWithEscapesGrowthAndTakenBytes() {
        // A writer with little room grows; a key that needs escapes is escaped like a value.
        var json = JSONWriter(reservingCapacity: 1)
        json.beginObject()
        json.field("plain", 1)
        json.field("a\"b\n", "v")
        json.field("big", 1e20)
        json.field("", true)
        json.key("long"); json.string(String(repeating: "x", count: 1000))
        json.endObject()
        let expected = #"{"plain":1,"a\"b\n":"v","big":"# + "\(1e20)" + #","":true,"long":""# + String(repeating: "x", count: 1000) + #""}"#
        XCTAssertEqual(json.string, expected)
        XCTAssertEqual(json.bytes, Array(expected.utf8))
        XCTAssertEqual(json.takeBytes(), Array(expected.utf8))
        // Taking the bytes leaves the writer empty and ready for a new document.
        XCTAssertEqual(json.bytes, [])
        json.beginArray(); json.int(2); json.beginObject(); json.endObject(); json.endArray()
        XCTAssertEqual(json.string, "[2,{}]")
    }

    func testIntegersOfEveryLengthAndEscapesAnywhereInAString() {
        var json = JSONWriter()
        json.beginArray()
        for value in [0, 7, 10, -9, 12_345, Int.max, Int.min] { json.int(value) }
        json.string("\\start, middle \u{7F} – “end”\t")
        json.string("")
        json.endArray()
        XCTAssertEqual(json.string, #"[0,7,10,-9,12345,9223372036854775807,-9223372036854775808,"\\start, middle \u007f – “end”\t",""]"#)
    }

    func testEveryByteIsEscapedAtEveryPlaceOfAWord() {
        // Strings are scanned eight bytes at a time: each ASCII byte, at each of the first 17
        // places of a longer string, is escaped as a byte-by-byte reference writer would.
        func reference(_ byte: UInt8) -> String {
            switch byte {
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            case 0x22: return "\\\""
            case 0x5C: return "\\\\"
            case 0..<0x20, 0x7F: return String(format: "\\u%04x", Int(byte))
            default: return String(UnicodeScalar(byte))
            }
        }
        for byte in UInt8(0)..<0x80 {
            for place in 0..<17 {
                let text = String(repeating: "a", count: place) + String(UnicodeScalar(byte)) + "é" + String(repeating: "b", count: 9)
                var json = JSONWriter()
                json.string(text)
                let expected = "\"" + String(repeating: "a", count: place) + reference(byte) + "é" + String(repeating: "b", count: 9) + "\""
                XCTAssertEqual(json.string, expected, "byte \(byte) at \(place)")
            }
        }
        // Scalars are written as their String would be.
        for text in ["", "a", "x\"y\n\u{1}\u{7F} – “end”\t", "Zürich 🙂 \\ \u{2029}", String(repeating: "abc\u{8} é", count: 40)] {
            var fromString = JSONWriter(), fromScalars = JSONWriter()
            fromString.beginArray(); fromString.string(text); fromString.int(1); fromString.endArray()
            fromScalars.beginArray()
            Array(text.unicodeScalars).withUnsafeBufferPointer { fromScalars.string(scalars: $0) }
            fromScalars.int(1); fromScalars.endArray()
            XCTAssertEqual(fromScalars.bytes, fromString.bytes, text)
        }
        XCTAssertFalse(JSONWriter.mayNeedEscape(0x2121_2121_FFFF_E282))
        XCTAssertTrue(JSONWriter.mayNeedEscape(0x2121_2121_2121_1F21))
    }
}

final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        XCTAssertEqual(SHA256.hex(long), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
