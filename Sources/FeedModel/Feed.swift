/// A feed as the parser understood it: Atom-shaped (RFC 4287), whatever format it was read from.
/// Its `Codable` form is the parsed-feed JSON contract: absent fields and empty lists are omitted.
///
/// Where each field comes from, in order of precedence:
/// - `id`: Atom `id`; RDF channel `rdf:about`; JSON `feed_url`.
/// - `title`: `title` in every format.
/// - `subtitle`: Atom `subtitle` (0.3 `tagline`); RSS `description`, else `itunes:subtitle`, else
///   `itunes:summary`; JSON `description`.
/// - `updated`: Atom `updated` (0.3 `modified`); RSS `lastBuildDate`, else `dc:date`.
/// - `published`: RSS `pubDate`.
/// - `links`: Atom every `link`; RSS `link` (alternate) and `atom:link`; JSON `home_page_url`
///   (alternate), `feed_url` (self).
/// - `authors`: Atom `author`; RSS `managingEditor`, `dc:creator`, `itunes:author`; JSON `authors`.
/// - `contributors`: Atom `contributor`; `dc:contributor`.
/// - `categories`: Atom `category`; RSS `category` (`domain` as scheme), `dc:subject`,
///   `itunes:category` (scheme `http://www.itunes.com/`), `media:category`, `itunes:keywords`.
/// - `generator`: Atom and RSS `generator`.
/// - `icon`: Atom `icon`; JSON `favicon`. `logo`: Atom `logo`; RSS `image/url`, else
///   `itunes:image`; JSON `icon`.
/// - `rights`: Atom `rights` (0.3 `copyright`); RSS `copyright`, `dc:rights`.
/// - `language`: the root's `xml:lang`; RSS `language`, `dc:language`; JSON `language`.
/// - `ttl`: RSS `ttl`, in minutes.
public struct Feed: Sendable, Hashable, Codable {
    public var format: FeedFormat
    /// False when anything had to be recovered: ill-formed XML, an undefined entity, bytes read in
    /// another encoding than the one declared.
    public var wellFormed: Bool
    /// The character encoding the document was read in, as a lower-case IANA name.
    public var encoding: String
    public var id: Optional<String>
    public var title: Optional<Text>
    public var subtitle: Optional<Text>
    public var updated: Optional<Timestamp>
    public var published: Optional<Timestamp>
    public var links: [Link]
    public var authors: [Person]
    public var contributors: [Person]
    public var categories: [Category]
    public var generator: Optional<Generator>
    public var icon: Optional<String>
    public var logo: Optional<String>
    public var rights: Optional<Text>
    public var language: Optional<String>
    public var ttl: Optional<Int>
    public var entries: [Entry]

    public init(format: FeedFormat, wellFormed: Bool = true, encoding: String = "utf-8", id: String? = nil,
                title: Text? = nil, subtitle: Text? = nil, updated: Timestamp? = nil,
                published: Timestamp? = nil, links: [Link] = [], authors: [Person] = [],
                contributors: [Person] = [], categories: [Category] = [], generator: Generator? = nil,
                icon: String? = nil, logo: String? = nil, rights: Text? = nil, language: String? = nil,
                ttl: Int? = nil, entries: [Entry] = []) {
        self.format = format
        self.wellFormed = wellFormed
        self.encoding = encoding
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.updated = updated
        self.published = published
        self.links = links
        self.authors = authors
        self.contributors = contributors
        self.categories = categories
        self.generator = generator
        self.icon = icon
        self.logo = logo
        self.rights = rights
        self.language = language
        self.ttl = ttl
        self.entries = entries
    }

    /// The first `alternate` link: the site the feed belongs to.
    public var alternateLink: Link? { links.first { $0.rel == "alternate" } }

    private enum CodingKeys: String, CodingKey {
        case format, wellFormed, encoding, id, title, subtitle, updated, published, links, authors,
             contributors, categories, generator, icon, logo, rights, language, ttl, entries
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(FeedFormat.self, forKey: .format)
        wellFormed = try c.decodeIfPresent(Bool.self, forKey: .wellFormed) ?? true
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding) ?? "utf-8"
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(Text.self, forKey: .title)
        subtitle = try c.decodeIfPresent(Text.self, forKey: .subtitle)
        updated = try c.decodeIfPresent(Timestamp.self, forKey: .updated)
        published = try c.decodeIfPresent(Timestamp.self, forKey: .published)
        links = try c.decodeList(Link.self, forKey: .links)
        authors = try c.decodeList(Person.self, forKey: .authors)
        contributors = try c.decodeList(Person.self, forKey: .contributors)
        categories = try c.decodeList(Category.self, forKey: .categories)
        generator = try c.decodeIfPresent(Generator.self, forKey: .generator)
        icon = try c.decodeIfPresent(String.self, forKey: .icon)
        logo = try c.decodeIfPresent(String.self, forKey: .logo)
        rights = try c.decodeIfPresent(Text.self, forKey: .rights)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        ttl = try c.decodeIfPresent(Int.self, forKey: .ttl)
        entries = try c.decodeList(Entry.self, forKey: .entries)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(wellFormed, forKey: .wellFormed)
        try c.encode(encoding, forKey: .encoding)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(subtitle, forKey: .subtitle)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeUnlessEmpty(links, forKey: .links)
        try c.encodeUnlessEmpty(authors, forKey: .authors)
        try c.encodeUnlessEmpty(contributors, forKey: .contributors)
        try c.encodeUnlessEmpty(categories, forKey: .categories)
        try c.encodeIfPresent(generator, forKey: .generator)
        try c.encodeIfPresent(icon, forKey: .icon)
        try c.encodeIfPresent(logo, forKey: .logo)
        try c.encodeIfPresent(rights, forKey: .rights)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(ttl, forKey: .ttl)
        try c.encodeUnlessEmpty(entries, forKey: .entries)
    }
}
