import FeedImporter
import FeedModel
import FeedStore
import Foundation
import NIOHTTP1
import Testing

/// Imports over HTTP from a scripted server on loopback: the answers a feed server gives, and
/// what each leaves in the store.
@Suite struct HTTPImportTests {
    static let etag = "\"v1\""
    static let lastModified = "Mon, 03 Nov 2025 12:00:00 GMT"

    @Test func aFeedServedWith200IsStoredWithItsValidators() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3)),
                                            headers: [("ETag", Self.etag), ("Last-Modified", Self.lastModified)]))
            let harness = try ImportHarness()
            let outcome = try await harness.run(.url(server.url("/feed.xml")))

            #expect(outcome.result == .imported(ImportTally(new: 3)))
            #expect(outcome.address == server.url("/feed.xml"))
            let source = try #require(try harness.source(server.url("/feed.xml")))
            #expect(source.title == "Loopback News")
            #expect(source.siteLink == "https://news.example/")
            #expect(source.articleCount == 3)
            #expect(source.fetchState.etag == Self.etag)
            #expect(source.fetchState.lastModified == Self.lastModified)
            #expect(source.fetchState.lastStatus == 200)
            #expect(source.fetchState.lastOutcome == .fetched)
            #expect(source.fetchState.lastFetched == ImportHarness.moment)
        }
    }

    @Test func importingTheSameFeedAgainChangesNothing() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()

            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(again.result == .imported(ImportTally(unchanged: 3)))
            #expect(try harness.contents() == before)
        }
    }

    @Test func theStoredETagIsSentBackAnd304MeansNotModified() async throws {
        try await withScriptedServer { server in
            let feed = TestFeeds.rss(items: TestFeeds.items(2))
            server.route("/feed.xml") { request in
                request.header("If-None-Match") == Self.etag
                    ? ScriptedResponse(status: .notModified, headers: [("ETag", Self.etag)])
                    : .feed(feed, headers: [("ETag", Self.etag)])
            }
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()

            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(again.result == .notModified)
            #expect(server.requests.map { $0.header("If-None-Match") } == [nil, Self.etag])
            #expect(try harness.contents() == before)
            let source = try #require(try harness.source(server.url("/feed.xml")))
            #expect(source.fetchState.lastOutcome == .notModified)
            #expect(source.fetchState.etag == Self.etag)
        }
    }

    @Test func theStoredLastModifiedIsSentBackAnd304MeansNotModified() async throws {
        try await withScriptedServer { server in
            let feed = TestFeeds.rss(items: TestFeeds.items(2))
            server.route("/feed.xml") { request in
                request.header("If-Modified-Since") == Self.lastModified
                    ? ScriptedResponse(status: .notModified)
                    : .feed(feed, headers: [("Last-Modified", Self.lastModified)])
            }
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()

            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(again.result == .notModified)
            #expect(server.requests.map { $0.header("If-Modified-Since") } == [nil, Self.lastModified])
            #expect(server.requests.allSatisfy { $0.header("If-None-Match") == nil })
            #expect(try harness.contents() == before)
            #expect(try harness.source(server.url("/feed.xml"))?.fetchState.lastModified == Self.lastModified)
        }
    }

    @Test func forceFetchesInFullWithoutTheStoredValidators() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(2)), headers: [("ETag", Self.etag)]))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))

            let forced = try await harness.run(.url(server.url("/feed.xml")), options: FeedImportOptions(force: true))

            #expect(forced.result == .imported(ImportTally(unchanged: 2)))
            #expect(server.requests.allSatisfy { $0.header("If-None-Match") == nil })
        }
    }

    @Test(arguments: [ContentCoding.gzip, .deflate])
    func aCompressedBodyIsDecompressed(coding: ContentCoding) async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(4)), coding: coding))
            let harness = try ImportHarness()

            let outcome = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(outcome.result == .imported(ImportTally(new: 4)))
            #expect(server.requests.first?.header("Accept-Encoding")?.contains(coding.headerValue) == true)
            #expect(again.result == .imported(ImportTally(unchanged: 4)))
            #expect(try harness.contents() == before)
        }
    }

    @Test func theUserAgentNamesTheToolAndItsVersion() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(1))))
            _ = try await ImportHarness().run(.url(server.url("/feed.xml")))
            let agent = try #require(server.requests.first?.header("User-Agent"))
            #expect(agent.hasPrefix("Syndication-feed/\(SyndicationRelease.version)"))
        }
    }

    /// KOI8-R bytes that are not UTF-8: only the charset of the Content-Type names the encoding.
    @Test func theCharsetOfTheContentTypeDecidesTheEncoding() async throws {
        try await withScriptedServer { server in
            let privet: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]   // "Привет" in KOI8-R
            let document = TestFeeds.rss(title: "TITLE", items: TestFeeds.items(1))
                .replacingOccurrences(of: " encoding=\"utf-8\"", with: "")
            let parts = document.components(separatedBy: "TITLE")
            try #require(parts.count == 2)
            let body = Array(parts[0].utf8) + privet + Array(parts[1].utf8)
            server.route("/feed.xml", ScriptedResponse(headers: [("Content-Type", "application/xml; charset=koi8-r")],
                                                       body: body))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            #expect(try harness.source(server.url("/feed.xml"))?.title == "Привет")
        }
    }

    @Test func anHTMLPageFailsAndKeepsTheStoredArticles() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .feed(TestFeeds.htmlPage, contentType: "text/html; charset=utf-8"))

            let outcome = try await harness.run(.url(server.url("/feed.xml")))

            let failure = try #require(outcome.result.failure)
            guard case .unreadableFeed = failure else {
                Issue.record("expected an unreadable feed, got \(failure)")
                return
            }
            #expect(failure.description.contains("HTML page"))
            #expect(try harness.contents() == before)
            let state = try #require(try harness.source(server.url("/feed.xml"))?.fetchState)
            #expect(state.lastOutcome == .failed)
            #expect(state.lastError == failure.description)
        }
    }
}
