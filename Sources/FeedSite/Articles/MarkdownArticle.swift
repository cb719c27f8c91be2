import Ink

/// A Markdown article: optional front matter (see `FrontMatter`) and a Markdown body, rendered to
/// HTML by Ink.
public struct MarkdownArticle: Sendable, Hashable {
    public var frontMatter: FrontMatter
    /// The body as HTML.
    public var html: String
    /// The text of the body's first level-1 heading, if any: the title when the front matter
    /// gives none.
    public var firstHeading: String?

    public init(parsing document: String) throws(ArticleProblem) {
        let split = try FrontMatter.split(document)
        frontMatter = split.frontMatter
        let rendered = MarkdownArticle.render(split.body)
        html = rendered.html
        firstHeading = rendered.title
    }

    /// Renders Markdown to HTML with Ink.
    ///
    /// Ink reads a `---` block at the very start of its input as metadata. The front matter is
    /// already gone, so the body is handed over behind an empty metadata block: Ink consumes that
    /// and then reads a body that itself begins with `---` (a horizontal rule) as Markdown, instead
    /// of swallowing it up to the next `---` as a second block of metadata.
    static func render(_ markdown: String) -> (html: String, title: String?) {
        let parsed = MarkdownParser().parse("---\n---\n" + markdown)
        let title = parsed.title.map { ArticleText.trimmed($0[...]) }
        return (parsed.html, title?.isEmpty == false ? title : nil)
    }
}
