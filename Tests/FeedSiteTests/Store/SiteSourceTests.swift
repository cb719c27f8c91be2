import FeedModel
import FeedSite
import FeedStore
import Foundation
import Testing

/// Adding the same file again must find the same article: ids are stable, so the store reports
/// unchanged or updated, never a second article.
@Suite("The site's source in the store")
struct SiteSourceTests {
    static let clock = StoreClock.fixed(Timestamp(secondsSince1970: 1_700_000_000))
    static let file = "feeds/articles/2024-03-18-stable.md"
    static let original = "---\ntitle: Stable ids\ncategories: ids\n---\nFirst version.\n"

    @Test func siteSourceIsOneSourceOfKindSiteAtTheSitesLink() throws {
        let store = try FeedStore.inMemory(clock: Self.clock)
        let first = try SiteSource(store: store, settings: SiteFixtures.settings)
        let again = try SiteSource(store: store, settings: SiteFixtures.settings)
        #expect(first.source.id == again.source.id)
        #expect(first.source.kind == .site)
        #expect(first.source.address == "https://syndication.example/")
        #expect(try store.sourceCount() == 1)
    }

    @Test func readingTheSameFileTwiceGivesTheSameEntry() throws {
        let one = try SiteFixtures.reader().entry(text: Self.original, file: Self.file)
        let two = try SiteFixtures.reader().entry(text: Self.original, file: Self.file)
        #expect(one == two)
        #expect(one.id == "tag:syndication.example,2024-03-18:/stable")
    }

    @Test func reAddingAnUnchangedFileIsUnchanged() throws {
        let site = try SiteSource(store: FeedStore.inMemory(clock: Self.clock), settings: SiteFixtures.settings)
        let entry = try SiteFixtures.reader().entry(text: Self.original, file: Self.file)
        #expect(try site.add(entry) == .new)
        #expect(try site.add(try SiteFixtures.reader().entry(text: Self.original, file: Self.file)) == .unchanged)
        #expect(try site.store.articleCount() == 1)
    }

    @Test func editingTheFileUpdatesTheSameArticle() throws {
        let site = try SiteSource(store: FeedStore.inMemory(clock: Self.clock), settings: SiteFixtures.settings)
        _ = try site.add(try SiteFixtures.reader().entry(text: Self.original, file: Self.file))
        let edited = Self.original.replacingOccurrences(of: "First version.", with: "Second version.")
        #expect(try site.add(try SiteFixtures.reader().entry(text: edited, file: Self.file)) == .updated)
        let articles = try site.store.articles()
        #expect(articles.count == 1)
        #expect(articles.first?.stableID == "tag:syndication.example,2024-03-18:/stable")
        #expect(articles.first?.entry.content?.value == "<p>Second version.</p>")
    }

    /// A changed publication date changes the tag URI; the old article is then pointed out.
    @Test func sameSlugOnAnotherDayIsPointedOut() throws {
        let site = try SiteSource(store: FeedStore.inMemory(clock: Self.clock), settings: SiteFixtures.settings)
        _ = try site.add(try SiteFixtures.reader().entry(text: Self.original, file: Self.file))
        let moved = try SiteFixtures.reader().entry(text: Self.original, file: "feeds/articles/2024-03-19-stable.md")
        #expect(try site.add(moved) == .new)
        #expect(try site.otherArticlesWithSlug(of: moved) == ["tag:syndication.example,2024-03-18:/stable"])
        let unrelated = try SiteFixtures.reader().entry(text: Self.original, file: "2024-03-19-other.md")
        #expect(try site.otherArticlesWithSlug(of: unrelated).isEmpty)
    }

    @Test func entryReadBackFromTheStoreIsTheEntryAdded() throws {
        let site = try SiteSource(store: FeedStore.inMemory(clock: Self.clock), settings: SiteFixtures.settings)
        let entry = try SiteFixtures.reader().read(file: try SiteFixtures.path("articles/every-key.md"))
        _ = try site.add(entry)
        #expect(try site.store.articles().first?.entry == entry)
    }
}
