import FeedModel
import FeedStore
import Testing

@Suite struct DeduplicationTests {
    private func storeWithSource(clock: ManualClock = ManualClock()) throws -> (FeedStore, SourceID) {
        let store = try FeedStore.inMemory(clock: clock.storeClock)
        let source = try store.registerSource(address: "https://example.com/feed", kind: .imported)
        return (store, source.id)
    }

    @Test func theSameEntryIdIsOneArticle() throws {
        let (store, source) = try storeWithSource()
        let first = try store.apply(entries: [StoreFixtures.entry("guid-1", title: "One")], to: source)
        let again = try store.apply(entries: [StoreFixtures.entry("guid-1", title: "One")], to: source)
        #expect(first == ImportTally(new: 1))
        #expect(again == ImportTally(unchanged: 1))
        #expect(try store.articleCount() == 1)
    }

    @Test func anEntryWithoutIdIsMatchedByItsAlternateLink() throws {
        let (store, source) = try storeWithSource()
        let link = Link(href: "https://example.com/posts/1")
        let original = Entry(title: Text("First title"), links: [Link(href: "https://example.com/c", rel: "replies"), link])
        let retitled = Entry(title: Text("Second title"), links: [link])
        #expect(try store.apply(entries: [original], to: source) == ImportTally(new: 1))
        #expect(try store.apply(entries: [retitled], to: source) == ImportTally(updated: 1))
        let stored = try store.articles()
        #expect(stored.map(\.entry) == [retitled])
        #expect(stored.first?.stableID == "https://example.com/posts/1")
    }

    @Test func anEntryWithNeitherIdNorLinkIsMatchedByTitleAndDate() throws {
        let (store, source) = try storeWithSource()
        let date = StoreFixtures.moment("2024-05-06T07:08:09Z")
        let original = Entry(title: Text("Weekly notes"), published: date, summary: Text("draft"))
        let edited = Entry(title: Text("Weekly notes"), published: date, summary: Text("final"))
        let nextWeek = Entry(title: Text("Weekly notes"), published: StoreFixtures.moment("2024-05-13T07:08:09Z"))
        #expect(try store.apply(entries: [original], to: source) == ImportTally(new: 1))
        #expect(try store.apply(entries: [edited, nextWeek], to: source) == ImportTally(new: 1, updated: 1))
        #expect(try store.articleCount() == 2)
        let stableIDs = try store.articles().map(\.stableID)
        #expect(stableIDs.allSatisfy { $0.hasPrefix("urn:uuid:") })
        #expect(Set(stableIDs).count == 2)
    }

    @Test func untitledUndatedEntriesWithDifferentContentStayApart() throws {
        let (store, source) = try storeWithSource()
        let tally = try store.apply(entries: [Entry(summary: Text("one")), Entry(summary: Text("two"))], to: source)
        #expect(tally == ImportTally(new: 2))
    }

    @Test func aBlankIdFallsBackToTheLink() throws {
        let (store, source) = try storeWithSource()
        let entry = Entry(id: "  ", links: [Link(href: "https://example.com/p")])
        _ = try store.apply(entries: [entry], to: source)
        let stored = try #require(try store.articles().first)
        #expect(stored.stableID == "https://example.com/p")
        #expect(stored.entry.id == "  ")
    }

    @Test func aChangedEntryIsUpdatedInPlaceAndKeepsItsFirstSeenTime() throws {
        let clock = ManualClock()
        let (store, source) = try storeWithSource(clock: clock)
        var entry = StoreFixtures.richEntry()
        _ = try store.apply(entries: [entry], to: source)
        let before = try #require(try store.articles().first)

        clock.advance(seconds: 3600)
        entry.content = Content("<p>Corrected.</p>", type: "html")
        entry.authors.removeLast()
        entry.categories = [Category(term: "corrections")]
        entry.links.append(Link(href: "https://example.com/video.mp4", rel: "enclosure", type: "video/mp4"))
        #expect(try store.apply(entries: [entry], to: source) == ImportTally(updated: 1))

        let after = try #require(try store.articles().first)
        #expect(try store.articleCount() == 1)
        #expect(after.id == before.id)
        #expect(after.entry == entry)
        #expect(after.firstSeen == before.firstSeen)
        #expect(after.lastChanged == clock.now)
        #expect(after.contentHash != before.contentHash)
    }

    @Test func anUnchangedEntryIsLeftAloneAndCountedAsUnchanged() throws {
        let clock = ManualClock()
        let (store, source) = try storeWithSource(clock: clock)
        let entries = [StoreFixtures.richEntry(), StoreFixtures.entry("second")]
        _ = try store.apply(entries: entries, to: source)
        let before = try store.articles()
        clock.advance(seconds: 60)
        #expect(try store.apply(entries: entries, to: source) == ImportTally(unchanged: 2))
        #expect(try store.articles() == before)
    }

    @Test func twoSourcesWithTheSameEntryIdHoldTwoArticles() throws {
        let store = try FeedStore.inMemory()
        let first = try store.registerSource(address: "https://one.example/feed", kind: .imported)
        let second = try store.registerSource(address: "https://two.example/feed", kind: .imported)
        #expect(try store.apply(entries: [StoreFixtures.entry("same-guid")], to: first.id) == ImportTally(new: 1))
        #expect(try store.apply(entries: [StoreFixtures.entry("same-guid")], to: second.id) == ImportTally(new: 1))
        #expect(try store.articleCount() == 2)
        #expect(try store.articleCount(ArticleQuery(source: first.id)) == 1)
    }

    @Test func equalTitlesAndDatesInTwoSourcesGetDifferentDerivedIds() throws {
        let store = try FeedStore.inMemory()
        let first = try store.registerSource(address: "https://one.example/feed", kind: .imported)
        let second = try store.registerSource(address: "https://two.example/feed", kind: .imported)
        let entry = Entry(title: Text("Same"), published: StoreFixtures.moment("2024-01-01T00:00:00Z"))
        _ = try store.apply(entries: [entry], to: first.id)
        _ = try store.apply(entries: [entry], to: second.id)
        #expect(Set(try store.articles().map(\.stableID)).count == 2)
    }

    @Test func aDuplicateWithinOneImportIsCountedAgainstTheFirst() throws {
        let (store, source) = try storeWithSource()
        let tally = try store.apply(entries: [StoreFixtures.entry("dup", title: "Old"), StoreFixtures.entry("dup", title: "New"),
                                              StoreFixtures.entry("dup", title: "New")], to: source)
        #expect(tally == ImportTally(new: 1, updated: 1, unchanged: 1))
        #expect(try store.articles().map(\.entry.title?.value) == ["New"])
    }
}
