import FeedModel
import FeedParser

/// What the command line sets for every file it adds, over what the files say.
public struct SiteArticleOverrides: Sendable, Hashable {
    /// `--author`: the author's name (with the default author's email and page when it is theirs).
    public var author: String?
    /// `--published`: the publication date.
    public var published: Timestamp?

    public init(author: String? = nil, published: Timestamp? = nil) {
        self.author = author
        self.published = published
    }
}

/// The two shapes of article file, told apart by the file's extension.
public enum SiteArticleFormat: String, Sendable, Hashable {
    /// `.md`, `.markdown`: front matter and Markdown (`MarkdownArticle`).
    case markdown
    /// `.txt`, `.text`: a plain-text export of a blog post (`PlainTextExport`).
    case plainText

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .plainText
        default: return nil
        }
    }
}

/// Turns one of the site's article files into the `Entry` the store keeps and the feed publishes.
///
/// Every value comes from the file, its name, the settings or the command line — never from the
/// clock or the file's modification time — so adding the same files on a fresh clone gives the
/// same entries, and `feed generate` the same bytes.
///
/// Where each field comes from, in order of precedence:
/// - `published`: `--published`; the front matter's `published` (Markdown); the date prefix of the
///   file name (`2017-01-09-jack-ma-meets-trump.txt`, midnight UTC). A file with none of these is
///   an error that says how to give one: a date taken from the clock would change on every fresh
///   clone, and with it the article's id.
/// - `updated`: the front matter's `updated`, else `published`. It may not be earlier than
///   `published`.
/// - slug: the front matter's `slug`, else the file name without its date prefix and extension;
///   normalised either way (`Slug`).
/// - `id`: the front matter's `id`, as written; else the tag URI `tag:DOMAIN,YYYY-MM-DD:/SLUG`
///   (`TagURI`) from the settings' domain, the publication day and the slug. The same file added
///   again gives the same id, so the store updates the article instead of adding a second one.
/// - the alternate link: the settings' permalink template filled with the date and the slug.
/// - `authors`: `--author`; the front matter's `author` with `email` and `uri`, or the plain-text
///   export's `Author:` line; else the settings' default author. A name that is the default
///   author's takes their email and page unless the file gives its own.
/// - `title`: the front matter's `title`, else the Markdown's first `# heading`; the first line of a
///   plain-text export.
/// - `summary`: the front matter's `summary`; none otherwise (none is invented).
/// - `content`: the Markdown rendered by Ink, or the export's paragraphs as `<p>` elements; HTML.
/// - `categories`: the front matter's `categories`, `a, b` or `[a, b]`.
public struct SiteArticleReader: Sendable {
    public var settings: SiteSettings
    public var overrides: SiteArticleOverrides

    public init(settings: SiteSettings, overrides: SiteArticleOverrides = SiteArticleOverrides()) {
        self.settings = settings
        self.overrides = overrides
    }

    /// Reads the file at `path` (named in errors as given).
    public func read(file path: String) throws(ArticleError) -> Entry {
        let text: String
        do {
            text = try TextFile.contents(of: path)
        } catch {
            throw ArticleError(kind: .unreadable, file: path, message: error.message)
        }
        return try entry(text: text, file: path)
    }

    /// The entry for an article whose text is `text` and whose file is `path` (the file's name
    /// decides the format, the slug and possibly the date; the file itself is not read).
    public func entry(text: String, file path: String) throws(ArticleError) -> Entry {
        let name = ArticleFileName(path: path)
        guard let format = SiteArticleFormat(fileExtension: name.fileExtension) else {
            let shown = name.fileExtension.isEmpty ? "a file with no extension" : "'.\(name.fileExtension)'"
            throw ArticleError(file: path, message: "cannot tell the article's format from \(shown): name it .md (Markdown with front matter) or .txt (a plain-text export)")
        }
        do {
            switch format {
            case .markdown: return try markdownEntry(text, name: name)
            case .plainText: return try plainTextEntry(text, name: name)
            }
        } catch {
            throw ArticleError(file: path, error)
        }
    }

    // MARK: The two formats

