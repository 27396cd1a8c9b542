internal import CLibXML2

/// Parses HTML with libxml2's HTML parser (the parser lxml and trafilatura use) in SAX mode: no
/// tree is built in C, the events go straight to a `PageBuilder`. articled reads pages with its
/// own parser (`HTMLTokenizer`, about three times faster); this one is the oracle it is tested
/// against (`HTMLParserDifferentialTests`) and `eval-extraction --parser libxml2`.
///
/// The input is UTF-8 (the charset was settled before, `PageCharset`); the page's own charset
/// declarations are ignored (`HTML_PARSE_IGNORE_ENC`). Parse errors are recovered, never fatal,
/// and never printed. The parser context is owned by `ParserContext` and freed in its `deinit`.
enum LibXML2Parser {
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> PageDocument {
        let builder = PageBuilder()
        guard utf8.count > 0, utf8.count < Int(Int32.max) else { return builder.finish() }
        withExtendedLifetime(builder) {
            guard let context = ParserContext(utf8, builder: Unmanaged.passUnretained(builder).toOpaque()) else { return }
            context.run()
        }
        return builder.finish()
    }
}

/// One libxml2 HTML parser context with articled's SAX handler; freed when the value goes away.
private struct ParserContext: ~Copyable {
    private let context: htmlParserCtxtPtr

    init?(_ utf8: UnsafeBufferPointer<UInt8>, builder: UnsafeMutableRawPointer) {
        guard let base = utf8.baseAddress,
              let context = base.withMemoryRebound(to: CChar.self, capacity: utf8.count, { htmlCreateMemoryParserCtxt($0, Int32(utf8.count)) })
        else { return nil }
        self.context = context
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        htmlCtxtUseOptions(context, options)
        // The bytes are UTF-8 already: without this the parser guesses Latin-1 at the first
        // non-ASCII byte.
        xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        if let sax = context.pointee.sax {
            sax.pointee = htmlSAXHandler()
            sax.pointee.startElement = { user, name, attributes in
                guard let user, let name else { return }
                var list = TagAttributes()
                var i = 0
                while let attributes, let key = attributes[i] {
                    let value = attributes[i + 1]
                    i += 2
                    let start = list.bytes.count
                    var k = 0
                    while key[k] != 0 { list.bytes.append(key[k]); k += 1 }
                    let nameEnd = list.bytes.count
                    // An attribute written without a value (`<nav hidden>`) has the empty value.
                    k = 0
                    while let value, value[k] != 0 { list.bytes.append(value[k]); k += 1 }
                    list.commit(nameStart: start, nameEnd: nameEnd)
                }
                Unmanaged<PageBuilder>.fromOpaque(user).takeUnretainedValue().startElement(HTMLTag.named(name), list)
            }
            sax.pointee.endElement = { user, _ in
                guard let user else { return }
                Unmanaged<PageBuilder>.fromOpaque(user).takeUnretainedValue().endElement()
            }
            sax.pointee.characters = { user, bytes, count in
                guard let user, let bytes, count > 0 else { return }
                Unmanaged<PageBuilder>.fromOpaque(user).takeUnretainedValue().characters(bytes, Int(count))
            }
            sax.pointee.ignorableWhitespace = sax.pointee.characters
            sax.pointee.cdataBlock = { user, bytes, count in
                guard let user, let bytes, count > 0 else { return }
                Unmanaged<PageBuilder>.fromOpaque(user).takeUnretainedValue().cdata(bytes, Int(count))
            }
        }
        context.pointee.userData = builder
    }

    func run() { _ = htmlParseDocument(context) }

    deinit { htmlFreeParserCtxt(context) }
}
