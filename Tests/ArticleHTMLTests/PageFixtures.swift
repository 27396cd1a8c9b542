import ArticleAnalysis
import ArticleModels
import CZlib
import Foundation

/// Shared pieces of the web-page tests: the bundled pipeline, the example page, gzip writing.
enum PageFixtures {
    static let pipeline: AnalysisPipeline = try! AnalysisPipeline.bundled()

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path

    static func example(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: examples + "/" + name) ?? Data())
    }

    static let paragraph = "The council voted on Tuesday to rebuild the old harbour bridge, which has been closed since a storm damaged it in March, and work is to start in the spring."

    /// A page with `count` paragraphs inside an article, with navigation and a footer around it.
    static func page(paragraphs count: Int = 3, head: String = "") -> String {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge to be rebuilt | Harbour Times</title>\(head)</head><body>"
        html += "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav><article>"
        for i in 0..<count { html += "<p>\(paragraph) Paragraph \(i + 1).</p>" }
        html += "</article><footer><p>Copyright Harbour Times. All rights reserved.</p></footer></body></html>"
        return html
    }

    /// `bytes` gzip-compressed (zlib, best compression).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(articled_deflate_init_gzip(&stream) == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var status: Int32 = Z_OK
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = deflate(&stream, Z_FINISH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            } while status == Z_OK
            precondition(status == Z_STREAM_END)
        }
        return out
    }
}
