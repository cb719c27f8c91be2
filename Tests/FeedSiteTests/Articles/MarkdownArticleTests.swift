import FeedSite
import Testing

@Suite("Markdown articles")
struct MarkdownArticleTests {
    @Test func markdownBodyBecomesHTML() throws {
        let article = try MarkdownArticle(parsing: """
            ---
            title: T
            ---
            ## Section

            Some *emphasis*, `code` and a [link](https://syndication.example/).
            """)
        #expect(article.html == """
            <h2>Section</h2><p>Some <em>emphasis</em>, <code>code</code> and a <a href="https://syndication.example/">link</a>.</p>
            """)
    }

    @Test func frontMatterIsNotPartOfTheHTML() throws {
        let article = try MarkdownArticle(parsing: "---\ntitle: Secret title\n---\nVisible.\n")
        #expect(article.html == "<p>Visible.</p>")
    }

    /// Ink reads a leading `---` block as metadata; after the front matter is removed, a body that
    /// starts with a horizontal rule must still be read as Markdown.
    @Test func bodyStartingWithARuleIsNotSwallowedAsMetadata() throws {
        let article = try MarkdownArticle(parsing: "---\ntitle: T\n---\n---\n\nsummary: kept as text\n\n---\n")
        #expect(article.html.contains("summary: kept as text"))
        #expect(article.html.hasPrefix("<hr>"))
    }

    @Test func firstLevelOneHeadingIsOffered() throws {
        let article = try MarkdownArticle(parsing: "Intro.\n\n## Not this\n\n# Reading feeds\n")
        #expect(article.firstHeading == "Reading feeds")
        #expect(article.frontMatter.fields.isEmpty)
    }
}
