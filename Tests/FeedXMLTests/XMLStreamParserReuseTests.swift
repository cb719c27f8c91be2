import FeedTestSupport
import FeedXML
import Testing

/// Parses `document` with a parser of its own and returns what the handler saw.
private func events(_ document: String, limits: XMLParseLimits = XMLParseLimits()) -> [String] {
    let log = EventLog()
    let parser = XMLStreamParser(handler: log, limits: limits, documentName: "reuse.xml")
    parser.feed(Array(document.utf8))
    parser.finish()
    return log.lines
}

/// Parsers take their libxml2 context from a pool that earlier parses returned to; these tests
/// read documents one after another and check that nothing of one reaches the next.
@Suite struct XMLStreamParserReuseTests {
    private let feedWithPrefixes = """
        <a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:b="urn:other"><a:title>One</a:title><b:title>Two</b:title></a:feed>
        """

    @Test func theSameNamesUnderOtherPrefixesKeepTheirOwnNamespaces() {
        _ = events(feedWithPrefixes)
        let second = events("""
            <b:feed xmlns:b="http://www.w3.org/2005/Atom" xmlns:a="urn:other"><a:title>Three</a:title></b:feed>
            """)
        #expect(second == [
            "start {http://www.w3.org/2005/Atom}feed []",
            "start {urn:other}title []",
            "text Three",
            "end title",
            "end feed",
        ])
    }

    @Test func aDocumentAfterOneStoppedByALimitReadsInFull() {
        let deep = String(repeating: "<x>", count: 50)
        let stopped = events(deep, limits: XMLParseLimits(maxDepth: 10))
        #expect(stopped.contains { $0.hasPrefix("problem limitExceeded") })
        let after = events("<rss><channel><title>Calm</title></channel></rss>")
        #expect(after == [
            "start {}rss []", "start {}channel []", "start {}title []", "text Calm", "end title",
            "end channel", "end rss",
        ])
    }

    @Test func aRootAfterALongPrologueIsPlacedAlikeByANewContextAndAPooledOne() {
        // A long processing instruction, then a root start tag over several lines, fed in small
        // pieces. A new context (one for input that is not UTF-8 is never pooled) used to shrink
        // its input in the prologue and lose the start of the line, placing the root at 1:105.
        let document = "<?note " + String(repeating: "p", count: 1500) + "?><rss version=\"2.0\"\n\txmlns:a=\"urn:a\"\n"
            + "\txmlns:b=\"urn:b\"\n\t><channel><title>T</title></channel></rss>\n"
        func rootPosition(inputIsUTF8: Bool) -> SourcePosition? {
            let log = RootPosition()
            let parser = XMLStreamParser(handler: log, documentName: "prologue.xml", inputIsUTF8: inputIsUTF8)
            let bytes = Array(document.utf8)
            parser.feed(bytes, inPiecesOf: 7)
            parser.finish()
            return log.root
        }
        _ = events("<rss><channel><title>Before</title></channel></rss>")
        #expect(rootPosition(inputIsUTF8: false) == SourcePosition(line: 1, column: 1510))
        #expect(rootPosition(inputIsUTF8: true) == SourcePosition(line: 1, column: 1510))
    }

    @Test func problemsAfterAnEarlierDocumentCountLinesFromTheirOwnStart() {
        _ = events("<doc>\n\n\n\n\n\n\n\n<fine/>\n</doc>")
        let broken = events("<doc>\n<open>\n</doc>")
        let problemLines = broken.filter { $0.hasPrefix("problem") }
        #expect(!problemLines.isEmpty)
        #expect(problemLines.allSatisfy { $0.hasSuffix(" at 3") })
    }

    @Test func anEntityDeclaredInOneDocumentIsUnknownToTheNext() {
        let declaring = events("""
            <!DOCTYPE doc [<!ENTITY greeting "hello">]><doc>&greeting;</doc>
            """)
        #expect(declaring.contains("text hello"))
        let using = events("<doc>&greeting;</doc>")
        #expect(!using.contains("text hello"))
        #expect(using.contains { $0.hasPrefix("problem") })
    }

    @Test func attributesAreFoundByNameAfterAnEarlierDocument() {
        _ = events(#"<feed><link href="/one" rel="self"/></feed>"#)
        let log = AttributeProbe()
        let parser = XMLStreamParser(handler: log, documentName: "probe.xml")
        parser.feed(Array(#"<feed><link rel="alternate" type="text/html" href="/two"/></feed>"#.utf8))
        parser.finish()
        #expect(log.found == ["feed": [nil, nil, nil], "link": ["/two", "alternate", "text/html"]])
    }
}

/// Looks attributes up by name, the way the feed reader does.
private final class AttributeProbe: XMLEventHandler {
    var found: [String: [String?]] = [:]
    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        found[name.localName] = [attributes.value(of: "href"), attributes.value(of: "rel"), attributes.value(of: "type")]
    }
    func endElement(_ name: XMLName) {}
    func characters(_ text: XMLCharacters) {}
    func problem(_ problem: XMLProblem) {}
}

/// Where the first start tag stands.
private final class RootPosition: XMLEventHandler {
    var root: SourcePosition?
    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        if root == nil { root = location.position }
    }
    func endElement(_ name: XMLName) {}
    func characters(_ text: XMLCharacters) {}
    func problem(_ problem: XMLProblem) {}
}
