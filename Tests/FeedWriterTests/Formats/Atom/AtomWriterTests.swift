import FeedModel
import FeedParser
import FeedWriter
import Testing

@Suite("Atom writer")
struct AtomWriterTests {
    let writer = AtomWriter()

    @Test func handBuiltFeedMatchesItsSnapshot() throws {
        let bytes = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        Snapshot.expectMatches(bytes, named: "sample.atom.xml")
    }

    @Test func handBuiltFeedReadsBackCleanly() throws {
        let feed = try Written.parsed(try writer.document(SampleFeed.feed, entries: SampleFeed.entries))
        #expect(feed.format == .atom10)
        #expect(feed.entries.count == SampleFeed.entries.count)
        #expect(feed.generator == SampleFeed.feed.generator)
        #expect(feed.entries[1].content == Content("<p>Inline <em>XHTML</em> &amp; a <br /> break.</p>", type: "xhtml",
                                                   lang: "en-GB"))
        #expect(feed.entries[2].source?.title == Text("Origin News", lang: "en"))
    }

    @Test func sameInputGivesSameBytesWhetherEntriesAreAnArrayOrAStream() throws {
        let first = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        let second = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        let streamed = try writer.document(SampleFeed.feed, entries: SinglePassEntries(SampleFeed.entries))
        #expect(first == second)
        #expect(first == streamed)
    }

    @Test func aFeedsOwnEntriesAreWrittenWhenNoneAreGivenApart() throws {
        var feed = SampleFeed.feed
        feed.entries = SampleFeed.entries
        #expect(try writer.document(feed) == writer.document(SampleFeed.feed, entries: SampleFeed.entries))
    }

    @Test func feedUpdatedComesFromTheFirstEntryWhenTheFeedStatesNone() throws {
        var feed = SampleFeed.feed
        feed.updated = nil
        let text = try Written.text(writer, feed, SampleFeed.entries)
        // The first entry's updated, 2017-01-10T08:00:00.25Z, and never the clock.
        #expect(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n  <id>tag:example.org,2017:feed</id>\n  <title>Small Business Notes</title>\n  <subtitle type=\"html\">Trade, jobs &amp;amp; &lt;em&gt;small&lt;/em&gt; firms</subtitle>\n  <updated>2017-01-10T08:00:00.25Z</updated>"))
        let empty = try Written.text(writer, feed, [])
        #expect(!empty.contains("<updated>"))
    }

    @Test func anEntryWithoutUpdatedStatesItsPublishedDate() throws {
        let entry = Entry(id: "a", published: SampleFeed.date("2017-01-05T10:00:00Z"))
        let text = try Written.text(writer, SampleFeed.feed, [entry])
        #expect(text.contains("<published>2017-01-05T10:00:00Z</published>\n    <updated>2017-01-05T10:00:00Z</updated>"))
    }

    @Test func textConstructsAreWrittenByType() throws {
        let entry = Entry(title: Text("a <b>", type: .text), summary: Text("a <b>c</b>", type: .html),
                          rights: Text("<i>x</i> &amp; y", type: .xhtml))
        let text = try Written.text(writer, Feed(format: .atom10), [entry])
        #expect(text.contains("<title>a &lt;b&gt;</title>"))
        #expect(text.contains("<summary type=\"html\">a &lt;b&gt;c&lt;/b&gt;</summary>"))
        #expect(text.contains("<rights type=\"xhtml\">\n      <div xmlns=\"http://www.w3.org/1999/xhtml\"><i>x</i> &amp; y</div>\n    </rights>"))
    }

    @Test func xhtmlThatIsNotWellFormedIsWrittenAsHTML() throws {
        let entry = Entry(content: Content("<p>unclosed &nbsp; <br>", type: "xhtml"))
        let bytes = try writer.document(Feed(format: .atom10), entries: [entry])
        #expect(String(decoding: bytes, as: UTF8.self).contains(
            "<content type=\"html\">&lt;p&gt;unclosed &amp;nbsp; &lt;br&gt;</content>"))
        #expect(try Written.parsed(bytes).entries.first?.content == Content("<p>unclosed &nbsp; <br>", type: "html"))
    }

    @Test func outOfLineContentNamesAMediaTypeAndItsSource() throws {
        let entries = [Entry(content: Content("", type: "html", src: "https://example.org/a.html")),
                       Entry(content: Content("", type: "video/mp4", src: "https://example.org/v.mp4")),
                       Entry(content: Content("", type: "text", src: "https://example.org/t.txt"))]
        let text = try Written.text(writer, Feed(format: .atom10), entries)
        #expect(text.contains("<content type=\"text/html\" src=\"https://example.org/a.html\"/>"))
        #expect(text.contains("<content type=\"video/mp4\" src=\"https://example.org/v.mp4\"/>"))
        #expect(text.contains("<content src=\"https://example.org/t.txt\"/>"))
    }

    @Test func binaryContentTravelsInBase64() throws {
        let entries = [Entry(content: Content("iVBORw0KGgo=", type: "image/png")),
                       Entry(content: Content("hello, world", type: "application/octet-stream"))]
        let bytes = try writer.document(Feed(format: .atom10), entries: entries)
        let text = String(decoding: bytes, as: UTF8.self)
        // Already base64 of binary bytes: as it is. Text of a binary type: encoded.
        #expect(text.contains("<content type=\"image/png\">iVBORw0KGgo=</content>"))
        #expect(text.contains("<content type=\"application/octet-stream\">aGVsbG8sIHdvcmxk</content>"))
        let read = try Written.parsed(bytes)
        #expect(read.entries.map(\.content) == entries.map(\.content))
    }

    @Test func xmlContentIsInlineMarkupWhenWellFormed() throws {
        let entries = [Entry(content: Content("<data a=\"1\">x &amp; y</data>", type: "application/xml")),
                       Entry(content: Content("a < b", type: "application/xml"))]
        let text = try Written.text(writer, Feed(format: .atom10), entries)
        #expect(text.contains("<content type=\"application/xml\"><data a=\"1\">x &amp; y</data></content>"))
        #expect(text.contains("<content type=\"application/xml\">a &lt; b</content>"))
    }

    @Test func markupCharactersAndTheCDATAEndAreEscaped() throws {
        let tricky = "Fish & Chips <b> \"quoted\" ]]> 'done'"
        let entry = Entry(id: tricky, title: Text(tricky), links: [Link(href: "https://example.org/?a=1&b=\"2\"", title: tricky)],
                          categories: [Category(term: tricky, label: tricky)])
        let bytes = try writer.document(Feed(format: .atom10), entries: [entry])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("]]>"))
        #expect(text.contains("<title>Fish &amp; Chips &lt;b&gt; &quot;quoted&quot; ]]&gt; 'done'</title>"))
        let read = try #require(try Written.parsed(bytes).entries.first)
        #expect(read.id == tricky)
        #expect(read.title == Text(tricky))
        #expect(read.links == entry.links)
        #expect(read.categories == entry.categories)
    }

    @Test func languagesAreWrittenOnlyWhereTheyChange() throws {
        var feed = Feed(format: .atom10)
        feed.language = "en"
        let entries = [Entry(id: "same", title: Text("t", lang: "en"), language: "en"),
                       Entry(id: "other", title: Text("t", lang: "de"), summary: Text("s"), language: "fr")]
        let text = try Written.text(writer, feed, entries)
        #expect(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(text.contains("<entry>\n    <id>same</id>\n    <title>t</title>"))
        #expect(text.contains("<entry xml:lang=\"fr\">\n    <id>other</id>\n    <title xml:lang=\"de\">t</title>\n    <summary>s</summary>"))
    }

    @Test(arguments: [(FeedHistoryMarker.archive, "<fh:archive/>"), (.complete, "<fh:complete/>")])
    func historyMarkersAreDeclaredAndWritten(marker: FeedHistoryMarker, element: String) throws {
        let text = try Written.text(writer, Feed(format: .atom10), [], marker: marker)
        #expect(text.contains("xmlns:fh=\"http://purl.org/syndication/history/1.0\""))
        #expect(text.contains(element))
        #expect(!(try Written.text(writer, Feed(format: .atom10), [])).contains("fh:"))
    }

    @Test func entriesAreReadOnceAndTheDocumentStreamsOutBeforeTheLastIsRead() throws {
        let entries = SinglePassEntries(ManyEntries.make(2000))
        var consumedAtFirstChunk: Int?
        var chunkSizes: [Int] = []
        try writer.write(Feed(format: .atom10), entries: entries) { chunk in
            if consumedAtFirstChunk == nil { consumedAtFirstChunk = entries.consumed }
            chunkSizes.append(chunk.count)
        }
        #expect(entries.iterations == 1)
        #expect(entries.consumed == 2000)
        #expect(try #require(consumedAtFirstChunk) < 100)
        #expect(chunkSizes.count > 50)
        #expect(chunkSizes.allSatisfy { $0 <= 96 * 1024 })
    }

    struct Refused: Error {}

    @Test func aFailingSinkStopsWritingWithAnOutputError() throws {
        let entries = SinglePassEntries(ManyEntries.make(500))
        #expect {
            try writer.write(Feed(format: .atom10), entries: entries) { _ in throw Refused() }
        } throws: { error in
            guard case .output(let underlying) = error as? FeedWriteError else { return false }
            return underlying is Refused
        }
        #expect(entries.consumed < 500)
    }
}
