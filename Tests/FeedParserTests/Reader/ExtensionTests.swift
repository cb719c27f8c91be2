import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// The extension vocabularies as far as the model holds them: content, Dublin Core, Media RSS,
/// iTunes and the Creative Commons modules.
@Suite("Extension vocabularies")
struct ExtensionTests {
    // MARK: content and XHTML

    @Test func contentEncodedIsTheContentAndDescriptionStaysTheSummary() throws {
        let entry = try FixtureLoader.feed("namespaces/content-encoded.xml").entry(0)
        #expect(entry.content == Content("<p>The whole article, <em>all</em> of it.</p>", type: "html"))
        #expect(entry.summary == Text("Teaser only.", type: .html))
    }

    @Test func xhtmlBodyIsXHTMLContentWhenThereIsNoContentEncoded() throws {
        let entry = try FixtureLoader.feed("namespaces/content-encoded.xml").entry(1)
        #expect(entry.content == Content("<p>Inline <b>XHTML</b> body.</p>", type: "xhtml"))
    }

    // MARK: Dublin Core

    @Test func dublinCoreOnTheChannelGivesAuthorContributorCategoryRightsAndLanguage() throws {
        let feed = try FixtureLoader.feed("namespaces/dublin-core.xml")
        #expect(feed.authors == [Person(name: "Map Room Staff")])
        #expect(feed.contributors == [Person(name: "Volunteer Scanners")])
        #expect(feed.categories == [Category(term: "cartography")])
        #expect(feed.rights?.value == "Public domain scans")
        #expect(feed.language == "en-GB")
    }

    @Test func dublinCoreOnAnItemGivesAuthorContributorCategoriesRightsLanguageAndDate() throws {
        let entry = try FixtureLoader.feed("namespaces/dublin-core.xml").entry(0)
        #expect(entry.authors == [Person(name: "Edith Marsh")])
        #expect(entry.contributors == [Person(name: "Pavel Novak")])
        #expect(entry.categories == [Category(term: "counties"), Category(term: "18th century")])
        #expect(entry.rights?.value == "Scan © Map Room")
        #expect(entry.language == "en")
        #expect(entry.published?.rfc3339 == "2024-02-29T12:00:00Z")
    }

    @Test func dublinCoreTitleAndDescriptionStandInForMissingOnes() throws {
        let entry = try FixtureLoader.feed("namespaces/dublin-core.xml").entry(0)
        #expect(entry.title?.value == "County map, 1790")
        #expect(entry.summary?.value == "Hand-coloured, slightly torn.")
    }

    // MARK: Media RSS

    @Test func mediaTitleStandsInForAMissingTitle() throws {
        let entry = try FixtureLoader.feed("namespaces/media-rss.xml").entry(0)
        #expect(entry.title?.value == "Title from Media RSS")
        #expect(entry.summary?.value == "Described by Media RSS.")
    }

    @Test func itemTitleWinsOverMediaTitle() throws {
        let entry = try FixtureLoader.feed("namespaces/media-rss.xml").entry(1)
        #expect(entry.title?.value == "Own title wins")
    }

