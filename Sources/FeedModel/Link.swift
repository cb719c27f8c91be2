/// A link (RFC 4287 §4.2.7). `href` is absolute once parsed: resolved against `xml:base` in scope
/// and the document's own address.
///
/// Atom: every `atom:link`. RSS: `link` (alternate), a permalink `guid` when there is no `link`
/// (alternate), `enclosure` (enclosure), `comments` (replies), `atom:link`, `cc:license` (license).
/// JSON Feed: `url` (alternate), `external_url` (related), `attachments` (enclosure),
/// `home_page_url` and `feed_url` (alternate and self, on the feed).
public struct Link: Sendable, Hashable, Codable {
    public var href: String
    /// The relation; `alternate` when the feed names none.
    public var rel: String
    public var type: Optional<String>
    public var hreflang: Optional<String>
    public var title: Optional<String>
    /// The length in bytes of what the link points to (enclosures).
    public var length: Optional<Int>

    @inlinable
    public init(href: String, rel: String = "alternate", type: String? = nil, hreflang: String? = nil,
                title: String? = nil, length: Int? = nil) {
        self.href = href
        self.rel = rel
        self.type = type
        self.hreflang = hreflang
        self.title = title
        self.length = length
    }

    private enum CodingKeys: String, CodingKey { case href, rel, type, hreflang, title, length }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        href = try c.decode(String.self, forKey: .href)
        rel = try c.decodeIfPresent(String.self, forKey: .rel) ?? "alternate"
        type = try c.decodeIfPresent(String.self, forKey: .type)
        hreflang = try c.decodeIfPresent(String.self, forKey: .hreflang)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        length = try c.decodeIfPresent(Int.self, forKey: .length)
    }
}

/// A person (RFC 4287 §3.2): an author or contributor.
///
/// RSS's `"me@example.com (Jane Doe)"` is read as name `Jane Doe`, email `me@example.com`.
public struct Person: Sendable, Hashable, Codable {
    public var name: Optional<String>
    public var email: Optional<String>
    /// The person's home page (absolute).
    public var uri: Optional<String>

    @inlinable
    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    /// True when the person carries nothing at all.
    public var isEmpty: Bool { name == nil && email == nil && uri == nil }
}

/// A category (RFC 4287 §4.2.2). RSS `category` keeps its `domain` as `scheme`.
public struct Category: Sendable, Hashable, Codable {
    public var term: String
    public var scheme: Optional<String>
    public var label: Optional<String>

    @inlinable
    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

/// The software that made the feed (RFC 4287 §4.2.4; RSS `generator`).
public struct Generator: Sendable, Hashable, Codable {
    public var name: String
    public var uri: Optional<String>
    public var version: Optional<String>

    @inlinable
    public init(name: String, uri: String? = nil, version: String? = nil) {
        self.name = name
        self.uri = uri
        self.version = version
    }
}
