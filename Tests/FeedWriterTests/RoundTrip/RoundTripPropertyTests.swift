import FeedModel
import FeedParser
import FeedWriter
import PropertyBased
import Testing

/// The round trip the builder promises: random articles written as Atom, RSS 2.0 and JSON Feed
/// and read back with our parser keep every field the format can carry. What each format cannot
/// carry, and the reader's normalisations, are spelled out in `RoundTripExpectations`.
@Suite("Round trip through the parser")
struct RoundTripPropertyTests {
    @Test func atomKeepsEveryFieldOfTheFeedAndItsEntries() async throws {
        await propertyCheck(count: 200, input: ArticleGenerators.feed) { input in
            let (feed, entries) = input
            let parsed = try Self.readBack(AtomWriter(), feed, entries, format: .atom10)
            Self.expectEqualMetadata(parsed, RoundTripExpectations.atomFeed(feed, entries: entries))
            for (written, read) in zip(entries, parsed.entries) {
                Self.expectEqual(read, RoundTripExpectations.atom(written, feed: feed))
            }
        }
    }

    @Test func rssKeepsWhatRSSCanCarry() async throws {
        await propertyCheck(count: 200, input: ArticleGenerators.feed) { input in
            let (feed, entries) = input
            let parsed = try Self.readBack(RSS2Writer(), feed, entries, format: .rss20)
            var expectedFeed = RoundTripExpectations.rssFeed(feed, entries: entries)
            var actualFeed = parsed
            #expect(actualFeed.title?.value == expectedFeed.title?.value, "feed title")
            #expect(actualFeed.title?.lang == expectedFeed.title?.lang, "feed title language")
            #expect(actualFeed.rights?.value == expectedFeed.rights?.value, "feed rights")
            #expect(actualFeed.rights?.lang == expectedFeed.rights?.lang, "feed rights language")
            #expect(Set(actualFeed.links) == Set(expectedFeed.links), "feed links")
            #expect(actualFeed.links.count == expectedFeed.links.count, "feed link count")
            (actualFeed.title, expectedFeed.title, actualFeed.rights, expectedFeed.rights) = (nil, nil, nil, nil)
            (actualFeed.links, expectedFeed.links) = ([], [])
            Self.expectEqualMetadata(actualFeed, expectedFeed)
            for (written, read) in zip(entries, parsed.entries) {
                var expected = RoundTripExpectations.rss(written, feed: feed)
                var actual = read
                // RSS titles and rights have no type: compared by value and language.
                #expect(actual.title?.value == expected.title?.value, "title")
                #expect(actual.title?.lang == expected.title?.lang, "title language")
                #expect(actual.rights?.value == expected.rights?.value, "rights")
                #expect(actual.rights?.lang == expected.rights?.lang, "rights language")
                (actual.title, expected.title, actual.rights, expected.rights) = (nil, nil, nil, nil)
                // RSS writes the first link of three relations in elements of their own.
                #expect(Set(actual.links) == Set(expected.links), "links")
                #expect(actual.links.count == expected.links.count, "link count")
                (actual.links, expected.links) = ([], [])
                Self.expectEqual(actual, expected)
            }
        }
    }

    @Test func jsonFeedKeepsWhatJSONFeedCanCarry() async throws {
        await propertyCheck(count: 200, input: ArticleGenerators.feed) { input in
            let (feed, entries) = input
            let parsed = try Self.readBack(JSONFeedWriter(), feed, entries, format: .json11)
            Self.expectEqualMetadata(parsed, RoundTripExpectations.jsonFeed(feed))
            for (written, read) in zip(entries, parsed.entries) {
                Self.expectEqual(read, RoundTripExpectations.json(written))
            }
        }
    }

    /// Writes the document, reads it back, and checks it was read cleanly and whole.
    static func readBack(_ writer: some FeedDocumentWriter, _ feed: Feed, _ entries: [Entry],
                         format: FeedFormat) throws -> Feed {
        let bytes = try writer.document(feed, entries: entries)
        let parsed = try FeedParser().parse(data: bytes)
        #expect(parsed.feed.format == format)
        #expect(parsed.feed.wellFormed)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.feed.entries.count == entries.count)
        return parsed.feed
    }

    /// The feed's own fields, one by one (entries are compared apart).
    static func expectEqualMetadata(_ actual: Feed, _ expected: Feed, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.id == expected.id, "feed id", sourceLocation: sourceLocation)
        #expect(actual.title == expected.title, "feed title", sourceLocation: sourceLocation)
        #expect(actual.subtitle == expected.subtitle, "feed subtitle", sourceLocation: sourceLocation)
        #expect(actual.updated == expected.updated, "feed updated", sourceLocation: sourceLocation)
        #expect(actual.published == expected.published, "feed published", sourceLocation: sourceLocation)
        #expect(actual.links == expected.links, "feed links", sourceLocation: sourceLocation)
        #expect(actual.authors == expected.authors, "feed authors", sourceLocation: sourceLocation)
        #expect(actual.contributors == expected.contributors, "feed contributors", sourceLocation: sourceLocation)
        #expect(actual.categories == expected.categories, "feed categories", sourceLocation: sourceLocation)
        #expect(actual.generator == expected.generator, "feed generator", sourceLocation: sourceLocation)
        #expect(actual.icon == expected.icon, "feed icon", sourceLocation: sourceLocation)
        #expect(actual.logo == expected.logo, "feed logo", sourceLocation: sourceLocation)
        #expect(actual.rights == expected.rights, "feed rights", sourceLocation: sourceLocation)
        #expect(actual.language == expected.language, "feed language", sourceLocation: sourceLocation)
        #expect(actual.ttl == expected.ttl, "feed ttl", sourceLocation: sourceLocation)
    }

    /// Field by field, so a failure names the field.
    static func expectEqual(_ actual: Entry, _ expected: Entry, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.id == expected.id, "id", sourceLocation: sourceLocation)
        #expect(actual.title == expected.title, "title", sourceLocation: sourceLocation)
        #expect(actual.links == expected.links, "links", sourceLocation: sourceLocation)
        #expect(actual.published == expected.published, "published", sourceLocation: sourceLocation)
        #expect(actual.updated == expected.updated, "updated", sourceLocation: sourceLocation)
        #expect(actual.authors == expected.authors, "authors", sourceLocation: sourceLocation)
        #expect(actual.contributors == expected.contributors, "contributors", sourceLocation: sourceLocation)
        #expect(actual.summary == expected.summary, "summary", sourceLocation: sourceLocation)
        #expect(actual.content == expected.content, "content", sourceLocation: sourceLocation)
        #expect(actual.categories == expected.categories, "categories", sourceLocation: sourceLocation)
        #expect(actual.rights == expected.rights, "rights", sourceLocation: sourceLocation)
        #expect(actual.source == expected.source, "source", sourceLocation: sourceLocation)
        #expect(actual.language == expected.language, "language", sourceLocation: sourceLocation)
    }
}
