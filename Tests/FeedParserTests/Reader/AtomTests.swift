import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Atom 1.0 and 0.3: feed and entry elements, author inheritance, source, and content in its
/// every form (inline, out of line, other MIME types, base64).
@Suite("Atom 1.0 and 0.3")
struct AtomTests {
    @Test func atom10FeedElementsMapToTheFeed() throws {
        let parsed = try FixtureLoader.parse("atom10/feed.xml")
        let feed = parsed.feed
        #expect(feed.format == .atom10)
        #expect(feed.wellFormed)
        #expect(parsed.diagnostics.isEmpty)
        #expect(feed.id == "urn:uuid:4d3c1a2e-7f11-4c1b-9e7a-0c5b2f1d9a01")
        #expect(feed.title == Text("Field Notes on Moss", lang: "en"))
        #expect(feed.subtitle == Text("Bryophytes of the northern valleys", lang: "en"))
        #expect(feed.language == "en")
        #expect(feed.authors == [Person(name: "Lena Farrow", email: "lena@moss.example.org",
                                        uri: "https://moss.example.org/about/lena")])
        #expect(feed.contributors == [Person(name: "Oskar Brandt")])
        #expect(feed.categories == [
            Category(term: "botany", scheme: "https://moss.example.org/topics", label: "Botany"),
        ])
        #expect(feed.generator == Generator(name: "Quill", uri: "https://tools.example.com/quill", version: "2.4"))
        #expect(feed.icon == "https://moss.example.org/favicon.ico")
        #expect(feed.logo == "https://moss.example.org/logo.svg")
        #expect(feed.rights == Text("© 2024 Lena Farrow", lang: "en"))
    }

    @Test func atomLinksKeepEveryAttributeAndDocumentOrder() throws {
        let feed = try FixtureLoader.feed("atom10/feed.xml")
        #expect(feed.links == [
            Link(href: "https://moss.example.org/"),
            Link(href: "https://moss.example.org/feed.atom", rel: "self", type: "application/atom+xml"),
            Link(href: "https://moss.example.org/de/", rel: "alternate", type: "text/html", hreflang: "de",
                 title: "Auf Deutsch"),
        ])
    }

    @Test func atomLinkAddressesResolveFromTheirAttributeValues() throws {
        let links = try FixtureLoader.feed("atom10/link-attributes.xml").entry(0).links
        #expect(links.map(\.href) == [
            "https://herbarium.example.org/notes/2025/ferns?sort=date&page=2",
            "https://herbarium.example.org/notes/2025/ferns.fr",
            "https://herbarium.example.org/notes/2025/fougères/",
            "https://herbarium.example.org/index.html",
            "https://herbarium.example.org/notes/ferns.atom",
            "https://herbarium.example.org/notes/",
        ])
    }

    @Test func aRepeatedLinkIsKeptOnceAndAnAddressWrittenWithOtherBytesIsAnotherLink() throws {
        let links = try FixtureLoader.feed("atom10/link-repeats.xml").entry(0).links
        #expect(links.map { Array($0.href.unicodeScalars) } == [
            Array("https://gallery.example.org/caf\u{E9}/back-room/".unicodeScalars),
            Array("https://gallery.example.org/cafe\u{301}/back-room/".unicodeScalars),
        ])
    }

    @Test func atomLinkRelAndTypeAreKeptAsWrittenWhenNotExactlyACommonValue() throws {
        let links = try FixtureLoader.feed("atom10/link-attributes.xml").entry(0).links
        #expect(links.map(\.rel) == ["alternate", "Alternate", "alt", "alternates", "self", "alternate"])
        #expect(links.map(\.type) == ["text/html", "text/html; charset=utf-8", "text/htm", nil,
                                       "application/atom+xml", nil])
    }

    @Test func atomPersonAddressesResolveInEveryShape() throws {
        let authors = try FixtureLoader.feed("atom10/person-addresses.xml").entry(0).authors
        #expect(authors == [
            Person(name: "Ada", uri: "https://crew.example.org/team/ada/"),
            Person(name: "Bo", uri: "https://crew.example.org/people/bo?tab=log&day=1"),
            Person(name: "Cy", uri: "https://crew.example.org/team/cy/"),
            Person(name: "Di", uri: "https://elsewhere.example.net/di"),
        ])
    }

    @Test func atomLinkWithoutRelIsAlternate() throws {
        let feed = try FixtureLoader.feed("atom10/feed.xml")
        #expect(feed.links.first?.rel == "alternate")
        #expect(feed.alternateLink?.href == "https://moss.example.org/")
    }

    @Test func atom10EntryElementsMapToTheEntry() throws {
        let entry = try FixtureLoader.feed("atom10/feed.xml").entry(0)
        #expect(entry.id == "tag:moss.example.org,2024:entry-17")
        #expect(entry.title?.value == "Sphagnum after the thaw")
        #expect(entry.links == [
            Link(href: "https://moss.example.org/2024/05/sphagnum"),
            Link(href: "https://moss.example.org/img/sphagnum.jpg", rel: "enclosure", type: "image/jpeg",
                 length: 204_800),
        ])
        #expect(entry.authors == [Person(name: "Oskar Brandt")])
        #expect(entry.contributors == [Person(name: "Lena Farrow", email: "lena@moss.example.org")])
        #expect(entry.categories == [Category(term: "sphagnum")])
        #expect(entry.summary == Text("The bog is green again.", lang: "en"))
        #expect(entry.content == Content("<p>The bog is <strong>green</strong> again.</p>", type: "html", lang: "en"))
        #expect(entry.rights?.value == "CC BY-SA 4.0")
        #expect(entry.language == "en")
    }

    @Test func atomEntryWithoutAuthorTakesTheFeedAuthor() throws {
        let feed = try FixtureLoader.feed("atom10/feed.xml")
        #expect(try feed.entry(1).authors == feed.authors)
    }

    @Test func atomFeedAuthorNamedAfterTheEntriesStillApplies() throws {
        let feed = try FixtureLoader.feed("atom10/authors-later.xml")
        #expect(try feed.entry(0).authors == [Person(name: "Feed Owner")])
    }

    @Test func atomEntryWithItsOwnAuthorKeepsIt() throws {
        let feed = try FixtureLoader.feed("atom10/authors-later.xml")
        #expect(try feed.entry(1).authors == [Person(name: "Pia Sorensen")])
    }

    @Test func atomSourceKeepsTheOriginFeedsMetadata() throws {
        let entry = try FixtureLoader.feed("atom10/source.xml").entry(0)
        let source = try #require(entry.source)
        #expect(source.id == "urn:example:upstream")
        #expect(source.title?.value == "Upstream Wildlife Log")
        #expect(source.links == [Link(href: "https://upstream.example.net/feed.atom", rel: "self")])
        #expect(source.updated?.rfc3339 == "2024-06-30T18:05:00Z")
        #expect(source.authors == [Person(name: "Wren Halloway")])
        #expect(source.rights?.value == "Shared with permission")
    }

    @Test func atomSourceElementsDoNotLeakIntoTheEntry() throws {
        let entry = try FixtureLoader.feed("atom10/source.xml").entry(0)
        #expect(entry.id == "urn:example:upstream:entry-9")
        #expect(entry.title?.value == "Otters seen at the weir")
        #expect(entry.updated?.rfc3339 == "2024-06-30T18:00:00Z")
        #expect(entry.links.isEmpty)
        #expect(entry.rights == nil)
    }

    @Test func atomEntryWithoutAuthorTakesItsSourceAuthorBeforeTheFeeds() throws {
        // RFC 4287 §4.2.1: the source's authors apply before the feed's.
        let entry = try FixtureLoader.feed("atom10/source.xml").entry(0)
        #expect(entry.authors == [Person(name: "Wren Halloway")])
    }

    @Test func atomContentWithSrcIsOutOfLineWithAnAbsoluteAddress() throws {
        let entry = try FixtureLoader.feed("atom10/content-types.xml").entry(0)
        let content = try #require(entry.content)
        #expect(content.src == "https://gallery.example.com/videos/launch.mp4")
        #expect(content.type == "video/mp4")
        #expect(content.value.isEmpty)
    }

    @Test func atomContentOfATextMIMETypeIsKeptAsGiven() throws {
        let entry = try FixtureLoader.feed("atom10/content-types.xml").entry(1)
        #expect(entry.content == Content("year,visitors\n2023,1200", type: "text/csv"))
    }

    @Test func atomBase64ContentThatDecodesToTextIsDecoded() throws {
        let entry = try FixtureLoader.feed("atom10/content-types.xml").entry(2)
        #expect(entry.content == Content("{\"visitors\": 1200}", type: "application/json"))
    }

    @Test func atomBase64ContentOfAnImageStaysBase64() throws {
        let entry = try FixtureLoader.feed("atom10/content-types.xml").entry(3)
        #expect(entry.content?.type == "image/png")
        #expect(entry.content?.value
            == "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    }

    @Test func atomContentWithoutTypeIsTextWithMarkupCharactersKept() throws {
        let entry = try FixtureLoader.feed("atom10/content-types.xml").entry(4)
        #expect(entry.content == Content("Fish & chips <b>is not bold here</b>", type: "text"))
    }

    @Test func atom03IsRecognisedByVersionAndNamespace() throws {
        let feed = try FixtureLoader.feed("atom03/feed.xml")
        #expect(feed.format == .atom03)
        #expect(feed.id == "tag:ferry.example.net,2004:timetable")
        #expect(feed.title?.value == "Ferry Timetable Changes")
        #expect(feed.links == [Link(href: "http://ferry.example.net/", type: "text/html")])
        #expect(feed.authors == [Person(name: "Harbour Master")])
        #expect(feed.entries.count == 3)
    }

    @Test func atom03TaglineIsTheSubtitleAndCopyrightTheRights() throws {
        let feed = try FixtureLoader.feed("atom03/feed.xml")
        #expect(feed.subtitle?.value == "Crossings to the islands")
        #expect(feed.rights?.value == "Copyright 2004 Island Ferries")
    }

    @Test func atom03EscapedModeContentIsHTML() throws {
        let entry = try FixtureLoader.feed("atom03/feed.xml").entry(0)
        #expect(entry.content?.type == "html")
        #expect(entry.content?.value == "<p>Two crossings a day.</p>")
        #expect(entry.summary == Text("Fewer crossings from November.", lang: "en"))
    }

    @Test func atom03XMLModeContentKeepsAllOfItsChildren() throws {
        let entry = try FixtureLoader.feed("atom03/feed.xml").entry(1)
        #expect(entry.content?.type == "xhtml")
        #expect(entry.content?.value == "<div><p>All of it, <b>kept</b>.</p></div>")
    }

    @Test func atom03Base64ModeContentIsDecoded() throws {
        let entry = try FixtureLoader.feed("atom03/feed.xml").entry(2)
        #expect(entry.content?.type == "html")
        #expect(entry.content?.value == "<p>Sailings cancelled.</p>")
    }
}
