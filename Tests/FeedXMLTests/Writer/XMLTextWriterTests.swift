import FeedXML
import Testing

/// The libxml2 text writer wrapper: the bytes it writes, its escaping, how it streams, and how it
/// fails.
@Suite("XML text writer")
struct XMLTextWriterTests {
    /// Collects what the writer hands to its sink.
    final class Collected {
        var bytes: [UInt8] = []
        var chunkSizes: [Int] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func write(threshold: Int = 64 * 1024, indent: Bool = true,
                      _ body: (XMLTextWriter) throws -> Void) throws -> Collected {
        let collected = Collected()
        let writer = try XMLTextWriter(indent: indent, flushThreshold: threshold) { chunk in
            collected.bytes.append(contentsOf: chunk)
            collected.chunkSizes.append(chunk.count)
        }
        try body(writer)
        return collected
    }

    @Test func writesAnIndentedDocumentWithNamespacesAttributesAndEmptyElements() throws {
        let out = try Self.write { w in
            try w.startDocument()
            try w.startElement("feed", namespace: "http://www.w3.org/2005/Atom")
            try w.declareNamespace("http://purl.org/syndication/history/1.0", prefix: "fh")
            try w.attribute("xml:lang", "en")
            try w.startElement("fh:archive")
            try w.endElement()
            try w.element("title", text: "Moss")
            try w.startElement("link")
            try w.attribute("rel", "self")
            try w.attribute("href", "https://example.org/feed.xml")
            try w.endElement()
            try w.endDocument()
        }
        #expect(out.text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="en">
              <fh:archive/>
              <title>Moss</title>
              <link rel="self" href="https://example.org/feed.xml"/>
            </feed>

            """)
    }

    @Test func escapesMarkupCharactersInTextAndAttributes() throws {
        let out = try Self.write(indent: false) { w in
            try w.startElement("e")
            try w.attribute("a", "x & y < z > \"q\" 'p'")
            try w.text("Fish & Chips <b> \"quoted\" ]]> done")
            try w.endDocument()
        }
        #expect(out.text == "<e a=\"x &amp; y &lt; z &gt; &quot;q&quot; 'p'\">"
            + "Fish &amp; Chips &lt;b&gt; &quot;quoted&quot; ]]&gt; done</e>\n")
    }

    @Test func keepsNonASCIITextAndAttributesAsUTF8() throws {
        let out = try Self.write(indent: false) { w in
            try w.startElement("t")
            try w.attribute("label", "Zoë 😀")
            try w.text("Zürich 中文 😀 مرحبا")
            try w.endDocument()
        }
        #expect(out.text == "<t label=\"Zoë 😀\">Zürich 中文 😀 مرحبا</t>\n")
    }

    @Test func leavesOutCharactersXMLCannotCarry() throws {
        let out = try Self.write(indent: false) { w in
            try w.startElement("t")
            try w.attribute("a", "b\u{0}e\u{1B}l")
            try w.text("tab\tline\nbell\u{7}nul\u{0}\u{FFFE}\u{FFFF}end")
            try w.endDocument()
        }
        #expect(out.text == "<t a=\"bel\">tab\tline\nbellnulend</t>\n")
    }

    @Test func carriageReturnsSurviveAsCharacterReferences() throws {
        // A literal CR would be read back as a line feed (XML's end-of-line handling).
        let out = try Self.write(indent: false) { w in
            try w.element("t", text: "a\r\nb")
            try w.endDocument()
        }
        #expect(out.text == "<t>a&#13;\nb</t>\n")
    }

    @Test func cdataSplitsTheSectionAtEachSectionEnd() throws {
        let out = try Self.write(indent: false) { w in
            try w.startElement("t")
            try w.cdata("a]]>b<c>&")
            try w.endDocument()
        }
        #expect(out.text == "<t><![CDATA[a]]]]><![CDATA[>b<c>&]]></t>\n")
    }

    @Test func rawMarkupIsCopiedUnchanged() throws {
        let out = try Self.write { w in
            try w.startElement("content")
            try w.attribute("type", "xhtml")
            try w.startElement("div", namespace: "http://www.w3.org/1999/xhtml")
            try w.raw("<p>One &amp; <b>two</b></p>")
            try w.endElement()
            try w.endDocument()
        }
        #expect(out.text == """
            <content type="xhtml">
              <div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <b>two</b></p></div>
            </content>

            """)
    }

    @Test func streamsTheDocumentInChunksNearTheThreshold() throws {
        let threshold = 4096
        let out = try Self.write(threshold: threshold) { w in
            try w.startElement("items")
            for i in 0..<2000 { try w.element("item", text: "entry number \(i) with some text") }
            try w.endDocument()
        }
        #expect(out.bytes.count > 20 * threshold)
        #expect(out.chunkSizes.count > 10)
        // libxml2 hands over at most about 16 KB at a time, so no chunk grows far past the threshold.
        #expect(out.chunkSizes.allSatisfy { $0 <= threshold + 20 * 1024 })
        #expect(out.chunkSizes.dropLast().allSatisfy { $0 >= threshold })
    }

    @Test func nothingReachesTheSinkBeforeTheThresholdOrAFlush() throws {
        let collected = Collected()
        let writer = try XMLTextWriter(flushThreshold: 1 << 20) { collected.bytes.append(contentsOf: $0) }
        try writer.startElement("a")
        try writer.text(String(repeating: "x", count: 10_000))
        #expect(collected.bytes.isEmpty)
        try writer.flush()
        #expect(collected.bytes.count >= 10_000)
        #expect(writer.bytesWritten == collected.bytes.count)
    }

    struct DiskFull: Error {}

    @Test func aFailingSinkStopsTheDocumentWithItsError() throws {
        let writer = try XMLTextWriter(flushThreshold: 100) { _ in throw DiskFull() }
        try writer.startElement("a")
        let error = #expect(throws: XMLWriterError.self) {
            for _ in 0..<100 { try writer.element("b", text: "some text to pass the threshold") }
        }
        guard case .sink(let underlying)? = error else {
            Issue.record("expected the sink's error, got \(String(describing: error))")
            return
        }
        #expect(underlying is DiskFull)
        // Later calls keep failing instead of writing on.
        #expect(throws: XMLWriterError.self) { try writer.element("c", text: "more") }
    }

    final class CallCount { var calls = 0 }

    @Test func aSinkThatFailedIsNotCalledAgain() throws {
        let count = CallCount()
        let writer = try XMLTextWriter(flushThreshold: 10) { _ in
            count.calls += 1
            throw DiskFull()
        }
        try writer.startElement("a")
        for _ in 0..<20 { _ = try? writer.element("b", text: "enough text to pass the threshold") }
        _ = try? writer.flush()
        _ = try? writer.endDocument()
        #expect(count.calls == 1)
    }

    @Test func endingAnElementThatIsNotOpenIsAMisuse() throws {
        let writer = try XMLTextWriter { _ in }
        #expect(throws: XMLWriterError.self) { try writer.endElement() }
    }

    @Test func writingAfterTheDocumentEndedIsAMisuse() throws {
        let writer = try XMLTextWriter { _ in }
        try writer.element("a", text: "b")
        try writer.endDocument()
        #expect(throws: XMLWriterError.self) { try writer.startElement("c") }
    }

    @Test func anUnfinishedDocumentNeverReachesTheSinkWhenTheWriterGoesAway() throws {
        let collected = Collected()
        do {
            let writer = try XMLTextWriter { collected.bytes.append(contentsOf: $0) }
            try writer.startElement("a")
            try writer.text("half a document")
        }
        #expect(collected.bytes.isEmpty)
    }

    @Test func sameCallsGiveSameBytes() throws {
        func document() throws -> [UInt8] {
            try Self.write { w in
                try w.startDocument()
                try w.startElement("r")
                for i in 0..<50 { try w.element("i", text: "v\(i) & <\(i)>") }
                try w.endDocument()
            }.bytes
        }
        #expect(try document() == document())
    }
}

@Suite("XML fragment check")
struct XMLFragmentTests {
    @Test(arguments: ["", "text", "<p>One &amp; <b>two</b></p>", "<br/>a<br />", "&#x1F600; &lt;",
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>",
                      "<x:y xmlns:x=\"urn:x\"/>"])
    func acceptsWellFormedContent(markup: String) {
        #expect(XMLFragment.isWellFormed(markup))
    }

    @Test(arguments: ["<p>unclosed", "</fragment><fragment>", "a < b", "caf&eacute;", "<b></i>", "a & b",
                      "<x:y/>", "]]>", "<!DOCTYPE x>", "x</fragment><!-- -->"])
    func refusesWhatWouldBreakTheDocument(markup: String) {
        #expect(!XMLFragment.isWellFormed(markup))
    }
}

@Suite("XML attribute escaping")
struct XMLAttributeEscapingTests {
    @Test func escapesOnlyWhatADoubleQuotedAttributeNeeds() {
        #expect(XMLAttributeEscaping.escaped("Zoë & <Li> \"q\" 'a'\t\n\r") == "Zoë &amp; &lt;Li&gt; &quot;q&quot; 'a'&#9;&#10;&#13;")
        #expect(XMLAttributeEscaping.escaped("plain 中文") == "plain 中文")
    }
}
