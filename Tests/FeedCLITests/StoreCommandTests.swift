import Foundation
import Testing

@Suite("feed list, show, sources and remove")
struct StoreCommandTests {
    @Test func listPrintsNumberDateAuthorTitleAndSource() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 2), address: "https://harbour.example/rss")
        let outcome = try FeedProcess.run(["list", "--store", store.path])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("\t2024-03-02\tMara Quay\tTide 2\tharbour.example/rss") == true)
    }

    @Test func listJSONCarriesTheEntryInTheContractsForm() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        let outcome = try FeedProcess.run(["list", "--store", store.path, "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(array.first?["entry"] as? [String: Any])
        #expect(array.first?["source"] as? String == "https://harbour.example/rss")
        #expect(entry["published"] as? String == "2024-03-01T07:00:00Z")
    }

    @Test func showPrintsTheWholeArticle() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        let number = try #require(try FeedProcess.run(["list", "--store", store.path]).stdout.split(separator: "\t").first)
        let outcome = try FeedProcess.run(["show", String(number), "--store", store.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Title: Tide 1\n"))
        #expect(outcome.stdout.contains("Author: Mara Quay <mara@harbour.example>\n"))
        #expect(outcome.stdout.contains("<p>High water at 0</p>"))
    }

    @Test func showOfAnUnknownNumberFails() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        let outcome = try FeedProcess.run(["show", "99", "--store", store.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "feed: no article 99 in the store (see `feed list`)\n")
    }

    @Test func sourcesShowsEachSourceWithItsArticleCount() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 3), address: "https://harbour.example/rss")
        let outcome = try FeedProcess.run(["sources", "--store", store.path])
        #expect(outcome.stdout.hasPrefix("1\timported\thttps://harbour.example/rss \"Harbour\"\t3 articles; last fetched "))
    }

    @Test func removeDeletesArticlesAndSources() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 2), address: "https://harbour.example/rss")
        let number = try #require(try FeedProcess.run(["list", "--store", store.path]).stdout.split(separator: "\t").first)
        let removed = try FeedProcess.run(["remove", String(number), "--store", store.path])
        #expect(removed.status == 0)
        #expect(try FeedProcess.run(["list", "--store", store.path]).stdout.split(separator: "\n").count == 1)
        let gone = try FeedProcess.run(["remove", "--source", "https://harbour.example/rss", "--store", store.path])
        #expect(gone.stdout == "removed source 1 (https://harbour.example/rss) and its 1 article\n")
        #expect(try FeedProcess.run(["list", "--store", store.path]).stdout.isEmpty)
    }

    @Test func theStoreComesFromTheEnvironmentWhenNoFlagNamesIt() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        setenv("FEED_STORE", store.path, 1)
        defer { unsetenv("FEED_STORE") }
        let outcome = try FeedProcess.run(["list"])
        #expect(outcome.stdout.contains("Tide 1"))
    }
}
