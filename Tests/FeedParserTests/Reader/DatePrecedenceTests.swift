import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Which element's date becomes `published` and which `updated`, in each format. (The shapes of
/// dates themselves are the date parser's tests.)
@Suite("Date precedence")
struct DatePrecedenceTests {
    @Test func rssPubDateIsPublishedAndDCDateIsUpdatedWhenBothArePresent() throws {
        let entry = try FixtureLoader.feed("rss/dates.xml").entry(0)
        #expect(entry.published?.rfc3339 == "2024-09-09T14:00:00Z")
        #expect(entry.updated?.rfc3339 == "2024-09-09T23:02:03Z")
    }

    @Test func rssDCDateAloneIsPublishedWithItsFraction() throws {
        let entry = try FixtureLoader.feed("rss/dates.xml").entry(1)
        #expect(entry.published?.rfc3339 == "2024-09-08T23:59:59.25Z")
        #expect(entry.updated == nil)
    }

    @Test func unreadableDateIsLeftOutWithADiagnosticAtItsElement() throws {
        let parsed = try FixtureLoader.parse("rss/dates.xml")
        let entry = try parsed.feed.entry(2)
        #expect(entry.published == nil)
        #expect(entry.updated == nil)
        let diagnostic = try #require(parsed.diagnostics(coded: "unreadable-date").first)
        #expect(diagnostic.message.contains("the day after the harvest moon"))
        #expect(diagnostic.position?.line == 21)
        #expect(parsed.feed.wellFormed, "an unreadable date is not ill-formed XML")
    }

    @Test func rssLastBuildDateWinsOverDCDateOnTheChannel() throws {
        let feed = try FixtureLoader.feed("rss/dates.xml")
        #expect(feed.updated?.rfc3339 == "2024-09-10T12:00:00Z")
        #expect(feed.published == nil)
    }

    @Test func rssChannelDCDateIsUpdatedWithoutLastBuildDate() throws {
        let feed = try FixtureLoader.feed("rss/channel-dc-date.xml")
        #expect(feed.updated?.rfc3339 == "2023-06-21T04:43:00Z")
    }

    @Test func rssChannelPubDateIsPublishedAndLastBuildDateUpdated() throws {
        let feed = try FixtureLoader.feed("rss/rss20.xml")
        #expect(feed.published?.rfc3339 == "2024-10-05T06:00:00Z")
        #expect(feed.updated?.rfc3339 == "2024-10-06T05:30:00Z")
    }

    @Test func atomUpdatedInsideRSSItemIsUpdatedBesidePubDate() throws {
        let entry = try FixtureLoader.feed("namespaces/atom-in-rss.xml").entry(0)
        #expect(entry.published?.rfc3339 == "2024-05-01T10:00:00Z")
        #expect(entry.updated?.rfc3339 == "2024-05-03T11:00:00Z")
    }

    @Test func dctermsIssuedIsPublishedAndDCTermsModifiedIsUpdated() throws {
        let entry = try FixtureLoader.feed("namespaces/dublin-core.xml").entry(1)
        #expect(entry.published?.rfc3339 == "2024-01-15T09:00:00Z")
        #expect(entry.updated?.rfc3339 == "2024-01-16T09:00:00Z")
    }

    @Test func atomPublishedAndUpdatedAreKeptApartAndConvertedToUTC() throws {
        let feed = try FixtureLoader.feed("atom10/feed.xml")
        #expect(feed.updated?.rfc3339 == "2024-05-20T09:30:00Z")
        let entry = try feed.entry(0)
        #expect(entry.published?.rfc3339 == "2024-05-19T16:00:00Z")
        #expect(entry.updated?.rfc3339 == "2024-05-20T09:30:00Z")
        let second = try feed.entry(1)
        #expect(second.published == nil)
        #expect(second.updated?.rfc3339 == "2024-05-12T07:00:00Z")
    }

    @Test func atom03IssuedIsPublishedAndModifiedIsUpdated() throws {
        let feed = try FixtureLoader.feed("atom03/feed.xml")
        #expect(feed.updated?.rfc3339 == "2004-06-01T10:00:00Z")
        let entry = try feed.entry(0)
        #expect(entry.published?.rfc3339 == "2004-05-30T13:00:00Z")
        #expect(entry.updated?.rfc3339 == "2004-05-31T09:00:00Z")
    }

    @Test func jsonDatePublishedAndDateModifiedAreConvertedToUTC() throws {
        let entry = try FixtureLoader.feed("json/feed11.json").entry(0)
        #expect(entry.published?.rfc3339 == "2024-08-01T17:00:00Z")
        #expect(entry.updated?.rfc3339 == "2024-08-02T08:15:30Z")
    }

    @Test(arguments: [
        (0, "2024-10-06T05:30:00Z"),
        (1, "2024-10-06T12:30:00Z"),
        (2, "2024-10-06T14:30:00Z"),
        (3, "2024-10-06T07:30:00Z"),
        (4, "2024-10-06T07:30:00Z"),
        (5, "2024-10-06T11:00:00Z"),
        (6, "2024-10-06T07:30:00Z"),
        (7, "2024-10-06T00:00:00Z"),
        (8, "2024-10-01T00:00:00Z"),
        (9, "2024-01-01T00:00:00Z"),
        (10, "2024-10-06T07:30:00Z"),
        (11, "2024-10-06T02:00:00Z"),
        (12, "2024-10-06T06:30:00.123456Z"),
    ])
    func dateShapeIsReadEndToEndInUTC(entryIndex: Int, expected: String) throws {
        let parsed = try FixtureLoader.parse("rss/date-shapes.xml")
        let entry = try parsed.feed.entry(entryIndex)
        #expect(entry.published?.rfc3339 == expected, "\(entry.title?.value ?? "?")")
        #expect(parsed.diagnostics(coded: "unreadable-date").isEmpty)
    }
}