    @Test func mediaCategoryWithoutSchemeGetsTheMediaRSSDefaultScheme() throws {
        let entry = try FixtureLoader.feed("namespaces/media-rss.xml").entry(0)
        #expect(entry.categories.first == Category(term: "animation",
                                                   scheme: "http://search.yahoo.com/mrss/category_schema"))
    }

    @Test func mediaCategoryKeepsItsSchemeAndLabel() throws {
        let entry = try FixtureLoader.feed("namespaces/media-rss.xml").entry(0)
        #expect(entry.categories.last == Category(term: "stop-motion", scheme: "http://clips.example.com/genres",
                                                  label: "Stop motion"))
    }

    @Test func elementsInsideMediaGroupBelongToTheItem() throws {
        let entry = try FixtureLoader.feed("namespaces/media-rss.xml").entry(1)
        #expect(entry.categories == [
            Category(term: "documentary", scheme: "http://search.yahoo.com/mrss/category_schema"),
        ])
        #expect(entry.title?.value == "Own title wins")
    }

    // MARK: iTunes

    @Test func itunesAuthorIsTheAuthorOfChannelAndItem() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        #expect(feed.authors == [Person(name: "Hive Mind Productions")])
        #expect(try feed.entry(0).authors == [Person(name: "Juno Comb")])
    }

    @Test func itunesOwnerIsNotAnAuthor() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        #expect(!feed.authors.contains { $0.name == "Producer Person" || $0.email == "producer@bees.example.net" })
    }

    @Test func itunesCategoriesIncludingNestedOnesTakeTheITunesScheme() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        let itunes = "http://www.itunes.com/"
        #expect(feed.categories.prefix(3) == [
            Category(term: "Leisure", scheme: itunes),
            Category(term: "Home & Garden", scheme: itunes),
            Category(term: "Education", scheme: itunes),
        ])
    }

    @Test func itunesKeywordsAreOneCategoryEach() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        #expect(feed.categories.dropFirst(3).map(\.term) == ["bees", "honey", "apiary"])
        #expect(try feed.entry(0).categories.map(\.term) == ["swarms"])
    }

    @Test func itunesImageIsTheLogoWhenThereIsNoRSSImage() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        #expect(feed.logo == "https://bees.example.net/cover-3000.jpg")
    }

    @Test func itunesSubtitleIsTheSubtitleWhenThereIsNoDescription() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes.xml")
        #expect(feed.subtitle?.value == "Hives, honey, and heartbreak")
    }

    @Test func itunesSummaryIsTheEntrySummaryWhenThereIsNoDescription() throws {
        let entry = try FixtureLoader.feed("namespaces/itunes.xml").entry(0)
        #expect(entry.summary?.value == "What to do when the hive leaves home.")
    }

    // MARK: Creative Commons

    @Test func creativeCommonsLicenseTextBecomesALicenseLink() throws {
        let feed = try FixtureLoader.feed("namespaces/creative-commons.xml")
        #expect(feed.links.contains(Link(href: "http://creativecommons.org/licenses/by/4.0/", rel: "license")))
    }

    @Test func ccLicenseResourceBecomesALicenseLink() throws {
        let entry = try FixtureLoader.feed("namespaces/creative-commons.xml").entry(0)
        #expect(entry.links == [
            Link(href: "http://photos.example.org/lighthouse"),
            Link(href: "http://creativecommons.org/licenses/by-sa/4.0/", rel: "license"),
        ])
    }

    @Test func contentEncodedWinsOverXHTMLBodyAndFullitemWhateverTheOrder() throws {
        let entry = try FixtureLoader.feed("namespaces/content-precedence.xml").entry(0)
        #expect(entry.content == Content("<p>From content:encoded.</p>", type: "html"))
    }

    @Test func fullitemAloneIsHTMLContent() throws {
        let entry = try FixtureLoader.feed("namespaces/content-precedence.xml").entry(1)
        #expect(entry.content == Content("<p>Only fullitem.</p>", type: "html"))
    }

    @Test func itunesSummaryIsTheSubtitleWhenThereIsNothingElse() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes-fallbacks.xml")
        #expect(feed.subtitle?.value == "Only a summary describes this show.")
    }

    @Test func rssImageWinsOverITunesImageForTheLogo() throws {
        let feed = try FixtureLoader.feed("namespaces/itunes-fallbacks.xml")
        #expect(feed.logo == "https://fallback.example.fm/rss-logo.png")
    }

    @Test func descriptionWinsOverITunesSummaryForTheEntrySummary() throws {
        let entry = try FixtureLoader.feed("namespaces/itunes-fallbacks.xml").entry(0)
        #expect(entry.summary == Text("The first one.", type: .html))
    }
}
