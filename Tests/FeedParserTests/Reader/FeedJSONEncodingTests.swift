import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// The JSON form of a parsed feed is the parsed-feed contract: sorted keys, absent fields and
/// empty lists omitted (never `null`), dates in RFC 3339 UTC.
@Suite("JSON encoding of a parsed feed")
struct FeedJSONEncodingTests {
    private func encode(_ feed: Feed) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(feed), as: UTF8.self)
    }

    @Test func encodedFeedHasSortedKeysOmissionsAndUTCDates() throws {
        let json = try encode(FixtureLoader.feed("rss/dates.xml"))
        let expected = #"{"encoding":"utf-8","entries":["#
            + #"{"published":"2024-09-09T14:00:00Z","title":{"type":"text","value":"Both dates"},"#
            + #""updated":"2024-09-09T23:02:03Z"},"#
            + #"{"published":"2024-09-08T23:59:59.25Z","title":{"type":"text","value":"Dublin Core date only"}},"#
            + #"{"title":{"type":"text","value":"Unreadable date"}}],"#
            + #""format":"rss2.0","links":[{"href":"http://clock.example.org/","rel":"alternate"}],"#
            + #""subtitle":{"type":"html","value":"Dates and their order."},"#
            + #""title":{"type":"text","value":"Clock Tower"},"updated":"2024-09-10T12:00:00Z","wellFormed":true}"#
        #expect(json == expected)
    }

    @Test(arguments: FixtureLoader.feedFixtures)
    func encodedFeedNeverCarriesNullOrEmptyLists(fixture: String) throws {
        let json = try encode(FixtureLoader.feed(fixture))
        #expect(!json.contains("null"))
        #expect(!json.contains("[]"))
        #expect(!json.contains("{}"))
    }

    @Test(arguments: FixtureLoader.feedFixtures)
    func encodedFeedAlwaysCarriesFormatWellFormedAndEncoding(fixture: String) throws {
        let json = try encode(FixtureLoader.feed(fixture))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] is String)
        #expect(object["wellFormed"] is Bool)
        #expect(object["encoding"] is String)
    }

    @Test func encodedTextCarriesItsLanguageOnlyWhenOneIsInScope() throws {
        let json = try encode(FixtureLoader.feed("base/xml-lang.xml"))
        #expect(json.contains(#"{"lang":"en-US","type":"text","value":"Inherited language"}"#))
        #expect(json.contains(#"{"type":"text","value":"No language at all"}"#))
    }

    @Test func encodedContentCarriesSrcAndMIMEType() throws {
        let json = try encode(FixtureLoader.feed("atom10/content-types.xml"))
        #expect(json.contains(
            #""content":{"src":"https://gallery.example.com/videos/launch.mp4","type":"video/mp4","value":""}"#))
    }

    @Test(arguments: FixtureLoader.feedFixtures)
    func parsedFeedSurvivesAJSONRoundTrip(fixture: String) throws {
        let feed = try FixtureLoader.feed(fixture)
        let data = try JSONEncoder().encode(feed)
        #expect(try JSONDecoder().decode(Feed.self, from: data) == feed)
    }
}
