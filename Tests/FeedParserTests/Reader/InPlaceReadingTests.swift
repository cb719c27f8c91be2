import FeedModel
@testable import FeedParser
import FeedXML
import Testing

/// `parse(document:)` reads a `DocumentBuffer` in place; it must give what `parse(data:)` gives
/// for the same bytes, refusals included.
@Suite struct InPlaceReadingTests {
    private static let refusals = [
        "refusal/entity-bomb.xml", "refusal/xxe.xml", "refusal/xxe-parameter-entity.xml",
        "refusal/deep-nesting.xml", "refusal/html-page.html", "refusal/not-a-feed.xml",
    ]

    @Test(arguments: FixtureLoader.feedFixtures + refusals)
    func aFixtureReadInPlaceParsesAsItsCopyDoes(path: String) throws {
        let bytes = try FixtureLoader.bytes(path)
        let parser = FeedParser(options: FeedParserOptions(sanitize: true))
        let copied = Result { () throws(FeedParseError) in try parser.parse(data: bytes, baseURL: "https://example.org/feed") }
        let inPlace = Result { () throws(FeedParseError) in
            try parser.parse(document: DocumentBuffer(bytes), baseURL: "https://example.org/feed")
        }
        switch (copied, inPlace) {
        case (.success(let a), .success(let b)):
            #expect(a.feed == b.feed)
            #expect(a.diagnostics == b.diagnostics)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("one reading refused the document and the other did not: \(copied) against \(inPlace)")
        }
    }
}
