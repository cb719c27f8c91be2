import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// RSS 1.0: an RDF document whose channel, image and items are siblings.
@Suite("RSS 1.0 (RDF)")
struct RDFTests {
    @Test func rss10IsRecognisedAndTheChannelAboutIsTheFeedID() throws {
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.format == .rss10)
        #expect(feed.id == "http://observatory.example.org/rss")
        #expect(feed.title?.value == "Hilltop Observatory")
        #expect(feed.subtitle == Text("What the telescope saw last night.", type: .html))
        #expect(feed.links == [Link(href: "http://observatory.example.org/")])
    }

    @Test func rss10ItemsOutsideTheChannelAreEntries() throws {
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.entries.map(\.title?.value) == ["Comet brightening", "Clouds, again"])
        #expect(feed.entries.map(\.alternateLink?.href) == [
            "http://observatory.example.org/obs/41", "http://observatory.example.org/obs/42",
        ])
        #expect(feed.entries.map(\.summary?.value) == ["Magnitude 6.1 and rising.", "Nothing seen."])
    }

    @Test func rss10ImageOutsideTheChannelIsTheLogo() throws {
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.logo == "http://observatory.example.org/dome.png")
        #expect(feed.title?.value == "Hilltop Observatory")
    }

    @Test func rss10ChannelDublinCoreGivesLanguageRightsUpdatedAndAuthor() throws {
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.language == "en")
        #expect(feed.rights?.value == "Text under CC BY 4.0")
        #expect(feed.updated?.rfc3339 == "2024-03-02T22:10:00Z")
        #expect(feed.authors == [Person(name: "Night Desk")])
    }

    @Test func rss10ItemDublinCoreGivesPublishedAuthorAndCategory() throws {
        let entry = try FixtureLoader.feed("rdf/rss10.xml").entry(0)
        #expect(entry.published?.rfc3339 == "2024-03-01T20:00:00Z")
        #expect(entry.authors == [Person(name: "Ines Moreau")])
        #expect(entry.categories == [Category(term: "comets")])
    }

    @Test func rss10ItemsSequenceIsNotReadAsEntriesOrLinks() throws {
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.entries.count == 2)
        #expect(feed.links.count == 1)
    }

    @Test func rdfItemAboutBecomesTheEntryID() throws {
        // The contract names rdf:about as the channel's id; feedparser (the tie-breaker) gives
        // each item its rdf:about as id the same way.
        let feed = try FixtureLoader.feed("rdf/rss10.xml")
        #expect(feed.entries.map(\.id) == [
            "http://observatory.example.org/obs/41", "http://observatory.example.org/obs/42",
        ])
    }

    @Test func rss10ElementsUnderAPrefixAreRead() throws {
        let feed = try FixtureLoader.feed("rdf/rss10-prefixed.xml")
        #expect(feed.format == .rss10)
        #expect(feed.id == "http://prefixed-rdf.example.org/")
        #expect(feed.title?.value == "Prefixed RDF")
        #expect(feed.entries.map(\.title?.value) == ["Prefixed item"])
        #expect(feed.entries.map(\.alternateLink?.href) == ["http://prefixed-rdf.example.org/a"])
    }
}
