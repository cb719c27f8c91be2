import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Namespaces are known by URI, never by prefix: odd prefixes, default namespaces, Atom inside
/// RSS, and the wrong URIs that real feeds carry.
@Suite("Namespaces")
struct NamespaceTests {
    @Test func extensionsAreMatchedByURIWhateverTheirPrefix() throws {
        let entry = try FixtureLoader.feed("namespaces/odd-prefixes.xml").entry(0)
        #expect(entry.authors.contains(Person(name: "Mona Vell")))
        #expect(entry.content == Content("<p>Full text.</p>", type: "html"))
    }

    @Test func dcPrefixBoundToAnotherVocabularyIsNotDublinCore() throws {
        let entry = try FixtureLoader.feed("namespaces/odd-prefixes.xml").entry(0)
        #expect(entry.authors == [Person(name: "Mona Vell")])
    }

    @Test func defaultNamespaceDeclaredOnOneElementCounts() throws {
        let entry = try FixtureLoader.feed("namespaces/odd-prefixes.xml").entry(0)
        #expect(entry.categories == [Category(term: "prefixless")])
    }

    @Test func atomUnderAPrefixIsStillAtom() throws {
        let feed = try FixtureLoader.feed("namespaces/atom-prefixed.xml")
        #expect(feed.format == .atom10)
        #expect(feed.id == "urn:example:prefixed-atom")
        #expect(feed.title?.value == "Prefixed Atom")
        #expect(feed.updated?.rfc3339 == "2024-10-10T10:10:10Z")
        #expect(feed.links == [Link(href: "https://prefixed.example.com/")])
        #expect(try feed.entry(0).title?.value == "Still an entry")
    }

    @Test func xhtmlDefaultNamespaceInScopeMakesUnprefixedContentXHTML() throws {
        let entry = try FixtureLoader.feed("namespaces/atom-prefixed.xml").entry(0)
        #expect(entry.content == Content("<p>Default namespace <b>xhtml</b>.</p>", type: "xhtml"))
    }

    @Test func atomLinkSelfInsideAnRSSChannelIsAFeedLink() throws {
        let feed = try FixtureLoader.feed("namespaces/atom-in-rss.xml")
        #expect(feed.links == [
            Link(href: "http://mixed.example.com/"),
            Link(href: "http://mixed.example.com/rss.xml", rel: "self", type: "application/rss+xml"),
            Link(href: "https://hub.example.net/", rel: "hub"),
        ])
    }

    @Test func atomLinkInsideAnRSSItemKeepsItsRel() throws {
        let entry = try FixtureLoader.feed("namespaces/atom-in-rss.xml").entry(0)
        #expect(entry.links == [
            Link(href: "http://mixed.example.com/post"),
            Link(href: "http://mixed.example.com/related", rel: "related"),
        ])
    }

    @Test func atomElementsInsideRSSDoNotChangeTheFormat() throws {
        #expect(try FixtureLoader.feed("namespaces/atom-in-rss.xml").format == .rss20)
    }

    @Test func itunesNamespaceWithCapitalLettersIsRecognised() throws {
        let feed = try FixtureLoader.feed("namespaces/wrong-uris.xml")
        #expect(feed.authors == [Person(name: "Sam Sloppy")])
    }

    @Test func atomNamespaceInLowerCaseIsRecognised() throws {
        let feed = try FixtureLoader.feed("namespaces/wrong-uris.xml")
        #expect(feed.links.contains(Link(href: "http://sloppy.example.net/feed", rel: "self")))
    }

    @Test func dublinCore10NamespaceIsRecognised() throws {
        let entry = try FixtureLoader.feed("namespaces/wrong-uris.xml").entry(0)
        #expect(entry.authors == [Person(name: "Vic Loose")])
    }

    @Test func contentNamespaceWithoutTrailingSlashIsRecognised() throws {
        let entry = try FixtureLoader.feed("namespaces/wrong-uris.xml").entry(0)
        #expect(entry.content == Content("<p>Body.</p>", type: "html"))
    }

    @Test func mediaRSSNamespaceWithoutTrailingSlashIsRecognised() throws {
        let entry = try FixtureLoader.feed("namespaces/wrong-uris.xml").entry(0)
        #expect(entry.categories == [
            Category(term: "sloppiness", scheme: "http://search.yahoo.com/mrss/category_schema"),
        ])
    }

    @Test func rssInADefaultNamespaceIsStillRSS() throws {
        let feed = try FixtureLoader.feed("namespaces/rss-default-namespace.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title?.value == "Namespaced RSS")
        #expect(feed.links == [Link(href: "http://ns-rss.example.com/")])
        #expect(try feed.entry(0).alternateLink?.href == "http://ns-rss.example.com/1")
    }
}
