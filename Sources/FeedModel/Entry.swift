/// One article of a feed: an Atom entry, an RSS item, a JSON Feed item.
///
/// Where each field comes from, in order of precedence:
/// - `id`: Atom `id`; RSS `guid`; JSON `id`. Never resolved as a URL: ids are names.
/// - `title`: `title` in every format.
/// - `links`: Atom every `link`; RSS `link` (alternate), a permalink `guid` when there is no `link`,
///   `enclosure`, `comments` (replies), `atom:link`; JSON `url`,
///   `external_url` (related), `attachments` (enclosure).
/// - `published`: Atom `published` (0.3 `issued`), `dcterms:issued`; RSS `pubDate`, else `dc:date`;
///   JSON `date_published`.
/// - `updated`: Atom `updated` (0.3 `modified`), `dcterms:modified`; RSS `dc:date` when `pubDate`
///   is also present, `atom:updated`; JSON `date_modified`.
/// - `authors`: Atom `author` (the feed's authors are not copied down); RSS `author`,
///   `dc:creator`, `itunes:author`; JSON `authors` (1.0 `author`).
/// - `contributors`: Atom `contributor`; `dc:contributor`.
/// - `summary`: Atom `summary`; RSS `description` (html), else `itunes:summary`; JSON `summary`.
/// - `content`: Atom `content`; RSS `content:encoded`, else `xhtml:body`, else `fullitem`;
///   JSON `content_html`, else `content_text`.
/// - `categories`: `category`, `dc:subject`, `media:category`, `itunes:keywords`; JSON `tags`.
/// - `rights`: Atom `rights`; `dc:rights`.
/// - `source`: Atom `source`; RSS `source`.
/// - `language`: the `xml:lang` in scope; `dc:language`; JSON `language`.
///
/// Optional fields here and in the rest of the model are spelled `Optional<T>`, not `T?`: `T?`
/// gives a stored property an implicit `nil` initial value, and with it the optimizer kept a copy
/// of the whole struct (a retain of every field, then a release) in each initializer.
public struct Entry: Sendable, Hashable, Codable {
    public var id: Optional<String>
    public var title: Optional<Text>
    public var links: [Link]
    public var published: Optional<Timestamp>
    public var updated: Optional<Timestamp>
    public var authors: [Person]
    public var contributors: [Person]
    public var summary: Optional<Text>
    public var content: Optional<Content>
    public var categories: [Category]
    public var rights: Optional<Text>
    public var source: Optional<Source>
    public var language: Optional<String>

    @inlinable
    public init(id: String? = nil, title: Text? = nil, links: [Link] = [], published: Timestamp? = nil,
                updated: Timestamp? = nil, authors: [Person] = [], contributors: [Person] = [],
                summary: Text? = nil, content: Content? = nil, categories: [Category] = [],
                rights: Text? = nil, source: Source? = nil, language: String? = nil) {
        self.id = id
        self.title = title
        self.links = links
        self.published = published
        self.updated = updated
        self.authors = authors
        self.contributors = contributors
        self.summary = summary
        self.content = content
        self.categories = categories
        self.rights = rights
        self.source = source
        self.language = language
    }

    /// The first `alternate` link: what a reader opens for this entry.
    public var alternateLink: Link? { links.first { $0.rel == "alternate" } }

    private enum CodingKeys: String, CodingKey {
        case id, title, links, published, updated, authors, contributors, summary, content, categories,
             rights, source, language
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(Text.self, forKey: .title)
        links = try c.decodeList(Link.self, forKey: .links)
        published = try c.decodeIfPresent(Timestamp.self, forKey: .published)
        updated = try c.decodeIfPresent(Timestamp.self, forKey: .updated)
        authors = try c.decodeList(Person.self, forKey: .authors)
        contributors = try c.decodeList(Person.self, forKey: .contributors)
        summary = try c.decodeIfPresent(Text.self, forKey: .summary)
        content = try c.decodeIfPresent(Content.self, forKey: .content)
        categories = try c.decodeList(Category.self, forKey: .categories)
        rights = try c.decodeIfPresent(Text.self, forKey: .rights)
        source = try c.decodeIfPresent(Source.self, forKey: .source)
        language = try c.decodeIfPresent(String.self, forKey: .language)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeUnlessEmpty(links, forKey: .links)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeUnlessEmpty(authors, forKey: .authors)
        try c.encodeUnlessEmpty(contributors, forKey: .contributors)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(content, forKey: .content)
        try c.encodeUnlessEmpty(categories, forKey: .categories)
        try c.encodeIfPresent(rights, forKey: .rights)
        if let source, !source.isEmpty { try c.encode(source, forKey: .source) }
        try c.encodeIfPresent(language, forKey: .language)
    }
}
