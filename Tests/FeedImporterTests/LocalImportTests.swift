@testable import FeedImporter
import FeedStore
import Foundation
import Testing

/// Files and standard input: their addresses, their limits, and failures that keep what is stored.
@Suite struct LocalImportTests {
    @Test func aFileIsStoredUnderItsAbsoluteStandardisedPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("feed.xml", TestFeeds.rss(items: TestFeeds.items(2)))
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let harness = try ImportHarness()

        let first = try await harness.run(.file(path: path))
        let roundabout = try await harness.run(.file(path: folder.path + "/./sub/../feed.xml"))

        #expect(first.result == .imported(ImportTally(new: 2)))
        #expect(first.address == URL(fileURLWithPath: path).standardizedFileURL.path)
        #expect(roundabout.address == first.address)
        #expect(roundabout.result == .imported(ImportTally(unchanged: 2)))
        #expect(try harness.store.sourceCount() == 1)
        #expect(try harness.source(path)?.fetchState.lastOutcome == .fetched)
        #expect(try harness.source(path)?.fetchState.lastStatus == nil)
    }

    @Test func aRelativePathIsResolvedAgainstTheCurrentFolder() {
        let current = FileManager.default.currentDirectoryPath
        let source = ImportSource.argument("feeds/../feed.xml", standardInput: { [] })
        #expect(source == .file(path: "feeds/../feed.xml"))
        let outcomeAddress = URL(fileURLWithPath: current + "/feed.xml").standardizedFileURL.path
        #expect(ImportSource.storedAddress(ofFile: "feeds/../feed.xml") == outcomeAddress)
    }

    @Test func aMissingFileFailsAndRegistersNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let harness = try ImportHarness()

        let outcome = try await harness.run(.file(path: folder.path + "/absent.xml"))

        #expect(outcome.result == .failed(.unreadableFile(reason: "No such file or directory")))
        #expect(try harness.store.sourceCount() == 0)
    }

    @Test func aFileThatStopsBeingAFeedKeepsItsArticles() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("feed.xml", TestFeeds.rss(items: TestFeeds.items(3)))
        let harness = try ImportHarness()
        _ = try await harness.run(.file(path: path))
        let before = try harness.contents()
        _ = try folder.write("feed.xml", TestFeeds.htmlPage)

        let outcome = try await harness.run(.file(path: path))

        #expect(outcome.failed)
        #expect(try harness.contents() == before)
        #expect(try harness.source(path)?.fetchState.lastError == outcome.result.failure?.description)
    }

    @Test func aFileOverTheLimitIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("feed.xml", TestFeeds.rss(items: TestFeeds.items(50)))
        let harness = try ImportHarness()

        let outcome = try await harness.run(.file(path: path), options: FeedImportOptions(maxDocumentBytes: 4096))

        #expect(outcome.result == .failed(.documentTooLarge(limit: 4096)))
        #expect(try harness.store.sourceCount() == 0)
    }

    /// Piped in, then fetched: both are the same source, so nothing is duplicated.
    @Test func standardInputIsStoredUnderTheFeedsSelfLink() async throws {
        try await withScriptedServer { server in
            let document = TestFeeds.rss(selfLink: server.url("/feed.xml"), items: TestFeeds.items(3))
            server.route("/feed.xml", .feed(document))
            let harness = try ImportHarness()

            let piped = try await harness.run(.standardInput(bytes: Array(document.utf8)))
            let before = try harness.contents()
            let fetched = try await harness.run(.url(server.url("/feed.xml")))

            #expect(piped.address == server.url("/feed.xml"))
            #expect(piped.result == .imported(ImportTally(new: 3)))
            #expect(fetched.result == .imported(ImportTally(unchanged: 3)))
            #expect(try harness.contents() == before)
        }
    }

    @Test func standardInputWithoutASelfLinkIsRefused() async throws {
        let harness = try ImportHarness()

        let outcome = try await harness.run(.standardInput(bytes: Array(TestFeeds.rss(items: TestFeeds.items(2)).utf8)))

        #expect(outcome.result == .failed(.noAddress))
        #expect(outcome.address == nil)
        #expect(try harness.store.sourceCount() == 0)
    }
}
