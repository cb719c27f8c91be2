import FeedParser
import FeedXML

/// libFuzzer entry point: every input must parse or be refused with an error, never crash, hang
/// or leak. Built as a plain (do-nothing) program by `swift build`; for fuzzing:
///
///     swift build -c debug --product FeedFuzz --scratch-path .build-fuzz \
///         --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
///     SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FeedFuzz Fuzz/corpus -max_total_time=300
@_cdecl("LLVMFuzzerTestOneInput")
public func feedFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = FeedParserOptions(sanitize: true)
    options.limits.maxInputBytes = 1 << 20
    let parser = FeedParser(options: options)
    let copied = Result { () throws(FeedParseError) in try parser.parse(data: bytes, baseURL: "https://fuzz.example/feed") }
    // Read in place (libxml2 reading the caller's bytes), the document must parse to the same.
    let inPlace = Result { () throws(FeedParseError) in
        try parser.parse(document: DocumentBuffer(bytes), baseURL: "https://fuzz.example/feed")
    }
    switch (copied, inPlace) {
    case (.success(let a), .success(let b)):
        if a.feed != b.feed || a.diagnostics != b.diagnostics { fatalError("in-place parse differs") }
    case (.failure(let a), .failure(let b)):
        if a != b { fatalError("in-place parse fails differently") }
    default:
        fatalError("in-place parse succeeds where the copy fails, or the other way round")
    }
    // The XML layer reading text after references itself must give libxml2's own reading.
    for checksUTF8 in [false, true] {
        if collectedText(bytes, readAhead: true, checksUTF8: checksUTF8)
            != collectedText(bytes, readAhead: false, checksUTF8: checksUTF8) {
            fatalError("text read ahead of libxml2 differs from libxml2's reading")
        }
    }
    // The streaming parser must agree that the input is safe to read piece by piece.
    let stream = FeedStreamParser(options: options) { _ in }
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + 7)
        if (try? stream.feed(Array(bytes[offset..<end]))) == nil { return 0 }
        offset = end
    }
    _ = try? stream.finish()
    return 0
}

/// Every element's text, collected as the feed reader collects it, with every problem and the
/// position of each start tag.
private func collectedText(_ bytes: [UInt8], readAhead: Bool, checksUTF8: Bool) -> [String] {
    let log = CollectingLog()
    let parser = XMLStreamParser(handler: log, limits: XMLParseLimits(maxInputBytes: 1 << 20), textBuffer: log.buffer)
    parser.readsTextAhead = readAhead
    parser.checksUTF8 = checksUTF8
    bytes.withUnsafeBytes { parser.finish(last: $0) }
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
