import FeedModel
import FeedStore
import Testing

@Suite struct ArticleRoundTripTests {
    @Test func aRichEntryComesBackEqual() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "https://news.example.com/feed/", kind: .imported)
        let entry = StoreFixtures.richEntry()
        _ = try store.apply(entries: [entry], to: source.id)
        let stored = try #require(try store.articles().first)
        #expect(stored.entry == entry)
        #expect(try store.article(id: stored.id)?.entry == entry)
    }

    @Test func anEntryWithOnlyAnIdComesBackWithNothingAdded() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        let bare = Entry(id: "urn:bare")
        _ = try store.apply(entries: [bare], to: source.id)
        #expect(try store.articles().map(\.entry) == [bare])
    }

    @Test func emptyValuesStayEmptyAndAbsentOnesStayAbsent() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        let entry = Entry(id: "", title: Text(""), links: [Link(href: "")], authors: [Person()],
                          summary: Text("", type: .xhtml), content: Content("", type: "image/png", src: "x.png"),
                          source: Source(), language: "")
        _ = try store.apply(entries: [entry], to: source.id)
        #expect(try store.articles().map(\.entry) == [entry])
    }

    @Test func datesKeepTheirFractionDigitsExactly() throws {
        let store = try FeedStore.inMemory()
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        let entry = Entry(id: "a", published: Timestamp(secondsSince1970: -86_400, fractionDigits: "500"),
                          updated: Timestamp(secondsSince1970: 1_700_000_000, fractionDigits: "000000001"))
        _ = try store.apply(entries: [entry], to: source.id)
        let stored = try #require(try store.articles().first?.entry)
        #expect(stored.published?.fractionDigits == "500")
        #expect(stored.updated?.fractionDigits == "000000001")
        #expect(stored == entry)
    }

    @Test func theStoreRecordsFirstSeenAndAContentHash() throws {
        let clock = ManualClock(StoreFixtures.moment("2025-03-04T05:06:07Z"))
        let store = try FeedStore.inMemory(clock: clock.storeClock)
        let source = try store.registerSource(address: "feed.xml", kind: .imported)
        _ = try store.apply(entries: [StoreFixtures.richEntry()], to: source.id)
        let stored = try #require(try store.articles().first)
        #expect(stored.firstSeen == StoreFixtures.moment("2025-03-04T05:06:07Z"))
        #expect(stored.lastChanged == stored.firstSeen)
        #expect(stored.contentHash.count == 16)
        #expect(stored.contentHash.allSatisfy { $0.isHexDigit })
        #expect(stored.sourceID == source.id)
        #expect(stored.stableID == StoreFixtures.richEntry().id)
    }

    @Test func articlesAreFoundByStableIDInEverySourceThatHasIt() throws {
        let store = try FeedStore.inMemory()
        let first = try store.registerSource(address: "a.xml", kind: .imported)
        let second = try store.registerSource(address: "b.xml", kind: .imported)
        _ = try store.apply(entries: [StoreFixtures.entry("shared")], to: first.id)
        _ = try store.apply(entries: [StoreFixtures.entry("shared"), StoreFixtures.entry("other")], to: second.id)
        #expect(try store.articles(stableID: "shared").map(\.sourceID) == [first.id, second.id])
        #expect(try store.articles(stableID: "missing").isEmpty)
    }
}
