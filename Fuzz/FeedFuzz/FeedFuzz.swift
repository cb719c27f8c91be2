import FeedParser
import FeedTestSupport
import FeedXML

/// libFuzzer entry point: every input must parse or be refused with an error, never crash, hang
/// or leak, and the readings that must agree do (a document read in place and its copy; text
/// read ahead of libxml2 and libxml2's own). Built as a plain (do-nothing) program by
/// `swift build`; for fuzzing:
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
    // Whole, and fed in pieces (libxml2 then holds part of the document at a time).
    for (checksUTF8, pieceSize) in [(false, nil), (true, nil), (false, 7), (true, 61)] as [(Bool, Int?)] {
        if collectedTextReading(bytes, readAhead: true, checksUTF8: checksUTF8, pieceSize: pieceSize)
            != collectedTextReading(bytes, readAhead: false, checksUTF8: checksUTF8, pieceSize: pieceSize) {
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
