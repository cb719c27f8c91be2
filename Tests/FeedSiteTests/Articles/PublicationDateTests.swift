import FeedModel
import FeedSite
import Testing

/// The publication date comes from `--published`, else the front matter, else the file name's
/// date prefix; never from the clock.
@Suite("Publication dates, in order of precedence")
struct PublicationDateTests {
    static let markdown = "---\ntitle: T\npublished: 2024-03-02T09:30:00Z\n---\nText.\n"

    @Test func publishedFlagWinsOverFrontMatterAndFileName() throws {
        let entry = try SiteFixtures.reader(published: "2023-12-31T23:00:00Z")
            .entry(text: Self.markdown, file: "2020-01-01-dated.md")
        #expect(entry.published?.rfc3339 == "2023-12-31T23:00:00Z")
        #expect(entry.id == "tag:syndication.example,2023-12-31:/dated")
    }

    @Test func frontMatterWinsOverTheFileName() throws {
        let entry = try SiteFixtures.reader().entry(text: Self.markdown, file: "2020-01-01-dated.md")
        #expect(entry.published?.rfc3339 == "2024-03-02T09:30:00Z")
        #expect(entry.id == "tag:syndication.example,2024-03-02:/dated")
    }

    @Test func fileNamePrefixGivesMidnightUTCWhenNothingElseDoes() throws {
        let entry = try SiteFixtures.reader().entry(text: "Title\n\nBody.\n", file: "notes/2017-01-09-meeting.txt")
        #expect(entry.published?.rfc3339 == "2017-01-09T00:00:00Z")
    }

    @Test func fileNamePrefixDatesMarkdownWithoutPublished() throws {
        let entry = try SiteFixtures.reader().read(file: try SiteFixtures.path("articles/2024-02-29-leap-day-notes.md"))
        #expect(entry.published?.rfc3339 == "2024-02-29T00:00:00Z")
        #expect(entry.id == "tag:syndication.example,2024-02-29:/leap-day-notes")
    }

    @Test func noDateAnywhereIsAnErrorThatSaysHowToGiveOne() throws {
        let markdown = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "---\ntitle: T\n---\n", file: "undated.md")
        }
        #expect(markdown.message == "no publication date: add 'published: YYYY-MM-DD' to the front matter, name the file YYYY-MM-DD-undated.md, or pass --published")
        let export = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().read(file: try SiteFixtures.path("articles/no-author-line.txt"))
        }
        #expect(export.message == "no publication date: name the file YYYY-MM-DD-no-author-line.txt, or pass --published")
    }

    @Test func updatedDefaultsToPublished() throws {
        let entry = try SiteFixtures.reader().entry(text: Self.markdown, file: "a.md")
        #expect(entry.updated == entry.published)
    }

    /// `2017-02-30` is no day, so it is not a date prefix: it stays in the slug.
    @Test func impossibleDatePrefixIsPartOfTheName() throws {
        let name = ArticleFileName(path: "a/2017-02-30-odd.md")
        #expect(name.date == nil)
        #expect(name.stem == "2017-02-30-odd")
    }

    /// The tag URI's date is the publication date's UTC day, whatever offset the file wrote.
    @Test func tagURIUsesTheUTCDayOfAnOffsetDate() throws {
        let entry = try SiteFixtures.reader()
            .entry(text: "---\ntitle: T\npublished: 2024-03-02T00:30:00+01:00\n---\n", file: "late.md")
        #expect(entry.id == "tag:syndication.example,2024-03-01:/late")
        #expect(entry.links.first?.href == "https://syndication.example/2024/late/")
    }
}
