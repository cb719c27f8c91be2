import FeedTestSupport
import FeedXML
import Testing

/// `finish(last:)` hands libxml2 the rest of a document as its last piece; what the handler sees
/// must be what feeding the same bytes piece by piece and then finishing gives.
@Suite struct XMLStreamParserWholeDocumentTests {
    private func eventsFedInPieces(_ bytes: [UInt8], pieceSize: Int = 1000) -> [String] {
        let log = EventLog()
        let parser = XMLStreamParser(handler: log, documentName: "pieces.xml")
        parser.feed(bytes, inPiecesOf: pieceSize)
        parser.finish()
        return log.lines
    }

    private func eventsHandedOverWhole(_ bytes: [UInt8], limits: XMLParseLimits = XMLParseLimits()) -> [String] {
        let log = EventLog()
        let parser = XMLStreamParser(handler: log, limits: limits, documentName: "whole.xml")
        bytes.withUnsafeBytes { parser.finish(last: $0) }
        return log.lines
    }

    private func feed(entries: Int) -> [UInt8] {
        var text = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Many</title>"
        for i in 0..<entries {
            text += "<entry><id>urn:entry:\(i)</id><title type=\"html\">Entry &lt;b&gt;\(i)&lt;/b&gt;</title>"
            text += "<content><![CDATA[Body of entry \(i), long enough to fill the buffer.]]></content></entry>"
        }
        return Array((text + "</feed>").utf8)
    }

    @Test func aSmallDocumentHandedOverWholeGivesTheSameEvents() {
        let bytes = feed(entries: 40)
        #expect(eventsHandedOverWhole(bytes) == eventsFedInPieces(bytes))
    }

    @Test func aDocumentLongerThanOneCallTakesGivesTheSameEvents() {
        // Over 4 MiB: the head goes in chunks, the last 64 KiB in the final call.
        let bytes = feed(entries: 30_000)
        #expect(bytes.count > 4 << 20)
        let whole = eventsHandedOverWhole(bytes)
        #expect(whole.count > 30_000 * 8)
        #expect(whole == eventsFedInPieces(bytes, pieceSize: 64 * 1024))
    }

    @Test func aDocumentCutShortReportsWhatIsMissingWhenHandedOverWhole() {
        let bytes = Array("<rss><channel><title>Cut".utf8)
        let whole = eventsHandedOverWhole(bytes)
        #expect(whole.contains { $0.hasPrefix("problem libxml2") })
        #expect(whole == eventsFedInPieces(bytes))
        #expect(whole.suffix(3) == ["end title", "end channel", "end rss"])
    }

    @Test func theInputSizeLimitHoldsForADocumentHandedOverWhole() {
        let whole = eventsHandedOverWhole(feed(entries: 40), limits: XMLParseLimits(maxInputBytes: 1000))
        #expect(whole.count == 1)
        #expect(whole.first?.hasPrefix("problem limitExceeded") == true)
    }
}
