import FeedSite
import Testing

@Suite("Plain-text exports")
struct PlainTextExportTests {
    @Test func firstNonBlankLineIsTheTitle() throws {
        let export = try PlainTextExport(parsing: "\n\n   Spaced title  \n\nBody.\n")
        #expect(export.title == "Spaced title")
        #expect(export.titleLine == 3)
        #expect(export.paragraphs == ["Body."])
    }

    @Test func wrappedLinesJoinIntoOneParagraphWithASpace() throws {
        let export = try PlainTextExport(parsing: "Title\n\nOne line\n  wrapped twice\nand thrice.\n\n\nSecond.\n")
        #expect(export.paragraphs == ["One line wrapped twice and thrice.", "Second."])
        #expect(export.html == "<p>One line wrapped twice and thrice.</p>\n<p>Second.</p>")
    }

    @Test func commentFormAfterTheAuthorLineIsDropped() throws {
        let export = try PlainTextExport(parsing: try SiteFixtures.text("articles/2016-11-02-harbour-ferry-timetable.txt"))
        #expect(export.title == "Harbour council approves the winter ferry timetable")
        #expect(export.author == "admin")
        #expect(export.authorLine == 9)
        #expect(export.paragraphs.count == 2)
        #expect(!export.html.contains("Leave a comment"))
        #expect(!export.html.contains("Post Comment"))
    }

    @Test func ampersandsAndAngleBracketsAreEscaped() throws {
        let export = try PlainTextExport(parsing: try SiteFixtures.text("articles/2016-11-02-harbour-ferry-timetable.txt"))
        #expect(export.html.contains("fishermen &amp; shop owners"))
        #expect(export.html.contains("less than &lt;b&gt;two&lt;/b&gt; euros &gt; one euro"))
        #expect(!export.html.contains("<b>"))
    }

    @Test func withoutAnAuthorLineTheRestIsBody() throws {
        let export = try PlainTextExport(parsing: try SiteFixtures.text("articles/no-author-line.txt"))
        #expect(export.title == "A note with no byline")
        #expect(export.author == nil)
        #expect(export.paragraphs == ["Written in a hurry, and exported without its footer.", "It still has two paragraphs."])
    }

    /// Only the last `Author:` line ends the article: a paragraph that begins with the word stays.
    @Test func lastAuthorLineEndsTheArticle() throws {
        let export = try PlainTextExport(parsing: "Title\n\nAuthor: of the quote below, unknown.\n\nAuthor: Mara Quay\nfooter\n")
        #expect(export.paragraphs == ["Author: of the quote below, unknown."])
        #expect(export.author == "Mara Quay")
    }

    @Test func authorLineWithoutANameGivesNoAuthor() throws {
        let export = try PlainTextExport(parsing: "Title\n\nBody.\n\nAuthor:\n")
        #expect(export.author == nil)
        #expect(export.paragraphs == ["Body."])
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(throws: ArticleProblem.self) { try PlainTextExport(parsing: " \n\n") }
        #expect(error.message.contains("empty"))
    }
}
