import FeedModel
import FeedParser
import FeedWriter
import Testing

@Suite("RSS 2.0 writer")
struct RSS2WriterTests {
    let writer = RSS2Writer()

    @Test func handBuiltFeedMatchesItsSnapshot() throws {
        let bytes = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        Snapshot.expectMatches(bytes, named: "sample.rss.xml")
    }

    @Test func handBuiltFeedReadsBackCleanly() throws {
        let feed = try Written.parsed(try writer.document(SampleFeed.feed, entries: SampleFeed.entries))
        #expect(feed.format == .rss20)
        #expect(feed.entries.count == SampleFeed.entries.count)
        #expect(feed.links.contains(Link(href: "https://example.org/feeds/atom.xml", rel: "self", type: "application/atom+xml")))
    }

    @Test func sameInputGivesSameBytes() throws {
        let first = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        #expect(first == (try writer.document(SampleFeed.feed, entries: SinglePassEntries(SampleFeed.entries))))
    }

    @Test(arguments: [
        ("2017-01-09T22:30:00.25Z", "Mon, 09 Jan 2017 22:30:00 GMT"),
        ("1969-12-31T23:59:59Z", "Wed, 31 Dec 1969 23:59:59 GMT"),
        ("1900-01-01T00:00:00Z", "Mon, 01 Jan 1900 00:00:00 GMT"),
        ("2000-02-29T12:00:00+05:30", "Tue, 29 Feb 2000 06:30:00 GMT"),
    ])
    func datesAreRFC822InGMTWithoutAFraction(rfc3339: String, rfc822: String) throws {
        let entry = Entry(id: "x", published: SampleFeed.date(rfc3339))
        #expect(try Written.text(writer, Feed(format: .rss20), [entry]).contains("<pubDate>\(rfc822)</pubDate>"))
    }

    @Test func theFirstAuthorWithAnEmailIsTheAuthorAndTheOthersAreCreators() throws {
        let entry = Entry(authors: [Person(name: "Zoë Li"), Person(name: "Jane Doe", email: "jane@example.org"),
                                    Person(name: "Sam", email: "sam@example.org"), Person(uri: "https://example.org/nobody")],
                          contributors: [Person(name: "Ed")])
        let text = try Written.text(writer, Feed(format: .rss20), [entry])
        #expect(text.contains("""
                  <dc:creator>Zoë Li</dc:creator>
                  <author>jane@example.org (Jane Doe)</author>
                  <dc:creator>sam@example.org (Sam)</dc:creator>
                  <dc:contributor>Ed</dc:contributor>
            """))
        #expect(!text.contains("nobody"))
    }

    @Test func theGuidIsAPermalinkOnlyWhenItIsTheLink() throws {
        let entries = [Entry(id: "https://example.org/a", links: [Link(href: "https://example.org/a")]),
                       Entry(id: "tag:example.org,2017:b", links: [Link(href: "https://example.org/b")])]
        let text = try Written.text(writer, Feed(format: .rss20), entries)
        #expect(text.contains("<guid>https://example.org/a</guid>"))
        #expect(text.contains("<guid isPermaLink=\"false\">tag:example.org,2017:b</guid>"))
    }

    @Test func anEnclosureStatesItsLengthAndTypeEvenWhenUnknown() throws {
        let entry = Entry(links: [Link(href: "https://example.org/a.bin", rel: "enclosure"),
                                  Link(href: "https://example.org/b.mp3", rel: "enclosure", type: "audio/mpeg", length: 42)])
        let text = try Written.text(writer, Feed(format: .rss20), [entry])
        #expect(text.contains("<enclosure url=\"https://example.org/a.bin\" length=\"0\" type=\"application/octet-stream\"/>"))
        // RSS has one enclosure per item; the next ones go to atom:link.
        #expect(text.contains("<atom:link rel=\"enclosure\" href=\"https://example.org/b.mp3\" type=\"audio/mpeg\" length=\"42\"/>"))
    }

    @Test func plainTextIsEscapedIntoHTMLWhereRSSHoldsHTML() throws {
        let entry = Entry(summary: Text("a < b & c"), content: Content("x <y>"))
        let bytes = try writer.document(Feed(format: .rss20), entries: [entry])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<description>a &amp;lt; b &amp;amp; c</description>"))
        #expect(text.contains("<content:encoded>x &amp;lt;y&amp;gt;</content:encoded>"))
        let read = try #require(try Written.parsed(bytes).entries.first)
        #expect(read.summary == Text("a &lt; b &amp; c", type: .html))
    }

    @Test func contentRSSCannotHoldIsLeftOut() throws {
        let entries = [Entry(id: "a", content: Content("", type: "video/mp4", src: "https://example.org/v.mp4")),
                       Entry(id: "b", content: Content("iVBORw0KGgo=", type: "image/png"))]
        #expect(!(try Written.text(writer, Feed(format: .rss20), entries)).contains("content:encoded"))
    }

    @Test func theChannelLanguageComesBeforeItsTexts() throws {
        var feed = Feed(format: .rss20, title: Text("Titre"))
        feed.language = "fr"
        let read = try Written.parsed(try writer.document(feed, entries: []))
        #expect(read.title == Text("Titre", lang: "fr"))
    }
}
