import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// `xml:base` chains and the document's own URL for every URL field; `xml:lang` carried to texts
/// and entries.
@Suite("xml:base and xml:lang")
struct BaseAndLanguageTests {
    @Test func xmlBaseChainResolvesEachLevelAgainstTheOneInScope() throws {
        let feed = try FixtureLoader.feed("base/xml-base-chain.xml")
        #expect(feed.links == [Link(href: "http://chain.example.org/blog/")])
        let entry = try feed.entry(0)
        #expect(entry.links == [
            Link(href: "http://chain.example.org/blog/2024/03/post.html"),
            Link(href: "https://cdn.example.net/media/clip.ogg", rel: "enclosure"),
        ])
    }

    @Test func everyURLFieldIsResolvedAgainstTheBaseInScope() throws {
        let feed = try FixtureLoader.feed("base/xml-base-chain.xml")
        #expect(feed.icon == "http://chain.example.org/favicon.ico")
        #expect(feed.logo == "http://chain.example.org/blog/img/logo.png")
        #expect(feed.generator?.uri == "http://chain.example.org/tools/gen")
        #expect(feed.authors.first?.uri == "http://chain.example.org/blog/people/base")
        #expect(try feed.entry(0).content?.src == "http://chain.example.org/blog/2024/03/post.txt")
    }

    @Test func idsAreNeverResolved() throws {
        let feed = try FixtureLoader.feed("base/xml-base-chain.xml", baseURL: "https://elsewhere.example.com/feed")
        #expect(feed.id == "/not/a/url/to/resolve")
        #expect(try feed.entry(0).id == "relative-entry-id")
    }

    @Test func relativeLinksResolveAgainstTheDocumentURL() throws {
        let feed = try FixtureLoader.feed("base/relative-links.xml",
                                          baseURL: "https://site.example.com/feeds/main/rss.xml")
        #expect(feed.links == [Link(href: "https://site.example.com/feeds/")])
        #expect(feed.logo == "https://site.example.com/images/logo.gif")
        let entry = try feed.entry(0)
        #expect(entry.links == [
            Link(href: "https://site.example.com/feeds/main/posts/first.html"),
            Link(href: "https://site.example.com/feeds/main/audio/first.mp3", rel: "enclosure", type: "audio/mpeg",
                 length: 1000),
            Link(href: "https://site.example.com/feeds/main/posts/first.html#talk", rel: "replies"),
        ])
        #expect(entry.id == "posts/first.html")
    }

    @Test func relativeLinksStayAsWrittenWithoutADocumentURL() throws {
        let feed = try FixtureLoader.feed("base/relative-links.xml")
        #expect(feed.links == [Link(href: "../")])
        #expect(try feed.entry(0).alternateLink?.href == "posts/first.html")
    }

    @Test func relativeXMLBaseResolvesAgainstTheDocumentURL() throws {
        let feed = try FixtureLoader.feed("base/xml-base-relative-to-document.xml",
                                          baseURL: "https://docs.example.com/feeds/atom.xml")
        #expect(feed.links == [Link(href: "https://docs.example.com/feeds/archive/index.html")])
    }

    @Test func xmlBaseInTheDocumentWinsOverTheDocumentURL() throws {
        let feed = try FixtureLoader.feed("base/xml-base-chain.xml", baseURL: "https://elsewhere.example.com/feed")
        #expect(try feed.entry(0).alternateLink?.href == "http://chain.example.org/blog/2024/03/post.html")
    }

    @Test func xmlLangWithAnUnderscoreIsWrittenWithAHyphen() throws {
        let feed = try FixtureLoader.feed("base/xml-lang.xml")
        #expect(feed.language == "en-US")
        #expect(feed.title?.lang == "en-US")
    }

    @Test func xmlLangIsInheritedByEntriesAndTheirTexts() throws {
        let entry = try FixtureLoader.feed("base/xml-lang.xml").entry(0)
        #expect(entry.language == "en-US")
        #expect(entry.title?.lang == "en-US")
    }

    @Test func innerXMLLangOverridesTheOuterOne() throws {
        let entry = try FixtureLoader.feed("base/xml-lang.xml").entry(1)
        #expect(entry.language == "fr-CA")
        #expect(entry.title?.lang == "fr-CA")
        #expect(entry.summary?.lang == "de")
    }

    @Test func emptyXMLLangResetsToNoLanguage() throws {
        let entry = try FixtureLoader.feed("base/xml-lang.xml").entry(2)
        #expect(entry.language == nil)
        #expect(entry.title?.lang == nil)
        #expect(entry.title?.value == "No language at all")
    }

    @Test func relativePermalinkGuidBecomesAnAbsoluteLinkButStaysARelativeID() throws {
        let entry = try FixtureLoader.feed("base/relative-permalink-guid.xml",
                                           baseURL: "http://document.example.net/feed.xml").entry(0)
        #expect(entry.id == "2024/spring.html")
        #expect(entry.links == [Link(href: "http://guids.example.org/archive/2024/spring.html")])
    }
}
