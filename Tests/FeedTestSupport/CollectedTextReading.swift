import FeedXML

/// What the XML layer collects from a document, read as the feed reader reads it (each element's
/// text through an `XMLTextBuffer`), one line per event: every start tag with its position, each
/// element's text with the buffer's Latin-reference flag, every problem with its line and
/// column, and whether the parse stopped at bytes that are not UTF-8. Two readings of the same
/// bytes compare line by line (the tests and the fuzzer hold `readsTextAhead` to libxml2's own).
/// With `pieceSize`, the bytes are fed in pieces of that size before the parse is finished;
/// without, they are handed over whole.
public func collectedTextReading(_ bytes: [UInt8], readAhead: Bool, checksUTF8: Bool = false,
                                 pieceSize: Int? = nil) -> [String] {
    let log = CollectingLog()
    let parser = XMLStreamParser(handler: log, limits: XMLParseLimits(maxInputBytes: 1 << 24),
                                 documentName: "text.xml", textBuffer: log.buffer)
    parser.readsTextAhead = readAhead
    parser.checksUTF8 = checksUTF8
    if let pieceSize, pieceSize > 0 {
        parser.feed(bytes, inPiecesOf: pieceSize)
        parser.finish()
    } else {
        bytes.withUnsafeBytes { parser.finish(last: $0) }
    }
    log.lines.append("malformed \(parser.sawMalformedUTF8)")
    return log.lines
}

private final class CollectingLog: XMLEventHandler {
    let buffer = XMLTextBuffer()
    var lines: [String] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        flush()
        lines.append("start \(name) at \(location.position)")
        buffer.begin(escapingMarkup: false, droppingWhitespaceRuns: false)
    }

    func endElement(_ name: XMLName) {
        flush()
        lines.append("end \(name)")
    }

    func characters(_ text: XMLCharacters) {
        lines.append("characters \(text.string)")
    }

    func problem(_ problem: XMLProblem) {
        flush()
        lines.append("problem \(problem)")
    }

    private func flush() {
        if buffer.isCollecting, buffer.count > 0 {
            lines.append("text " + String(decoding: buffer.bytes, as: UTF8.self) + " latin \(buffer.sawLatinReference)")
        }
        buffer.removeAll()
    }
}

extension XMLStreamParser {
    /// Feeds `bytes` in pieces of `size` bytes, as a document arriving over a network would come.
    public func feed(_ bytes: [UInt8], inPiecesOf size: Int) {
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            feed(bytes[offset..<end])
            offset = end
        }
    }
}
