import FeedTestSupport
@testable import FeedXML
import Testing

/// `finish(last:from:)` with a `DocumentBuffer` lets libxml2 read the document where it lies;
/// the handler must see what it sees when the same bytes are fed piece by piece.
@Suite struct XMLStreamParserInPlaceTests {
    private func eventsFedInPieces(_ text: String) -> [String] {
        let log = EventLog()
        let parser = XMLStreamParser(handler: log, documentName: "doc.xml")
        let bytes = Array(text.utf8)
        parser.feed(bytes, inPiecesOf: 100)
        parser.finish()
        return log.lines
    }

    private func eventsReadInPlace(_ text: String, from start: Int = 0) -> [String] {
        let log = EventLog()
        let parser = XMLStreamParser(handler: log, documentName: "doc.xml")
        parser.finish(last: DocumentBuffer(Array(text.utf8)), from: start)
        return log.lines
    }

    @Test func aFeedReadInPlaceGivesTheEventsOfItsPieces() {
        var text = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Caf\u{E9}</title>"
        for i in 0..<50 {
            text += "<entry><title type=\"html\">&lt;b&gt;\(i)&lt;/b&gt; \u{2014} na\u{EF}ve</title>"
            text += "<content><![CDATA[<p>Entry \(i) \u{FC}ber alles</p>]]></content></entry>"
        }
        text += "</feed>\n"
        let inPlace = eventsReadInPlace(text)
        #expect(inPlace.count > 50 * 6)
        #expect(inPlace == eventsFedInPieces(text))
    }

    @Test func aLongProcessingInstructionNearTheEndOfTheDocumentIsReadAsItIsWritten() {
        let text = "<?xml version=\"1.0\"?>\n<?note " + String(repeating: "x", count: 1500) + " ?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><title>\u{E9}</title></entry></feed>"
        let inPlace = eventsReadInPlace(text)
        #expect(inPlace.contains("text T"))
        #expect(inPlace == eventsFedInPieces(text))
    }

    /// `declaration`, a comment long enough to put what follows past libxml2's first chunk, and
    /// an internal subset declaring eight entities, the last of them used in the root.
    private func documentWithSubset(after declaration: String) -> String {
        var text = declaration + "\n<!-- " + String(repeating: "z", count: 600) + " -->\n<!DOCTYPE rss [\n"
        for i in 0..<8 { text += "  <!ENTITY e\(i) \"value \(i)\">\n" }
        return text + "]>\n<rss><channel><title>&e7;</title></channel></rss>\n"
    }

    @Test func aDocumentTypeDeclarationNearTheEndOfTheDocumentIsReadAsItIsWritten() {
        let text = documentWithSubset(after: "<?xml version=\"1.0\"?>")
        let inPlace = eventsReadInPlace(text)
        #expect(inPlace.contains("text value 7"))
        #expect(inPlace == eventsFedInPieces(text))
    }

    @Test func aDocumentTypeDeclarationAfterAMalformedXMLDeclarationIsReadAsItIsWritten() {
        // libxml2 skips a malformed declaration to its first `>` and reads the subset after it.
        let text = documentWithSubset(after: "<?xml version=\"1.0\"/>")
        let inPlace = eventsReadInPlace(text)
        #expect(inPlace.contains("text value 7"))
        #expect(inPlace == eventsFedInPieces(text))
    }

    @Test func aDocumentReadInPlaceFromAnOffsetStartsThere() {
        let text = "\u{FEFF}<rss><channel><title>T</title></channel></rss>"
        #expect(eventsReadInPlace(text, from: 3) == eventsFedInPieces("<rss><channel><title>T</title></channel></rss>"))
    }

    @Test func aDocumentBufferHoldsAZeroAfterItsBytes() {
        let buffer = DocumentBuffer(Array("<a/>".utf8))
        #expect(buffer.bytes == Array("<a/>".utf8))
        #expect(buffer.withTerminatedBytes(from: 1) { base, count in count == 3 && base[count] == 0 } == true)
        #expect(buffer.withTerminatedBytes(from: 4) { _, _ in true } == nil)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE x> -->\n<?pi <!DOCTYPE?>\n<rss/>", false),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss>\n<rss/>", true),
        ("  <!-- c --><!ENTITY x \"y\"><rss/>", true),
        ("<rss><!DOCTYPE no></rss>", false),
        ("<!-- never closed <!DOCTYPE", true),
        ("<?xml version=\"1.0\"/>\n<!-- c -->\n<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss/>", true),
        ("<?xml version=\"1.0\"?><?pi never closed", true),
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet href=\"s.xsl\"?><feed/>", false),
        ("", false),
    ])
    func aDocumentTypeDeclarationIsFoundOnlyInThePrologue(text: String, declares: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer(XMLStreamParser.prologueMayDeclareDocumentType) == declares)
    }
}
