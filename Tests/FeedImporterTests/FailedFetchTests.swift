import FeedImporter
import FeedStore
import NIOHTTP1
import Testing

/// Answers that are not a feed: each fails (or marks the source gone), records why on a source the
/// store knows, and never touches its articles.
@Suite struct FailedFetchTests {
    @Test(arguments: [HTTPResponseStatus.notFound, .internalServerError])
    func anErrorStatusFailsAndKeepsTheStoredArticles(status: HTTPResponseStatus) async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3)), headers: [("ETag", "\"e\"")]))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .status(status))

            let outcome = try await harness.run(.url(server.url("/feed.xml")))

            #expect(outcome.result == .failed(.fetch(.status(Int(status.code), status.reasonPhrase))))
            #expect(outcome.result.failure?.description == "HTTP \(status.code) \(status.reasonPhrase)")
            #expect(try harness.contents() == before)
            let state = try #require(try harness.source(server.url("/feed.xml"))?.fetchState)
            #expect(state.lastOutcome == .failed)
            #expect(state.lastStatus == Int(status.code))
            #expect(state.lastError == "HTTP \(status.code) \(status.reasonPhrase)")
            #expect(state.etag == "\"e\"")
        }
    }

    @Test func aFailureOnANewAddressRegistersNothing() async throws {
        try await withScriptedServer { server in
            let harness = try ImportHarness()

            let outcome = try await harness.run(.url(server.url("/missing.xml")))

            #expect(outcome.result == .failed(.fetch(.status(404, "Not Found"))))
            #expect(try harness.store.sourceCount() == 0)
        }
    }

    @Test func a410MarksTheSourceGoneAndItIsNotFetchedAgain() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .status(.gone))

            let gone = try await harness.run(.url(server.url("/feed.xml")))
            let skipped = try await harness.run(.url(server.url("/feed.xml")))

            #expect(gone.result == .gone)
            #expect(skipped.result == .skippedAsGone)
            #expect(server.requests(to: "/feed.xml").count == 2)
            #expect(try harness.contents() == before)
            #expect(try harness.source(server.url("/feed.xml"))?.fetchState.isGone == true)
        }
    }

    @Test func forceFetchesAGoneSourceAgain() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .status(.gone))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(2))))

            let forced = try await harness.run(.url(server.url("/feed.xml")), options: FeedImportOptions(force: true))

            #expect(forced.result == .imported(ImportTally(new: 2)))
            #expect(try harness.source(server.url("/feed.xml"))?.fetchState.isGone == false)
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .neverAnswer)

            let outcome = try await harness.run(.url(server.url("/feed.xml")),
                                                fetch: HTTPFetchOptions(totalTimeout: .milliseconds(500)))

            #expect(outcome.result == .failed(.fetch(.timedOut(after: .milliseconds(500)))))
            #expect(outcome.result.failure?.description == "no complete answer within 0.5 s")
            #expect(try harness.contents() == before)
        }
    }

    @Test func aBodyThatStallsHalfwayTimesOut() async throws {
        try await withScriptedServer { server in
            let feed = TestFeeds.rss(items: TestFeeds.items(3))
            server.route("/feed.xml", ScriptedResponse(headers: [("Content-Type", "application/rss+xml")],
                                                       body: Array(feed.utf8), delivery: .stallAfter(bytes: 200)))
            let harness = try ImportHarness()

            let outcome = try await harness.run(.url(server.url("/feed.xml")),
                                                fetch: HTTPFetchOptions(totalTimeout: .milliseconds(500)))

            #expect(outcome.result == .failed(.fetch(.timedOut(after: .milliseconds(500)))))
            #expect(try harness.store.sourceCount() == 0)
        }
    }

    @Test func aBodyOverTheLimitIsRefused() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(400))))

            let outcome = try await harness.run(.url(server.url("/feed.xml")),
                                                fetch: HTTPFetchOptions(maxBodyBytes: 16 << 10))

            #expect(outcome.result == .failed(.fetch(.bodyTooLarge(limit: 16 << 10))))
            #expect(try harness.contents() == before)
        }
    }

    @Test func aSourceOfTheSitesOwnArticlesIsNotImportedInto() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(2))))
            let harness = try ImportHarness()
            _ = try await harness.store.registerSource(address: server.url("/feed.xml"), kind: .site)

            let outcome = try await harness.run(.url(server.url("/feed.xml")))

            #expect(outcome.result == .failed(.notAnImportedSource(address: server.url("/feed.xml"))))
            #expect(try harness.store.articleCount() == 0)
            #expect(server.requests.isEmpty)
        }
    }
}
