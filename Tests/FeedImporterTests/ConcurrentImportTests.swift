import FeedImporter
import FeedStore
import NIOConcurrencyHelpers
import Testing

/// Many sources at once: the bound holds, failures stay contained, outcomes keep their order.
@Suite struct ConcurrentImportTests {
    @Test func twoHundredSourcesImportAtOnceAndFailuresStayTheirOwn() async throws {
        try await withScriptedServer { server in
            let failing: Set<Int> = [7, 57, 107, 157]
            for index in 0..<200 where !failing.contains(index) {
                server.route("/feeds/\(index).xml", .feed(TestFeeds.rss(title: "Feed \(index)",
                                                                        items: TestFeeds.items(2, prefix: "f\(index)"))))
            }
            let sources = (0..<200).map { ImportSource.url(server.url("/feeds/\($0).xml")) }
            let harness = try ImportHarness()
            let reports = NIOLockedValueBox<[ImportProgress]>([])

            let outcomes = await harness.run(sources) { progress in reports.withLockedValue { $0.append(progress) } }

            #expect(outcomes.map(\.source) == sources)
            #expect(outcomes.filter(\.failed).count == failing.count)
            for index in failing {
                #expect(outcomes[index].result == .failed(.fetch(.status(404, "Not Found"))))
            }
            #expect(outcomes.compactMap(\.result.tally).allSatisfy { $0 == ImportTally(new: 2) })
            let contents = try harness.contents()
            #expect(contents.sources.count == 196)
            #expect(contents.articleCount == 392)
            let progress = reports.withLockedValue { $0 }
            #expect(progress.map(\.finished) == Array(1...200))
            #expect(progress.last == ImportProgress(finished: 200, total: 200, failed: 4))
            #expect(server.mostOpenRequests <= FeedImportOptions().maxConcurrentImports)

            let again = await harness.run(sources)
            #expect(again.compactMap(\.result.tally).allSatisfy { $0 == ImportTally(unchanged: 2) })
            #expect(try harness.contents() == contents)
        }
    }

    /// The server holds every answer until three requests wait together: the import finishes
    /// only if three run at once, and the server never sees a fourth.
    @Test func importsRunConcurrentlyUpToTheBoundAndNoFurther() async throws {
        try await withScriptedServer { server in
            for index in 0..<9 {
                server.route("/\(index).xml", .feed(TestFeeds.rss(items: TestFeeds.items(1, prefix: "s\(index)"))))
            }
            server.holdResponses(untilWaiting: 3, expected: 9)
            let harness = try ImportHarness()

            let outcomes = await harness.run((0..<9).map { .url(server.url("/\($0).xml")) },
                                             options: FeedImportOptions(maxConcurrentImports: 3))

            #expect(outcomes.allSatisfy { $0.result == .imported(ImportTally(new: 1)) })
            #expect(server.mostOpenRequests == 3)
        }
    }

    @Test func aSourceNamedTwiceIsImportedOnce() async throws {
        try await withScriptedServer { server in
            server.route("/feed.xml", .feed(TestFeeds.rss(items: TestFeeds.items(2))))
            let harness = try ImportHarness()

            let outcomes = await harness.run([.url(server.url("/feed.xml")), .url(server.url("/feed.xml"))])

            #expect(outcomes.count == 1)
            #expect(server.requests.count == 1)
            #expect(try harness.store.articleCount() == 2)
        }
    }
}
