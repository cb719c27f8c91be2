import FeedModel
import FeedStore
import GRDB
import Testing

@Suite struct ImportTransactionTests {
    /// A trigger makes SQLite itself refuse one entry halfway through an import: a real failure
    /// inside the transaction, after other rows were already written by it.
    private func refuseEntriesTitledPoison(in path: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER refusePoison BEFORE INSERT ON article WHEN NEW.title = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned entry refused'); END
                """)
        }
    }

    @Test func aNewSourceWhoseFirstFeedFailsIsNotLeftBehind() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try FeedStore(path: folder.path("store.sqlite"))
        try refuseEntriesTitledPoison(in: folder.path("store.sqlite"))
        do {
            let feed = Feed(format: .rss20, title: Text("Harbour news"),
                            entries: [StoreFixtures.entry("fine"), StoreFixtures.entry("bad", title: "poison")])
            await #expect(throws: FeedStoreError.self) {
                _ = try await store.apply(feed: feed, toSourceAt: "https://harbour.example/rss", kind: .imported)
            }
            #expect(try store.sources().isEmpty)
            #expect(try store.articles().isEmpty)
        }
    }

    @Test func aNewSourceIsRegisteredWithItsFirstFeed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try FeedStore(path: folder.path("store.sqlite"))
        do {
            let feed = Feed(format: .rss20, title: Text("Harbour news"), entries: [StoreFixtures.entry("tide")])
            let (source, tally) = try await store.apply(feed: feed, toSourceAt: "https://harbour.example/rss",
                                                        kind: .imported, fetch: .fetched(etag: "\"t1\""))
            #expect(tally == ImportTally(new: 1))
            #expect(source.title == "Harbour news")
            #expect(source.articleCount == 1)
            #expect(source.fetchState.etag == "\"t1\"")
            #expect(try store.sources().map(\.address) == ["https://harbour.example/rss"])
        }
    }

    @Test func aFailingImportRollsBackEverythingItWrote() throws {
        try StoreFixtures.withFileStore { store, _ in
            let source = try store.registerSource(address: "https://example.com/feed", kind: .imported)
            let kept = StoreFixtures.richEntry()
            _ = try store.apply(feed: Feed(format: .rss20, title: Text("Before"), entries: [kept]), to: source.id,
                                fetch: .fetched(etag: "\"v1\""))
            let before = try store.articles()
            try refuseEntriesTitledPoison(in: try #require(store.path))

            var changed = kept
            changed.title = Text("Changed title")
            let feed = Feed(format: .rss20, title: Text("After"),
                            entries: [changed, StoreFixtures.entry("brand-new"), StoreFixtures.entry("bad", title: "poison"),
                                      StoreFixtures.entry("never-reached")])
            #expect {
                _ = try store.apply(feed: feed, to: source.id, fetch: .fetched(etag: "\"v2\""))
            } throws: { error in
                guard case FeedStoreError.database(let action, let code, let message)? = error as? FeedStoreError
                else { return false }
                return action.contains("importing 4 entries into source \(source.id)")
                    && code == ResultCode.SQLITE_CONSTRAINT.rawValue
                    && message.contains("poisoned entry refused")
            }

            #expect(try store.articles() == before)
            let after = try #require(try store.source(id: source.id))
            #expect(after.title == "Before")
            #expect(after.fetchState.etag == "\"v1\"")
        }
    }

    @Test func importingIntoAMissingSourceWritesNothing() throws {
        let store = try FeedStore.inMemory()
        #expect(throws: FeedStoreError.sourceNotFound(SourceID(rawValue: 42))) {
            _ = try store.apply(entries: [StoreFixtures.entry("a")], to: SourceID(rawValue: 42))
        }
        #expect(try store.articleCount() == 0)
    }

    @Test func anImportFromAsyncCodeIsOneTransactionToo() async throws {
        let store = try FeedStore.inMemory()
        let source = try await store.registerSource(address: "https://example.com/feed", kind: .imported)
        let feed = Feed(format: .atom10, title: Text("Async"), links: [Link(href: "https://example.com/")],
                        entries: [StoreFixtures.entry("a"), StoreFixtures.entry("b")])
        let tally = try await store.apply(feed: feed, to: source.id, fetch: .fetched(etag: "e"))
        #expect(tally == ImportTally(new: 2))
        let stored = try #require(try store.source(id: source.id))
        #expect(stored.title == "Async")
        #expect(stored.siteLink == "https://example.com/")
        #expect(stored.fetchState.etag == "e")
        #expect(stored.articleCount == 2)
    }
}
