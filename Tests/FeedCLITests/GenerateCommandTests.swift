import Foundation
import Testing

@Suite("feed generate")
struct GenerateCommandTests {
    private func generate(_ store: StoreFixture, _ extra: [String]) throws -> FeedProcess.Outcome {
        try FeedProcess.run(["generate", "--store", store.path, "--settings", try store.writeSettings()] + extra)
    }

    @Test func atomListsStoredArticlesNewestFirstWithTheNewestDateAsUpdated() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 3), address: "https://harbour.example/rss")
        let output = store.folder + "/atom.xml"
        let outcome = try generate(store, ["--output", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let xml = try String(contentsOfFile: output, encoding: .utf8)
        let titles = xml.matches(of: /<title>(Tide \d)<\/title>/).map { String($0.output.1) }
        #expect(titles == ["Tide 3", "Tide 2", "Tide 1"])
        #expect(xml.contains("<title>Harbour Notes</title>\n  <updated>2024-03-03T07:00:00Z</updated>\n"))
        #expect(xml.contains("<id>tag:harbour.example,2024:feed</id>"))
        #expect(xml.contains(#"<link rel="self" href="https://harbour.example/atom.xml" type="application/atom+xml"/>"#))
    }

    @Test func theSameStoreGivesTheSameBytes() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 5), address: "https://harbour.example/rss")
        let first = try generate(store, ["--output", "-"])
        let second = try generate(store, ["--output", "-"])
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func limitKeepsTheNewest() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 4), address: "https://harbour.example/rss")
        let outcome = try generate(store, ["--output", "-", "--limit", "2"])
        let titles = outcome.stdout.matches(of: /<title>(Tide \d)<\/title>/).map { String($0.output.1) }
        #expect(titles == ["Tide 4", "Tide 3"])
    }

    @Test func sourceSelectsOneSourcesArticles() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 2), address: "https://harbour.example/rss")
        try store.importFeed(StoreFixture.rss(items: 2, titlePrefix: "Wind"), address: "https://wind.example/rss")
        let outcome = try generate(store, ["--output", "-", "--source", "https://wind.example/rss"])
        #expect(outcome.stdout.contains("Wind 2"))
        #expect(!outcome.stdout.contains("Tide 2"))
    }

    @Test func rssAndJSONFormatsAreWritten() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        let rss = try generate(store, ["--output", "-", "--format", "rss"])
        #expect(rss.stdout.contains(#"<rss version="2.0""#))
        let json = try generate(store, ["--output", "-", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
    }

    @Test func pageSizeWritesArchiveDocuments() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 5), address: "https://harbour.example/rss")
        let output = store.folder + "/atom.xml"
        let outcome = try generate(store, ["--output", output, "--page-size", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let main = try String(contentsOfFile: output, encoding: .utf8)
        #expect(main.contains(#"rel="prev-archive""#))
        #expect(FileManager.default.fileExists(atPath: store.folder + "/atom-archive-1.xml"))
        #expect(FileManager.default.fileExists(atPath: store.folder + "/atom-archive-2.xml"))
    }

    @Test func anEmptyStoreIsRefusedAndTheOldFileKept() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        let output = store.folder + "/atom.xml"
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        let outcome = try generate(store, ["--output", output])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no articles"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old")
    }

    @Test func flagsOverrideTheSettings() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        let outcome = try generate(store, ["--output", "-", "--title", "Tide Tables", "--author", "Ines Mole"])
        #expect(outcome.stdout.contains("<title>Tide Tables</title>"))
        #expect(outcome.stdout.contains("<name>Ines Mole</name>"))
        #expect(!outcome.stdout.contains("Harbour Notes"))
    }

    @Test func aMissingSettingsFileNamedByTheFlagIsAnIOError() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed(StoreFixture.rss(items: 1), address: "https://harbour.example/rss")
        let outcome = try FeedProcess.run(["generate", "--store", store.path, "--settings", store.folder + "/none.toml",
                                           "--output", "-"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("feed: \(store.folder)/none.toml"))
    }

    @Test func anInvalidFeedIsRefusedWithItsDiagnosticsAndTheOldFileKept() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        // No author anywhere: RFC 4287 §4.1.1 wants one on the feed or on every entry.
        try store.importFeed("""
            <rss version="2.0"><channel><title>Harbour</title><link>https://harbour.example/</link>
            <description>Tides</description><item><title>Calm</title><guid>https://harbour.example/calm</guid>
            <pubDate>01 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>
            """, address: "https://harbour.example/rss")
        let settings = try store.writeSettings("""
            title = "Harbour Notes"
            link = "https://harbour.example/"
            """)
        let output = store.folder + "/atom.xml"
        try Data("the good feed".utf8).write(to: URL(fileURLWithPath: output))
        let outcome = try FeedProcess.run(["generate", "--store", store.path, "--settings", settings, "--output", output])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("[missing-author]"))
        #expect(outcome.stderr.contains("was left as it was"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "the good feed")
        let forced = try FeedProcess.run(["generate", "--store", store.path, "--settings", settings, "--output", output,
                                          "--no-validate"])
        #expect(forced.status == 0)
    }

    @Test func aGuidThatIsNoIRIBecomesAStableURNAndTheFeedIsValid() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try store.importFeed("""
            <rss version="2.0"><channel><title>Harbour</title><link>https://harbour.example/</link>
            <description>Tides</description><item><title>Calm</title><guid isPermaLink="false">4711</guid></item>
            </channel></rss>
            """, address: "https://harbour.example/rss")
        let first = try generate(store, ["--output", "-"])
        #expect(first.status == 0, "\(first.stderr)")
        let id = try #require(first.stdout.firstMatch(of: /<entry>\s*<id>([^<]*)<\/id>/)?.output.1)
        #expect(id.hasPrefix("urn:uuid:"))
        #expect(try generate(store, ["--output", "-"]).stdout == first.stdout)
    }
}