    private func markdownEntry(_ text: String, name: ArticleFileName) throws(ArticleProblem) -> Entry {
        let article = try MarkdownArticle(parsing: text)
        let fields = article.frontMatter
        guard let title = fields["title"]?.value ?? article.firstHeading else {
            throw ArticleProblem(line: 1, "no title: give 'title:' in the front matter, or begin the text with a '# heading'")
        }
        let published = try publicationDate(frontMatter: fields["published"], fileName: name, hint: "add 'published: YYYY-MM-DD' to the front matter, ")
        var updated = published
        if let field = fields["updated"] {
            updated = try date(field)
            guard updated >= published else {
                throw ArticleProblem(line: field.line, "'updated' (\(updated.rfc3339)) is earlier than the publication date (\(published.rfc3339))")
            }
        }
        let slug: Slug
        if let field = fields["slug"] {
            guard let value = Slug(normalising: field.value) else {
                throw ArticleProblem(line: field.line, "the slug '\(field.value)' has no ASCII letters or digits")
            }
            slug = value
        } else {
            slug = try fileNameSlug(name)
        }
        var id = settings.tagURI(slug: slug, published: published).description
        if let field = fields["id"] {
            guard field.value.contains(":"), !field.value.contains(where: \.isWhitespace) else {
                throw ArticleProblem(line: field.line, "an Atom id must be an absolute IRI (a URL or a tag: URI), not '\(field.value)'")
            }
            id = field.value
        }
        var fileAuthor: Person?
        if let field = fields["author"] {
            var person = settings.person(named: field.value)
            if let email = fields["email"]?.value { person.email = email }
            if let uri = fields["uri"]?.value { person.uri = uri }
            fileAuthor = person
        } else if let orphan = fields["email"] ?? fields["uri"] {
            throw ArticleProblem(line: orphan.line, "'\(orphan.key)' needs an 'author:' line naming whose it is")
        }
        let categories = fields["categories"].map { FrontMatter.list($0.value).map { Category(term: $0) } } ?? []
        return Entry(
            id: id, title: Text(title), links: [link(slug: slug, published: published)],
            published: published, updated: updated, authors: authors(fromFile: fileAuthor),
            summary: fields["summary"].map { Text($0.value) },
            content: article.html.isEmpty ? nil : Content(article.html, type: "html"), categories: categories)
    }

    private func plainTextEntry(_ text: String, name: ArticleFileName) throws(ArticleProblem) -> Entry {
        let export = try PlainTextExport(parsing: text)
        let published = try publicationDate(frontMatter: nil, fileName: name, hint: "")
        let slug = try fileNameSlug(name)
        let html = export.html
        return Entry(
            id: settings.tagURI(slug: slug, published: published).description, title: Text(export.title),
            links: [link(slug: slug, published: published)], published: published, updated: published,
            authors: authors(fromFile: export.author.map { settings.person(named: $0) }),
            content: html.isEmpty ? nil : Content(html, type: "html"))
    }

    // MARK: Shared rules

    private func publicationDate(frontMatter field: FrontMatter.Field?, fileName: ArticleFileName,
                                 hint: String) throws(ArticleProblem) -> Timestamp {
        if let given = overrides.published { return given }
        if let field { return try date(field) }
        if let date = fileName.date { return date }
        throw ArticleProblem(line: nil, "no publication date: \(hint)name the file YYYY-MM-DD-\(fileName.stem).\(fileName.fileExtension), or pass --published")
    }

    private func date(_ field: FrontMatter.Field) throws(ArticleProblem) -> Timestamp {
        guard let date = FeedDateParser.parse(field.value) else {
            throw ArticleProblem(line: field.line, "cannot read '\(field.value)' as a date: write 2024-03-02 or 2024-03-02T09:30:00Z")
        }
        return date
    }

    private func fileNameSlug(_ name: ArticleFileName) throws(ArticleProblem) -> Slug {
        guard let slug = Slug(normalising: name.stem) else {
            throw ArticleProblem(line: nil, "cannot make a slug from the file name '\(name.name)': rename it, or give 'slug:' in the front matter")
        }
        return slug
    }

    private func link(slug: Slug, published: Timestamp) -> Link {
        Link(href: settings.articleAddress(slug: slug, published: published), rel: "alternate", type: "text/html")
    }

    private func authors(fromFile fileAuthor: Person?) -> [Person] {
        if let name = overrides.author { return [settings.person(named: name)] }
        if let fileAuthor { return [fileAuthor] }
        return settings.author.map { [$0] } ?? []
    }
}
