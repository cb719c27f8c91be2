/// The feed an entry came from (RFC 4287 §4.2.11 `atom:source`; RSS `source`, whose `url` becomes
/// a self link and whose text becomes the title): the origin's feed-level metadata, each optional.
public struct Source: Sendable, Hashable, Codable {
    public var id: Optional<String>
    public var title: Optional<Text>
    public var subtitle: Optional<Text>
    public var links: [Link]
    public var updated: Optional<Timestamp>
    public var authors: [Person]
    public var contributors: [Person]
    public var categories: [Category]
    public var generator: Optional<Generator>
    public var icon: Optional<String>
    public var logo: Optional<String>
    public var rights: Optional<Text>

    @inlinable
    public init(id: String? = nil, title: Text? = nil, subtitle: Text? = nil, links: [Link] = [],
                updated: Timestamp? = nil, authors: [Person] = [], contributors: [Person] = [],
                categories: [Category] = [], generator: Generator? = nil, icon: String? = nil,
                logo: String? = nil, rights: Text? = nil) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.links = links
        self.updated = updated
        self.authors = authors
        self.contributors = contributors
        self.categories = categories
        self.generator = generator
        self.icon = icon
        self.logo = logo
        self.rights = rights
    }

    /// True when the source carries nothing.
    public var isEmpty: Bool { self == Source() }

    private enum CodingKeys: String, CodingKey {
        case id, title, subtitle, links, updated, authors, contributors, categories, generator, icon, logo, rights
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(Text.self, forKey: .title)
        subtitle = try c.decodeIfPresent(Text.self, forKey: .subtitle)
        links = try c.decodeList(Link.self, forKey: .links)
        updated = try c.decodeIfPresent(Timestamp.self, forKey: .updated)
        authors = try c.decodeList(Person.self, forKey: .authors)
        contributors = try c.decodeList(Person.self, forKey: .contributors)
        categories = try c.decodeList(Category.self, forKey: .categories)
        generator = try c.decodeIfPresent(Generator.self, forKey: .generator)
        icon = try c.decodeIfPresent(String.self, forKey: .icon)
        logo = try c.decodeIfPresent(String.self, forKey: .logo)
        rights = try c.decodeIfPresent(Text.self, forKey: .rights)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(subtitle, forKey: .subtitle)
        try c.encodeUnlessEmpty(links, forKey: .links)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeUnlessEmpty(authors, forKey: .authors)
        try c.encodeUnlessEmpty(contributors, forKey: .contributors)
        try c.encodeUnlessEmpty(categories, forKey: .categories)
        try c.encodeIfPresent(generator, forKey: .generator)
        try c.encodeIfPresent(icon, forKey: .icon)
        try c.encodeIfPresent(logo, forKey: .logo)
        try c.encodeIfPresent(rights, forKey: .rights)
    }
}
