import FeedImporter
import FeedModel
import FeedParser
import FeedStore
import Testing

/// What an imported article holds: cleaned HTML, its own authors and dates, and where it came from.
@Suite struct ImportedContentTests {
    @Test func importedHTMLIsSanitizedBeforeItIsStored() async throws {
        try await withScriptedServer { server in
            var item = TestFeeds.Item(guid: "urn:test:unsafe", title: "Unsafe")
            item.description = #"<p onclick="steal()">Hello</p><script>alert(1)</script><a href="javascript:x()">link</a>"#
            server.route("/feed.xml", .feed(TestFeeds.rss(items: [item])))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))

            let stored = try #require(try harness.store.articles().first?.entry)
            let html = (stored.content?.value ?? "") + (stored.summary?.value ?? "")
            #expect(html.contains("Hello"))
            #expect(!html.contains("script"))
            #expect(!html.contains("onclick"))
            #expect(!html.contains("javascript:"))
        }
    }

    @Test func anArticleKeepsItsOwnAuthorAndDatesAndGetsTheFeedAsItsSource() async throws {
        try await withScriptedServer { server in
            var item = TestFeeds.Item(guid: "urn:test:own", title: "Own", date: "Tue, 04 Nov 2025 08:30:00 +0000")
            item.extra = "<dc:creator>Ada Lovelace</dc:creator>"
            server.route("/feed.xml", .feed(TestFeeds.rss(title: "Origin Feed", items: [item])))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))

            let entry = try #require(try harness.store.articles().first?.entry)
            #expect(entry.authors.map(\.name) == ["Ada Lovelace"])
            #expect(entry.published?.rfc3339 == "2025-11-04T08:30:00Z")
            let source = try #require(entry.source)
            #expect(source.title?.value == "Origin Feed")
            #expect(source.links.contains(Link(href: "https://news.example/", rel: "alternate")))
            // The feed names no self link: the address it was fetched from stands in.
            #expect(source.links.contains { $0.rel == "self" && $0.href == server.url("/feed.xml") })
            #expect(source.updated?.rfc3339 == "2025-11-03T12:00:00Z")
        }
    }

    @Test func anEntryThatNamesItsOwnSourceKeepsIt() async throws {
        try await withScriptedServer { server in
            var item = TestFeeds.Item(guid: "urn:test:copied", title: "Copied")
            item.extra = #"<source url="https://elsewhere.example/rss">Elsewhere</source>"#
            server.route("/feed.xml", .feed(TestFeeds.rss(items: [item])))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))

            let source = try #require(try harness.store.articles().first?.entry.source)
            #expect(source.title?.value == "Elsewhere")
            #expect(source.links.map(\.href) == ["https://elsewhere.example/rss"])
        }
    }

    /// A feed's build date moves on with every new item; the articles already stored did not change.
    @Test func aNewFeedDateAloneLeavesStoredArticlesUnchanged() async throws {
        try await withScriptedServer { server in
            let items = TestFeeds.items(3)
            server.route("/feed.xml", .feed(TestFeeds.rss(lastBuildDate: "Mon, 03 Nov 2025 12:00:00 +0000", items: items)))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .feed(TestFeeds.rss(lastBuildDate: "Tue, 04 Nov 2025 12:00:00 +0000", items: items)))

            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(again.result == .imported(ImportTally(unchanged: 3)))
            #expect(try harness.contents() == before)
        }
    }

    @Test func stampingLeavesEntriesAloneWhenTheFeedSaysNothingAboutItself() {
        var feed = Feed(format: .rss20, entries: [Entry(id: "a")])
        ImportedFeed.stampSource(on: &feed, fetchedFrom: nil)
        #expect(feed.entries[0].source == nil)
    }
}
