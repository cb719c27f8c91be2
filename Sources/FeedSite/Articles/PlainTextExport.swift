/// A blog post exported as plain text, in the shape blog engines print a post:
///
/// ```
/// Title of the post
///
/// First paragraph, perhaps wrapped
/// over several lines.
///
/// Second paragraph.
///
/// Author: admin
///
/// Leave a Reply …            ← the page's comment form: not part of the article
/// ```
///
/// - The first non-blank line is the title.
/// - The blocks after it, separated by blank lines, are paragraphs. The lines of one paragraph
///   are joined with a single space: exports wrap long paragraphs at a fixed width, so a single
///   line break is a soft wrap, not a break the writer meant (the same rule as Markdown's). A
///   `<br>` per line would turn every export into ragged verse.
/// - The last line starting with `Author:` ends the article and names its author; everything
///   after it (comment forms, share buttons, "related posts") is dropped. Taking the *last* such
///   line keeps a paragraph that happens to begin with "Author:" in the body. A file with no
///   `Author:` line is all title and body.
/// - Paragraph text is escaped (`&`, `<`, `>`) into `<p>` elements: the export is text, and text
///   that mentions `<b>` must show `<b>`.
public struct PlainTextExport: Sendable, Hashable {
    public var title: String
    /// The line the title is on.
    public var titleLine: Int
    /// The paragraphs as plain text, one entry per paragraph.
    public var paragraphs: [String]
    /// The name after `Author:`; nil when there is no such line or it names no one.
    public var author: String?
    /// The line of the `Author:` line.
    public var authorLine: Int?

    /// Reads an export; throws when it holds no title line at all.
    public init(parsing text: String) throws(ArticleProblem) {
        let lines = ArticleText(text).lines
        guard let titleIndex = lines.firstIndex(where: { !ArticleText.isBlank($0) }) else {
            throw ArticleProblem(line: nil, "the file is empty: a plain-text article needs a title on its first line")
        }
        title = ArticleText.trimmed(lines[titleIndex])
        titleLine = titleIndex + 1

        var end = lines.endIndex
        if let authorIndex = lines.indices.last(where: { $0 > titleIndex && Self.isAuthorLine(lines[$0]) }) {
            end = authorIndex
            authorLine = authorIndex + 1
            let line = ArticleText.trimmed(lines[authorIndex])
            let name = ArticleText.trimmed(line.dropFirst(Self.authorLabel.count))
            author = name.isEmpty ? nil : name
        }

        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines[(titleIndex + 1)..<end] {
            if ArticleText.isBlank(line) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(ArticleText.trimmed(line))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        self.paragraphs = paragraphs
    }

    /// The body as HTML: one `<p>` per paragraph, text escaped, paragraphs on lines of their own.
    public var html: String {
        paragraphs.map { "<p>\(HTMLEscaping.escape($0))</p>" }.joined(separator: "\n")
    }

    private static let authorLabel = "Author:"

    private static func isAuthorLine(_ line: Substring) -> Bool {
        ArticleText.trimmed(line).hasPrefix(authorLabel)
    }
}

/// Escaping of text put into HTML element content.
enum HTMLEscaping {
    /// `&`, `<` and `>` as entities: enough for text between tags (quotes matter only in attributes).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}
