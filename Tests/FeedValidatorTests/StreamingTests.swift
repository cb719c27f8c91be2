import FeedValidator
import FeedTestSupport
import Testing

@Suite("One pass over the events")
struct StreamingTests {
    @Test func feedingByteByByteGivesTheSameReportAsTheWholeDocument() throws {
        let fixture = try #require(Fixture.all.first { $0.name == "namespaces/itunes-requirement.bad.xml" })
        let whole = fixture.validate()
        let stream = FeedValidationStream(fileName: fixture.name, options: FeedValidatorOptions(now: Fixture.now))
        for byte in fixture.bytes { stream.feed([byte]) }
        #expect(stream.finish() == whole)
    }

    @Test func everyFindingIsReportedNotOnlyTheFirst() {
        let report = validate("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>A</title></entry>
              <entry><title>B</title></entry>
            </feed>
            """)
        // feed: id, title, updated; each entry: id, updated
        #expect(report.codes(.error).count { $0 == "missing-element" } == 7)
    }

    @Test func wellFormednessErrorsDoNotStopTheFormatRules() {
        let report = validate("""
            <rss version="2.0"><channel><title>T &amp A</title>
            <link>https://h.example/</link></channel></rss>
            """)
        #expect(report.codes().contains("not-well-formed"))
        #expect(report.codes().contains("missing-element"))
    }

    @Test func formatIsNamedAsTheParsedFeedContractNamesIt() {
        #expect(validate(#"<rss version="0.92"><channel/></rss>"#).format == "rss0.92")
        #expect(validate(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>"#).format == "rss1.0")
        #expect(validate(#"<entry xmlns="http://www.w3.org/2005/Atom"/>"#).format == "atom1.0")
        #expect(validate("<html><body/></html>").format == "unknown")
    }

    @Test func anAtomEntryDocumentNeedsItsOwnAuthor() {
        let entry = """
            <entry xmlns="http://www.w3.org/2005/Atom"><id>urn:x:1</id><title>T</title>
            <updated>2024-01-01T00:00:00Z</updated><content>c</content></entry>
            """
        #expect(validate(entry).codes() == ["missing-author"])
    }
}

@Suite("Hostile documents")
struct HostileDocumentTests {
    @Test func billionLaughsIsRefusedWithADiagnostic() {
        var declarations = "<!ENTITY a0 \"lol\">"
        for level in 1...9 { declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let report = validate("<!DOCTYPE rss [\(declarations)]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>")
        #expect(report.codes().contains("limit-exceeded"))
        #expect(!report.valid)
    }

    @Test func externalEntityIsRefusedAndNeverRead() {
        let report = validate("""
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """)
        #expect(report.codes().first == "limit-exceeded")
        #expect(!report.diagnostics.contains { $0.message.contains("root:") })
    }

    @Test func deepNestingStopsAtTheDepthLimit() {
        let report = validate("<rss version=\"2.0\"><channel><item>" + String(repeating: "<a>", count: 5000))
        #expect(report.codes().contains("limit-exceeded"))
    }

    @Test func emptyDocumentIsNotWellFormed() {
        let report = validate("")
        #expect(!report.valid)
        #expect(!report.diagnostics.isEmpty)
    }

    @Test func randomBytesGiveDiagnosticsNotACrash() {
        var generator = SeededRandom(seed: 0xFEED)
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let report = FeedValidator().validate(data: bytes, fileName: "noise.bin")
            #expect(!report.valid)
        }
    }

    @Test func jsonFeedIsNotValidatedAsXML() {
        let report = validate(#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}"#)
        #expect(report.codes() == ["not-a-feed"])
    }
}
