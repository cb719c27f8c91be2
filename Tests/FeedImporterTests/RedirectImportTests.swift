import FeedImporter
import FeedStore
import NIOHTTP1
import Testing

/// Redirects: permanent ones move the source, temporary ones do not, loops and long chains fail.
@Suite struct RedirectImportTests {
    @Test(arguments: [HTTPResponseStatus.movedPermanently, .permanentRedirect])
    func aPermanentRedirectMovesTheSource(status: HTTPResponseStatus) async throws {
        try await withScriptedServer { server in
            server.route("/old.xml", .redirect(status, to: "/new.xml"))
            server.route("/new.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()

            let first = try await harness.run(.url(server.url("/old.xml")))
            #expect(first.result == .imported(ImportTally(new: 3)))
            #expect(first.movedTo == server.url("/new.xml"))
            let source = try #require(try harness.source(server.url("/old.xml")))
            #expect(source.address == server.url("/old.xml"))
            #expect(source.fetchState.movedTo == server.url("/new.xml"))
            let before = try harness.contents()

            // Later imports fetch the new address directly, by either name.
            let again = try await harness.run(.url(server.url("/old.xml")))
            let byNewName = try await harness.run(.url(server.url("/new.xml")))

            #expect(again.result == .imported(ImportTally(unchanged: 3)))
            #expect(byNewName.result == .imported(ImportTally(unchanged: 3)))
            #expect(byNewName.address == server.url("/old.xml"))
            #expect(server.requests(to: "/old.xml").count == 1)
            #expect(server.requests(to: "/new.xml").count == 3)
            #expect(try harness.contents() == before)
        }
    }

    @Test(arguments: [HTTPResponseStatus.found, .temporaryRedirect])
    func aTemporaryRedirectKeepsTheAddress(status: HTTPResponseStatus) async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .redirect(status, to: "/today.xml"))
            server.route("/today.xml", .feed(TestFeeds.rss(items: TestFeeds.items(2))))
            let harness = try ImportHarness()

            let first = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            let again = try await harness.run(.url(server.url("/feed.xml")))

            #expect(first.result == .imported(ImportTally(new: 2)))
            #expect(first.movedTo == nil)
            #expect(try harness.source(server.url("/feed.xml"))?.fetchState.movedTo == nil)
            #expect(again.result == .imported(ImportTally(unchanged: 2)))
            #expect(server.requests(to: "/feed.xml").count == 2)
            #expect(try harness.contents() == before)
        }
    }

    /// A 301 then a 302: the final address is not a permanent one, so nothing moves.
    @Test func aChainWithOneTemporaryHopDoesNotMoveTheSource() async throws {
        try await withScriptedServer { server in
            server.route("/a.xml", .redirect(.movedPermanently, to: "/b.xml"))
            server.route("/b.xml", .redirect(.found, to: "/c.xml"))
            server.route("/c.xml", .feed(TestFeeds.rss(items: TestFeeds.items(1))))
            let harness = try ImportHarness()

            let outcome = try await harness.run(.url(server.url("/a.xml")))

            #expect(outcome.result == .imported(ImportTally(new: 1)))
            #expect(outcome.movedTo == nil)
        }
    }

    @Test func aRedirectLoopFailsAndKeepsTheStoredArticles() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(3))))
            let harness = try ImportHarness()
            _ = try await harness.run(.url(server.url("/feed.xml")))
            let before = try harness.contents()
            server.route("/feed.xml", .redirect(.found, to: "/elsewhere.xml"))
            server.route("/elsewhere.xml", .redirect(.found, to: "/feed.xml"))

            let outcome = try await harness.run(.url(server.url("/feed.xml")))

            #expect(outcome.result == .failed(.fetch(.redirectLoop(server.url("/feed.xml")))))
            #expect(try harness.contents() == before)
            #expect(try harness.source(server.url("/feed.xml"))?.fetchState.lastError == "redirect loop at \(server.url("/feed.xml"))")
        }
    }

    @Test func atMostFiveRedirectsAreFollowed() async throws {
        try await withScriptedServer { server in
            for hop in 0..<6 { server.route("/hop\(hop).xml", .redirect(.found, to: "/hop\(hop + 1).xml")) }
            server.route("/hop6.xml", .feed(TestFeeds.rss(items: TestFeeds.items(1))))
            let harness = try ImportHarness()

            let five = try await harness.run(.url(server.url("/hop1.xml")))
            let six = try await harness.run(.url(server.url("/hop0.xml")))

            #expect(five.result == .imported(ImportTally(new: 1)))
            #expect(six.result == .failed(.fetch(.tooManyRedirects(limit: 5))))
            #expect(try harness.contents().sources.map(\.address) == [server.url("/hop1.xml")])
        }
    }
}
