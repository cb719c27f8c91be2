import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// JSON Feed 1.0 and 1.1, through the same entry point as the XML formats.
@Suite("JSON Feed")
struct JSONFeedTests {
    @Test func jsonFeed11FeedFieldsMapToTheFeed() throws {
        let parsed = try FixtureLoader.parse("json/feed11.json")
        let feed = parsed.feed
        #expect(feed.format == .json11)
        #expect(feed.wellFormed)
        #expect(feed.encoding == "utf-8")
        #expect(feed.title == Text("Kiln Log"))
        #expect(feed.subtitle?.value == "Firings, glazes and cracks.")
        #expect(feed.id == "https://kiln.example.com/feed.json")
        #expect(feed.links == [
            Link(href: "https://kiln.example.com/"),
            Link(href: "https://kiln.example.com/feed.json", rel: "self"),
        ])
        #expect(feed.logo == "https://kiln.example.com/icon-512.png")
        #expect(feed.icon == "https://kiln.example.com/favicon-64.png")
        #expect(feed.language == "en-GB")
        #expect(feed.entries.count == 2)
    }

    @Test func jsonFeed11AuthorsListIsReadAndSupersedesASingleAuthor() throws {
        let feed = try FixtureLoader.feed("json/feed11.json")
        #expect(feed.authors == [
            Person(name: "Ada Potter", uri: "https://kiln.example.com/ada"), Person(name: "Ben Glaze"),
        ])
        #expect(try feed.entry(0).authors == [Person(name: "Ada Potter")])
    }

    @Test func jsonFeed10SingleAuthorObjectIsRead() throws {
        let feed = try FixtureLoader.feed("json/feed10.json")
        #expect(feed.format == .json10)
        #expect(feed.authors == [Person(name: "Cas Weft", uri: "https://loom.example.net/cas")])
        #expect(try feed.entry(0).authors == [Person(name: "Dee Shuttle")])
    }

    @Test func jsonItemFieldsMapToTheEntry() throws {
        let entry = try FixtureLoader.feed("json/feed11.json").entry(0)
        #expect(entry.id == "firing-212")
        #expect(entry.title?.value == "Celadon at cone 10")
        #expect(entry.summary?.value == "A celadon firing.")
        #expect(entry.language == "en")
        #expect(entry.categories == [Category(term: "celadon"), Category(term: "cone 10")])
    }

    @Test func jsonURLExternalURLAndAttachmentsBecomeLinks() throws {
        let entry = try FixtureLoader.feed("json/feed11.json").entry(0)
        #expect(entry.links == [
            Link(href: "https://kiln.example.com/firings/212"),
            Link(href: "https://glazes.example.org/celadon", rel: "related"),
            Link(href: "https://kiln.example.com/audio/firing-212.m4a", rel: "enclosure", type: "audio/x-m4a",
                 title: "The kiln cooling", length: 3_145_728),
        ])
    }

    @Test func jsonContentHTMLIsPreferredOverContentText() throws {
        let entry = try FixtureLoader.feed("json/feed11.json").entry(0)
        #expect(entry.content == Content("<p>Green as a <em>river</em>.</p>", type: "html"))
    }

    @Test func jsonContentTextAloneIsTextContent() throws {
        let entry = try FixtureLoader.feed("json/feed10.json").entry(0)
        #expect(entry.content == Content("Four hundred ends, one by one.", type: "text"))
    }

    @Test func jsonNumericItemIDBecomesAString() throws {
        #expect(try FixtureLoader.feed("json/feed11.json").entry(1).id == "213")
    }

    @Test func jsonUnreadableDateIsLeftOutWithADiagnostic() throws {
        let parsed = try FixtureLoader.parse("json/feed11.json")
        #expect(try parsed.feed.entry(1).published == nil)
        let diagnostic = try #require(parsed.diagnostics(coded: "unreadable-date").first)
        #expect(diagnostic.message.contains("not a date at all"))
    }

    @Test func jsonRelativeURLsResolveAgainstTheDocumentURLButTheIDStaysAsWritten() throws {
        let feed = try FixtureLoader.feed("json/relative-urls.json", baseURL: "https://pots.example.com/blog/feed.json")
        #expect(feed.links == [
            Link(href: "https://pots.example.com/"),
            Link(href: "https://pots.example.com/blog/feed.json", rel: "self"),
        ])
        #expect(feed.id == "feed.json")
        #expect(try feed.entry(0).links == [Link(href: "https://pots.example.com/blog/posts/1")])
    }

    @Test func jsonFeedAfterAByteOrderMarkAndWhiteSpaceIsRecognised() throws {
        let document = try FixtureLoader.bytes("json/feed10.json")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\n  ".utf8) + document
        let feed = try FeedParser().parse(data: bytes).feed
        #expect(feed.format == .json10)
        #expect(feed.title?.value == "Weaving Shed")
    }
}
