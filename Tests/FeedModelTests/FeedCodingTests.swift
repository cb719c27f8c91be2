import FeedModel
import Foundation
import Testing

@Suite("The parsed-feed JSON form of the model")
struct FeedCodingTests {
    private func encode(_ feed: Feed) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(feed), as: UTF8.self)
    }

    @Test func omitsAbsentFieldsAndEmptyLists() throws {
        let feed = Feed(format: .atom10, entries: [Entry(title: Text("Hello"))])
        #expect(try encode(feed)
            == #"{"encoding":"utf-8","entries":[{"title":{"type":"text","value":"Hello"}}],"format":"atom1.0","wellFormed":true}"#)
    }

    @Test func alwaysWritesWellFormedAndEncoding() throws {
        let json = try encode(Feed(format: .rss20, wellFormed: false, encoding: "windows-1252"))
        #expect(json == #"{"encoding":"windows-1252","format":"rss2.0","wellFormed":false}"#)
    }

    @Test func writesDatesAsUTCStrings() throws {
        var entry = Entry()
        entry.published = Timestamp(year: 2017, month: 1, day: 9, hour: 22, minute: 30)
        let json = try encode(Feed(format: .rss20, entries: [entry]))
        #expect(json.contains(#""published":"2017-01-09T22:30:00Z""#))
    }

    @Test func writesLinkRelationAndLengthAsTheContractSays() throws {
        let link = Link(href: "https://example.org/a.mp3", rel: "enclosure", type: "audio/mpeg", length: 1234)
        let json = try encode(Feed(format: .rss20, links: [link]))
        #expect(json.contains(#"{"href":"https://example.org/a.mp3","length":1234,"rel":"enclosure","type":"audio/mpeg"}"#))
    }

    @Test func leavesAnEmptySourceOut() throws {
        let json = try encode(Feed(format: .atom10, entries: [Entry(id: "x", source: Source())]))
        #expect(!json.contains("source"))
    }

    @Test func roundTripsThroughJSON() throws {
        var entry = Entry(id: "tag:example.org,2024:1", title: Text("<b>Bold</b>", type: .html, lang: "en"))
        entry.links = [Link(href: "https://example.org/1")]
        entry.authors = [Person(name: "Ada", email: "ada@example.org")]
        entry.content = Content("<p>Hi</p>", type: "xhtml")
        entry.categories = [Category(term: "swift", scheme: "https://example.org/tags", label: "Swift")]
        entry.source = Source(id: "urn:x", title: Text("Origin"))
        entry.updated = Timestamp(year: 2024, month: 5, day: 1, hour: 8)
        let feed = Feed(format: .atom10, id: "urn:feed", title: Text("T"), ttl: 60, entries: [entry])
        let data = try JSONEncoder().encode(feed)
        #expect(try JSONDecoder().decode(Feed.self, from: data) == feed)
    }
}
