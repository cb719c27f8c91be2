import FeedModel
import FeedSite
import Testing

@Suite("Slugs, tag URIs and permalinks")
struct SlugAndTagURITests {
    @Test func slugIsLowercaseWordsJoinedByHyphens() {
        #expect(Slug(normalising: "Jack Ma meets Trump!")?.value == "jack-ma-meets-trump")
        #expect(Slug(normalising: "  --Feed_Add  &  Settings--  ")?.value == "feed-add-settings")
        #expect(Slug(normalising: "RFC4151 tags")?.value == "rfc4151-tags")
    }

    @Test func slugDropsAccents() {
        #expect(Slug(normalising: "Café Crème à Zürich")?.value == "cafe-creme-a-zurich")
    }

    @Test func slugOfNothingButPunctuationOrOtherScriptsIsNil() {
        #expect(Slug(normalising: "--- !!! ---") == nil)
        #expect(Slug(normalising: "東京") == nil)
    }

    @Test func fileNameLosesItsDatePrefixAndExtension() throws {
        let name = ArticleFileName(path: "feeds/articles/2017-01-09-jack-ma-meets-trump.txt")
        #expect(name.name == "2017-01-09-jack-ma-meets-trump.txt")
        #expect(name.stem == "jack-ma-meets-trump")
        #expect(name.fileExtension == "txt")
        #expect(name.date == Timestamp(year: 2017, month: 1, day: 9))
        let undated = ArticleFileName(path: "notes.v2.MD")
        #expect(undated.stem == "notes.v2")
        #expect(undated.fileExtension == "md")
        #expect(undated.date == nil)
    }

    @Test func tagURIIsDomainUTCDayAndSlug() throws {
        let published = try #require(Timestamp(rfc3339: "2017-01-09T22:30:00-05:00"))
        let tag = TagURI(domain: "syndication.example", published: published, slug: try #require(Slug(normalising: "meeting")))
        #expect(tag.description == "tag:syndication.example,2017-01-10:/meeting")
    }

    @Test func tagURISlugIsReadBackOnlyFromTheSitesOwnTags() {
        #expect(TagURI.slug(of: "tag:syndication.example,2017-01-09:/meeting", domain: "syndication.example") == "meeting")
        #expect(TagURI.slug(of: "tag:other.example,2017-01-09:/meeting", domain: "syndication.example") == nil)
        #expect(TagURI.slug(of: "urn:uuid:6f1c2d4e", domain: "syndication.example") == nil)
    }

    @Test func permalinkTemplateFillsEveryPlaceholder() throws {
        let template = try PermalinkTemplate("{link}/{year}/{month}/{day}/{slug}.html")
        let published = try #require(Timestamp(rfc3339: "2024-03-02T09:30:00Z"))
        let address = template.address(link: "https://syndication.example/", published: published,
                                       slug: try #require(Slug(normalising: "notes")))
        #expect(address == "https://syndication.example/2024/03/02/notes.html")
    }

    @Test func permalinkTemplateRejectsUnknownPlaceholdersAndMissingSlug() {
        #expect(throws: PermalinkTemplateProblem.self) { try PermalinkTemplate("{link}/{title}/") }
        #expect(throws: PermalinkTemplateProblem.self) { try PermalinkTemplate("{link}/{year}/") }
        #expect(throws: PermalinkTemplateProblem.self) { try PermalinkTemplate("{link}/{slug") }
    }
}
