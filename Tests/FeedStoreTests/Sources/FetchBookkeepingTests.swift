import FeedModel
import FeedStore
import Testing

@Suite struct FetchBookkeepingTests {
    private let clock = ManualClock(StoreFixtures.moment("2025-02-01T12:00:00Z"))

    private func storeWithSource() throws -> (FeedStore, SourceID) {
        let store = try FeedStore.inMemory(clock: clock.storeClock)
        let source = try store.registerSource(address: "https://example.com/feed", kind: .imported)
        return (store, source.id)
    }

    @Test func aNewSourceHasNeverBeenFetched() throws {
        let (store, source) = try storeWithSource()
        let stored = try #require(try store.source(id: source))
        #expect(stored.fetchState == FetchState())
        #expect(stored.added == clock.now)
        #expect(stored.kind == .imported)
        #expect(stored.fetchAddress == "https://example.com/feed")
    }

    @Test func registeringAnAddressTwiceGivesTheSameSource() throws {
        let (store, source) = try storeWithSource()
        #expect(try store.registerSource(address: "https://example.com/feed", kind: .imported).id == source)
        #expect(try store.sourceCount() == 1)
    }

    @Test func anAddressCannotBeBothTheSiteAndAnImport() throws {
        let (store, _) = try storeWithSource()
        #expect(throws: FeedStoreError.sourceKindConflict(address: "https://example.com/feed", registeredAs: .imported)) {
            _ = try store.registerSource(address: "https://example.com/feed", kind: .site)
        }
    }

    @Test func aFetchedBodyStoresTheValidatorsAndStatus() throws {
        let (store, source) = try storeWithSource()
        clock.advance(seconds: 30)
        let stored = try store.recordFetch(.fetched(etag: "\"abc\"", lastModified: "Sat, 01 Feb 2025 11:00:00 GMT"),
                                           for: source)
        #expect(stored.fetchState == FetchState(etag: "\"abc\"", lastModified: "Sat, 01 Feb 2025 11:00:00 GMT",
                                                lastFetched: clock.now, lastStatus: 200, lastOutcome: .fetched))
    }

    @Test func notModifiedKeepsTheValidatorsItDoesNotRepeat() throws {
        let (store, source) = try storeWithSource()
        try store.recordFetch(.fetched(etag: "\"abc\"", lastModified: "Sat, 01 Feb 2025 11:00:00 GMT"), for: source)
        try store.recordFetch(.failed("connection reset"), for: source)
        clock.advance(seconds: 600)
        let stored = try store.recordFetch(.notModified(etag: "\"abd\""), for: source)
        #expect(stored.fetchState == FetchState(etag: "\"abd\"", lastModified: "Sat, 01 Feb 2025 11:00:00 GMT",
                                                lastFetched: clock.now, lastStatus: 304, lastOutcome: .notModified))
    }

    @Test func aNewBodyWithoutValidatorsClearsTheOldOnes() throws {
        let (store, source) = try storeWithSource()
        try store.recordFetch(.fetched(etag: "\"abc\"", lastModified: "yesterday"), for: source)
        let stored = try store.recordFetch(.fetched(), for: source)
        #expect(stored.fetchState.etag == nil)
        #expect(stored.fetchState.lastModified == nil)
    }

    @Test func aPermanentRedirectChangesTheAddressFetchedButNotTheRegisteredOne() throws {
        let (store, source) = try storeWithSource()
        let stored = try store.recordFetch(.fetched(etag: "e", movedPermanentlyTo: "https://new.example.com/feed"),
                                           for: source)
        #expect(stored.address == "https://example.com/feed")
        #expect(stored.fetchState.movedTo == "https://new.example.com/feed")
        #expect(stored.fetchAddress == "https://new.example.com/feed")
        #expect(try store.source(address: "https://example.com/feed")?.id == source)
        #expect(try store.source(address: "https://new.example.com/feed")?.id == source)
        #expect(try store.source(address: "https://elsewhere.example/feed") == nil)
        // A later fetch without a redirect keeps the new address.
        #expect(try store.recordFetch(.notModified(), for: source).fetchAddress == "https://new.example.com/feed")
    }

    @Test func goneMarksTheSourceAndKeepsItsArticles() throws {
        let (store, source) = try storeWithSource()
        _ = try store.apply(entries: [StoreFixtures.entry("kept")], to: source)
        try store.recordFetch(.fetched(etag: "e"), for: source)
        let stored = try store.recordFetch(.gone(), for: source)
        #expect(stored.fetchState.isGone)
        #expect(stored.fetchState.lastStatus == 410)
        #expect(stored.fetchState.lastOutcome == .gone)
        #expect(stored.fetchState.etag == "e")
        #expect(stored.articleCount == 1)
    }

    @Test func aFailureKeepsTheValidatorsAndRecordsWhy() throws {
        let (store, source) = try storeWithSource()
        try store.recordFetch(.fetched(etag: "e", lastModified: "lm"), for: source)
        let failed = try store.recordFetch(.failed("HTTP 500 Internal Server Error", httpStatus: 500), for: source)
        #expect(failed.fetchState.etag == "e")
        #expect(failed.fetchState.lastModified == "lm")
        #expect(failed.fetchState.lastStatus == 500)
        #expect(failed.fetchState.lastOutcome == .failed)
        #expect(failed.fetchState.lastError == "HTTP 500 Internal Server Error")
        // The next good fetch clears the error.
        #expect(try store.recordFetch(.notModified(), for: source).fetchState.lastError == nil)
    }

    @Test func aSourceThatComesBackIsNoLongerGone() throws {
        let (store, source) = try storeWithSource()
        try store.recordFetch(.gone(), for: source)
        #expect(try store.recordFetch(.fetched(), for: source).fetchState.isGone == false)
    }

    @Test func recordingAFetchForAMissingSourceIsAnError() throws {
        let (store, _) = try storeWithSource()
        #expect(throws: FeedStoreError.sourceNotFound(SourceID(rawValue: 99))) {
            try store.recordFetch(.fetched(), for: SourceID(rawValue: 99))
        }
    }

    @Test func sourcesAreListedWithTheirFetchStateAndArticleCounts() throws {
        let (store, first) = try storeWithSource()
        let second = try store.registerSource(address: "/home/me/feeds/local.xml", kind: .imported, title: "Local")
        _ = try store.apply(feed: Feed(format: .atom10, title: Text("<b>Example</b>", type: .html),
                                       links: [Link(href: "https://example.com/", rel: "alternate"),
                                               Link(href: "https://example.com/feed", rel: "self")],
                                       entries: [StoreFixtures.entry("a"), StoreFixtures.entry("b")]),
                            to: first, fetch: .fetched(etag: "e"))
        let sources = try store.sources()
        #expect(sources.map(\.id) == [first, second.id])
        #expect(sources.map(\.articleCount) == [2, 0])
        #expect(sources.map(\.title) == ["Example", "Local"])
        #expect(sources.first?.siteLink == "https://example.com/")
        #expect(sources.first?.fetchState.lastOutcome == .fetched)
        #expect(sources.last?.fetchState.lastOutcome == nil)
    }
}
