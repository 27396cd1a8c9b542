import ArticleAnalysis
internal import CZlib

/// Inflates gzip data (RFC 1952, several members allowed) with a cap on the inflated size, so a
/// gzip bomb is refused at the cap instead of filling memory.
///
/// The zlib stream state is owned by `InflateStream`, a `~Copyable` value that ends it in `deinit`.
public enum Gunzip {
    /// True when `bytes` start with the gzip magic number (1F 8B).
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The inflated bytes; `.inflatesTooLarge` as soon as more than `limit` bytes come out,
    /// `.badCompression` when the data is not valid gzip.
    public static func inflate(_ bytes: [UInt8], limit: Int) throws(AnalysisError) -> [UInt8] {
        var stream = try InflateStream()
        return try stream.inflate(bytes, limit: limit)
    }
}

/// One zlib inflate stream set up for gzip; ended when the value goes away.
struct InflateStream: ~Copyable {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(AnalysisError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard articled_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            throw .badCompression("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    mutating func inflate(_ bytes: [UInt8], limit: Int) throws(AnalysisError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(min(limit, max(4096, bytes.count * 6)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let result: Result<Void, AnalysisError> = bytes.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = uInt(buffer.count)
                    return CZlib.inflate(stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                if out.count + produced > limit { return .failure(.inflatesTooLarge(limit: limit)) }
                out.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (concatenated .gz files are valid gzip).
                    if stream.pointee.avail_in == 0 { return .success(()) }
                    guard inflateReset(stream) == Z_OK else { return .failure(.badCompression("zlib could not go on to the next member")) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.pointee.avail_in == 0 { return .failure(.badCompression("the gzip data is cut off")) }
                    continue
                default:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(.badCompression("the gzip data is corrupt (\(message))"))
                }
            }
        }
        try result.get()
        return out
    }
}
