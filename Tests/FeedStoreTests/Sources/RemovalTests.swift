import FeedModel
import FeedStore
import GRDB
import Testing

@Suite struct RemovalTests {
    private func rowCounts(_ path: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var counts: [String: Int] = [:]
            for table in ["source", "article", "articleLink", "articlePerson", "articleCategory"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }

    @Test func removingASourceRemovesItsArticlesAndTheirRows() throws {
        try StoreFixtures.withFileStore { store, _ in
            let path = try #require(store.path)
            let gone = try store.registerSource(address: "https://gone.example/feed", kind: .imported)
            let kept = try store.registerSource(address: "https://kept.example/feed", kind: .imported)
            _ = try store.apply(entries: [StoreFixtures.richEntry(), StoreFixtures.richEntry(id: "second")], to: gone.id)
            _ = try store.apply(entries: [StoreFixtures.richEntry()], to: kept.id)
            #expect(try rowCounts(path) == ["source": 2, "article": 3, "articleLink": 12, "articlePerson": 12,
                                            "articleCategory": 9])

            #expect(try store.remove(source: gone.id) == 2)

            #expect(try rowCounts(path) == ["source": 1, "article": 1, "articleLink": 4, "articlePerson": 4,
                                            "articleCategory": 3])
            #expect(try store.articles().map(\.sourceID) == [kept.id])
            #expect(try store.source(id: gone.id) == nil)
        }
    }

    @Test func removingAnArticleRemovesItsRowsAndNothingElse() throws {
        try StoreFixtures.withFileStore { store, _ in
            let path = try #require(store.path)
            let source = try store.registerSource(address: "feed.xml", kind: .imported)
            _ = try store.apply(entries: [StoreFixtures.richEntry(), StoreFixtures.richEntry(id: "other")], to: source.id)
            let victim = try #require(try store.articles(stableID: "other").first)
            try store.remove(article: victim.id)
            #expect(try store.article(id: victim.id) == nil)
            #expect(try rowCounts(path) == ["source": 1, "article": 1, "articleLink": 4, "articlePerson": 4,
                                            "articleCategory": 3])
        }
    }

    @Test func aRemovedArticleNumberIsNotGivenToTheNextArticle() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        _ = try store.apply(entries: [StoreFixtures.entry("a")], to: source.id)
        let removed = try #require(try store.articles().first?.id)
        try store.remove(article: removed)
        _ = try store.apply(entries: [StoreFixtures.entry("b")], to: source.id)
        #expect(try store.articles().first?.id != removed)
    }

    @Test func removingWhatIsNotThereIsAnError() throws {
        let store = try FeedStore.inMemory()
        #expect(throws: FeedStoreError.sourceNotFound(SourceID(rawValue: 7))) {
            try store.remove(source: SourceID(rawValue: 7))
        }
        #expect(throws: FeedStoreError.articleNotFound(ArticleID(rawValue: 7))) {
            try store.remove(article: ArticleID(rawValue: 7))
        }
    }
}
