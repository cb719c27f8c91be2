import FeedModel
import FeedStore
import Testing

@Suite struct ArticleQueryTests {
    struct Stop: Error {}

    @Test func articlesComeNewestFirstByUpdatedElsePublishedElseFirstSeen() throws {
        let clock = ManualClock(StoreFixtures.moment("2024-06-01T00:00:00Z"))
        let store = try FeedStore.inMemory(clock: clock.storeClock)
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        _ = try store.apply(entries: [
            StoreFixtures.entry("published-2023", published: "2023-01-01T00:00:00Z"),
            // An old publication date with a newer update sorts by the update.
            StoreFixtures.entry("updated-2024-03", published: "2020-01-01T00:00:00Z", updated: "2024-03-01T00:00:00Z"),
            // No date at all: sorted by when the store first saw it (2024-06-01).
            StoreFixtures.entry("undated"),
            StoreFixtures.entry("published-2024-03-half-second", published: "2024-03-01T00:00:00.5Z"),
        ], to: source.id)
        #expect(try store.articles().map(\.stableID) == [
            "undated", "published-2024-03-half-second", "updated-2024-03", "published-2023",
        ])
    }

    @Test func equalDatesPutTheLaterStoredArticleFirst() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        let date = "2024-01-01T00:00:00Z"
        _ = try store.apply(entries: [StoreFixtures.entry("a", published: date), StoreFixtures.entry("b", published: date),
                                      StoreFixtures.entry("c", published: date)], to: source.id)
        #expect(try store.articles().map(\.stableID) == ["c", "b", "a"])
    }

    @Test func limitAndOffsetCutTheNewestFirstList() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        _ = try store.apply(entries: (1...9).map { StoreFixtures.entry("e\($0)", published: "2024-01-0\($0)T00:00:00Z") },
                            to: source.id)
        #expect(try store.articles(ArticleQuery(limit: 3)).map(\.stableID) == ["e9", "e8", "e7"])
        #expect(try store.articles(ArticleQuery(limit: 3, offset: 2)).map(\.stableID) == ["e7", "e6", "e5"])
        #expect(try store.articles(ArticleQuery(limit: 0)).isEmpty)
        #expect(try store.articles(ArticleQuery(offset: 8)).map(\.stableID) == ["e1"])
        #expect(try store.articleCount(ArticleQuery(limit: 3)) == 3)
        #expect(try store.articleCount(ArticleQuery(offset: 7)) == 2)
        #expect(try store.articleCount() == 9)
    }

    @Test func aSourceOrKindFilterKeepsOnlyThoseArticles() throws {
        let store = try FeedStore.inMemory()
        let site = try store.registerSource(address: "site", kind: .site)
        let imported = try store.registerSource(address: "https://other.example/feed", kind: .imported)
        _ = try store.apply(entries: [StoreFixtures.entry("mine", published: "2024-01-01T00:00:00Z")], to: site.id)
        _ = try store.apply(entries: [StoreFixtures.entry("theirs-1", published: "2024-01-02T00:00:00Z"),
                                      StoreFixtures.entry("theirs-2", published: "2024-01-03T00:00:00Z")], to: imported.id)
        #expect(try store.articles(ArticleQuery(source: imported.id)).map(\.stableID) == ["theirs-2", "theirs-1"])
        #expect(try store.articles(ArticleQuery(kind: .site)).map(\.stableID) == ["mine"])
        #expect(try store.articleCount(ArticleQuery(source: site.id)) == 1)
        #expect(try store.articleCount(ArticleQuery(kind: .imported)) == 2)
        #expect(try store.sourceCount() == 2)
    }

    /// More articles than one page (256), so the keyset paging has to carry over between pages,
    /// including across runs of equal dates.
    @Test func streamingVisitsEveryArticleOnceInOrder() throws {
        try StoreFixtures.withFileStore { store, _ in
            let source = try store.registerSource(address: "feed.xml", kind: .imported)
            let entries = (0..<700).map { index in
                Entry(id: "e\(index)", title: Text("Entry \(index)"),
                      links: [Link(href: "https://example.com/\(index)")],
                      published: Timestamp(secondsSince1970: Int64(1_700_000_000 + index / 3)),
                      authors: [Person(name: "Author \(index % 7)")],
                      categories: [Category(term: "c\(index % 5)")])
            }
            _ = try store.apply(entries: entries, to: source.id)

            var streamed: [StoredArticle] = []
            try store.forEachArticle { streamed.append($0) }
            #expect(streamed.count == 700)
            #expect(Set(streamed.map(\.id)).count == 700)
            let dates = streamed.map(\.sortDate)
            #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 })
            #expect(Set(streamed.map(\.entry)) == Set(entries))

            var limited = 0
            try store.forEachArticle(ArticleQuery(limit: 300, offset: 10)) { _ in limited += 1 }
            #expect(limited == 300)
            #expect(try store.articles(ArticleQuery(limit: 300, offset: 10)) == Array(streamed[10..<310]))
        }
    }

    @Test func theStreamingBodyMayCallTheStore() throws {
        try StoreFixtures.withFileStore { store, _ in
            let source = try store.registerSource(address: "feed.xml", kind: .imported)
            _ = try store.apply(entries: [StoreFixtures.entry("a"), StoreFixtures.entry("b")], to: source.id)
            var addresses: [String] = []
            try store.forEachArticle { article in
                addresses.append(try store.source(id: article.sourceID)?.address ?? "?")
            }
            #expect(addresses == ["feed.xml", "feed.xml"])
        }
    }

    @Test func anErrorFromTheStreamingBodyStopsItAndComesOutUnchanged() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        _ = try store.apply(entries: (0..<5).map { StoreFixtures.entry("e\($0)") }, to: source.id)
        var visited = 0
        #expect(throws: Stop.self) {
            try store.forEachArticle { _ in
                visited += 1
                if visited == 2 { throw Stop() }
            }
        }
        #expect(visited == 2)
    }

    @Test func aStreamSeesOneSnapshotEvenWhenAnImportCommitsMeanwhile() throws {
        try StoreFixtures.withFileStore { store, _ in
            let source = try store.registerSource(address: "feed.xml", kind: .imported)
            // The articles imported midway are dated older than the rest, so a stream reading each page
            // afresh would meet them on its later pages.
            _ = try store.apply(entries: (0..<600).map { StoreFixtures.entry("old-\($0)", published: "2024-01-01T00:00:00Z") },
                                to: source.id)
            var seen = 0
            var importedMidway = false
            try store.forEachArticle { _ in
                seen += 1
                if !importedMidway {
                    importedMidway = true
                    _ = try store.apply(
                        entries: (0..<600).map { StoreFixtures.entry("new-\($0)", published: "2000-01-01T00:00:00Z") },
                        to: source.id)
                }
            }
            #expect(seen == 600)
            #expect(try store.articleCount() == 1200)
        }
    }
}
