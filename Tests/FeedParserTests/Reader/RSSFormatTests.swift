import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// RSS 0.90 to 2.0, and RSS with no version: the format is recognised from the content, and
/// each element lands where the contract says.
@Suite("RSS 0.9x and 2.0")
struct RSSFormatTests {
    @Test func nothingOfOneItemCarriesOverToTheNext() throws {
        let feed = try FixtureLoader.feed("rss/items-apart.xml")
        #expect(feed.entries.count == 3)
        #expect(try feed.entry(0).title?.value == "Spring tide")
        #expect(try feed.entry(0).source?.title?.value == "All tides")
        #expect(try feed.entry(1) == Entry(id: "tide-2"))
        #expect(try feed.entry(2) == Entry(summary: Text("Neap tide", type: .html)))
    }

    @Test func rss090IsRecognisedByItsNetscapeNamespace() throws {
        let feed = try FixtureLoader.feed("rss/rss090.xml")
        #expect(feed.format == .rss090)
        #expect(feed.title == Text("Harbour Tide Tables"))
        #expect(feed.subtitle == Text("High and low water, daily.", type: .html))
        #expect(feed.links == [Link(href: "http://tides.example.org/")])
        #expect(feed.logo == "http://tides.example.org/anchor.gif")
        #expect(feed.entries.map(\.title?.value) == ["Spring tide on Thursday", "Neap tide next week"])
        #expect(feed.entries.map(\.alternateLink?.href) == [
            "http://tides.example.org/2001/03/spring", "http://tides.example.org/2001/03/neap",
        ])
    }

    @Test func rss091ChannelMetadataMapsToTheFeed() throws {
        let parsed = try FixtureLoader.parse("rss/rss091.xml")
        let feed = parsed.feed
        #expect(feed.format == .rss091)
        #expect(feed.wellFormed)
        #expect(feed.title?.value == "Allotment Diary")
        #expect(feed.language == "en-gb")
        #expect(feed.rights?.value == "Copyright 2001 Plot 14 Society")
        #expect(feed.logo == "http://allotment.example.net/spade.png")
        let entry = try feed.entry(0)
        #expect(entry.title?.value == "Leeks in at last")
        #expect(entry.summary?.value == "Forty leeks, two rows.")
    }

    @Test func rssManagingEditorIsTheAuthorAndWebMasterIsNot() throws {
        let feed = try FixtureLoader.feed("rss/rss091.xml")
        #expect(feed.authors == [Person(name: "Rowan Ash", email: "keeper@allotment.example.net")])
    }

    @Test func rssImageTitleDoesNotReplaceTheChannelTitle() throws {
        let feed = try FixtureLoader.feed("rss/rss20.xml")
        #expect(feed.title?.value == "Lowland Orchard Co-op")
        #expect(feed.links.filter { $0.rel == "alternate" }.count == 1)
    }

    @Test func rss092ItemWithOnlyADescriptionIsAnEntry() throws {
        let feed = try FixtureLoader.feed("rss/rss092.xml")
        #expect(feed.format == .rss092)
        let entry = try feed.entry(0)
        #expect(entry.title == nil)
        #expect(entry.summary == Text("A programme about lighthouses, first aired in 1962.", type: .html))
    }

    @Test func rss093IsRecognisedAndItsPubDateIsPublished() throws {
        let feed = try FixtureLoader.feed("rss/rss093.xml")
        #expect(feed.format == .rss093)
        let entry = try feed.entry(0)
        #expect(entry.published?.rfc3339 == "2001-04-02T09:15:00Z")
    }

    @Test func rssLinkTextIsTrimmedOfSurroundingWhiteSpace() throws {
        let entry = try FixtureLoader.feed("rss/rss093.xml").entry(0)
        #expect(entry.links == [Link(href: "http://bells.example.org/tenor")])
    }

    @Test func rss094IsRecognised() throws {
        let feed = try FixtureLoader.feed("rss/rss094.xml")
        #expect(feed.format == .rss094)
        #expect(try feed.entry(0).id == "http://locks.example.net/lock-7")
    }

    @Test func rss20ChannelElementsMapToTheFeed() throws {
        let parsed = try FixtureLoader.parse("rss/rss20.xml")
        let feed = parsed.feed
        #expect(feed.format == .rss20)
        #expect(feed.wellFormed)
        #expect(feed.encoding == "utf-8")
        #expect(parsed.diagnostics.isEmpty)
        #expect(feed.title == Text("Lowland Orchard Co-op"))
        #expect(feed.subtitle == Text("Apples, pears and the people who grow them.", type: .html))
        #expect(feed.links == [Link(href: "https://orchard.example.com/")])
        #expect(feed.language == "en-us")
        #expect(feed.rights?.value == "© 2024 Lowland Orchard Co-op")
        #expect(feed.authors == [Person(name: "Mira Castell", email: "editor@orchard.example.com")])
        #expect(feed.published?.rfc3339 == "2024-10-05T06:00:00Z")
        #expect(feed.updated?.rfc3339 == "2024-10-06T05:30:00Z")
        #expect(feed.categories == [Category(term: "farming", scheme: "https://orchard.example.com/sections")])
        #expect(feed.generator == Generator(name: "Press Mill 3.2"))
        #expect(feed.ttl == 90)
        #expect(feed.logo == "https://orchard.example.com/img/logo.png")
        #expect(feed.entries.count == 2)
    }

    @Test func rssTextInputCloudAndSkipElementsAddNothing() throws {
        let feed = try FixtureLoader.feed("rss/rss20.xml")
        #expect(!feed.links.contains { $0.href.contains("search") })
        #expect(feed.title?.value != "Search")
        #expect(feed.subtitle?.value != "Search the orchard")
    }

    @Test func rss20ItemElementsMapToTheEntry() throws {
        let entry = try FixtureLoader.feed("rss/rss20.xml").entry(0)
        #expect(entry.id == "orchard-news-1187")
        #expect(entry.title?.value == "Harvest festival moved to Saturday")
        #expect(entry.title?.type == .text)
        #expect(entry.summary?.type == .html)
        #expect(entry.summary?.value == "<p>Rain is forecast for Sunday, so we <em>moved</em> it.</p>")
        #expect(entry.authors == [Person(name: "Tomas Reyes", email: "events@orchard.example.com")])
        #expect(entry.published?.rfc3339 == "2024-10-04T16:45:00Z")
        #expect(entry.updated == nil)
        #expect(entry.categories == [
            Category(term: "events"), Category(term: "festival", scheme: "https://orchard.example.com/tags"),
        ])
    }

    @Test func rssItemLinksKeepDocumentOrder() throws {
        let entry = try FixtureLoader.feed("rss/rss20.xml").entry(0)
        #expect(entry.links == [
            Link(href: "https://orchard.example.com/news/festival"),
            Link(href: "https://orchard.example.com/news/festival#comments", rel: "replies"),
            Link(href: "https://orchard.example.com/media/festival-map.pdf", rel: "enclosure",
                 type: "application/pdf", length: 48213),
        ])
    }

    @Test func rssEnclosureBecomesAnEnclosureLinkWithTypeAndLength() throws {
        let entry = try FixtureLoader.feed("rss/rss092.xml").entry(0)
        #expect(entry.links == [
            Link(href: "http://nightradio.example.com/audio/lighthouses.mp3", rel: "enclosure",
                 type: "audio/mpeg", length: 5_120_000),
        ])
    }

    @Test func rssCategoryDomainBecomesTheScheme() throws {
        let entry = try FixtureLoader.feed("rss/rss092.xml").entry(0)
        #expect(entry.categories == [Category(term: "coast", scheme: "http://nightradio.example.com/topics")])
    }

    @Test func rssSourceBecomesTheEntrySourceWithItsTitleAndURL() throws {
        let entry = try FixtureLoader.feed("rss/rss092.xml").entry(0)
        let source = try #require(entry.source)
        #expect(source.title?.value == "Coastal Voices")
        #expect(source.links.map(\.href) == ["http://coastal.example.org/rss"])
    }

    @Test func rssWithoutVersionIsFormatRSS() throws {
        let feed = try FixtureLoader.feed("rss/rss-without-version.xml")
        #expect(feed.format == .rss)
        #expect(feed.title?.value == "Versionless Village Notes")
        #expect(try feed.entry(0).alternateLink?.href == "http://village.example.org/footpath")
    }

    @Test func rssVersionWithAPointReleaseIsRSS20() throws {
        #expect(try FixtureLoader.feed("rss/rss20-version-2.0.1.xml").format == .rss20)
    }

    @Test func formatComesFromTheContentNotFromTheContentType() throws {
        let rss = try FixtureLoader.feed("rss/rss20.xml", contentType: "application/atom+xml")
        #expect(rss.format == .rss20)
        let atom = try FixtureLoader.feed("atom10/feed.xml", contentType: "application/rss+xml")
        #expect(atom.format == .atom10)
        let json = try FixtureLoader.feed("json/feed10.json", contentType: "application/xml")
        #expect(json.format == .json10)
    }

    @Test func rssGuidWithoutLinkBecomesAlternateLink() throws {
        let entry = try FixtureLoader.feed("rss/guid-links.xml").entry(0)
        #expect(entry.id == "http://guids.example.com/posts/alpha")
        #expect(entry.links == [Link(href: "http://guids.example.com/posts/alpha")])
    }

    @Test func rssGuidThatIsNotAPermalinkIsOnlyTheID() throws {
        let entry = try FixtureLoader.feed("rss/guid-links.xml").entry(1)
        #expect(entry.id == "tag:guids.example.com,2024:beta")
        #expect(entry.links.isEmpty)
    }

    @Test func rssLinkWinsOverAPermalinkGuid() throws {
        let entry = try FixtureLoader.feed("rss/guid-links.xml").entry(2)
        #expect(entry.id == "http://guids.example.com/p?id=3")
        #expect(entry.links == [Link(href: "http://guids.example.com/posts/gamma.html")])
    }

    @Test(arguments: [
        (0, Person(name: "Ada Quill", email: "ada@bylines.example.net")),
        (1, Person(name: "Basil Thorne", email: "basil@bylines.example.net")),
        (2, Person(name: "Cora Linden")),
        (3, Person(email: "dev@bylines.example.net")),
    ])
    func rssPersonStringIsSplitIntoNameAndEmail(entryIndex: Int, expected: Person) throws {
        let entry = try FixtureLoader.feed("rss/persons.xml").entry(entryIndex)
        #expect(entry.authors == [expected])
    }

    @Test func staticParseGivesTheSameFeedAsTheParserValue() throws {
        let bytes = try FixtureLoader.bytes("rss/rss20.xml")
        let viaStatic = try FeedParser.parse(data: bytes, baseURL: "https://orchard.example.com/feed.xml")
        let viaValue = try FeedParser().parse(data: bytes, baseURL: "https://orchard.example.com/feed.xml").feed
        #expect(viaStatic == viaValue)
        #expect(viaStatic.entries.count == 2)
    }
}
