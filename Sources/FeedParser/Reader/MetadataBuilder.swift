import FeedModel
import Glibc

/// Collects what one feed, entry or source says while its elements stream by, then applies the
/// precedence rules of the model once the element ends (a later `pubDate` can still decide what
/// an earlier `dc:date` means).
///
/// The first occurrence of a single-valued element wins, as in feedparser: a repeated `title` in
/// a broken feed does not replace the first.
struct MetadataBuilder {
    var id: String?
    var title: Text?
    var mediaTitle: Text?
    var dcTitle: Text?
    var subtitle: Text?
    var itunesSubtitle: Text?
    var itunesSummary: Text?
    var summary: Text?
    var dcDescription: Text?
    var mediaDescription: Text?
    var content: Content?
    /// Which content element supplied `content`: a better one replaces a worse one.
    var contentRank = 0
    var links: [Link] = []
    var hasAlternateFromRSSLink = false
    var authors: [Person] = []
    var contributors: [Person] = []
    var categories: [Category] = []
    var generator: Generator?
    var icon: String?
    var logo: String?
    var imageURL: String?
    var itunesImage: String?
    var rights: Text?
    var language: String?
    var ttl: Int?
    var guid: String?
    var guidIsPermaLink = false
    /// The base URL in scope at the `guid`, for the link a permalink guid becomes.
    var guidBase: String?
    var source: Source?

    // Dates, by the element that gave them; `finish` applies the precedence.
    var pubDate: Timestamp?
    var dcDate: Timestamp?
    var atomUpdated: Timestamp?
    var atomPublished: Timestamp?
    var dctermsIssued: Timestamp?
    var dctermsModified: Timestamp?
    var lastBuildDate: Timestamp?

    mutating func addPerson(_ person: consuming Person, contributor: Bool) {
        guard !person.isEmpty else { return }
        if contributor {
            if !Self.lists(person, in: contributors) { contributors.append(person) }
        } else if !Self.lists(person, in: authors) {
            authors.append(person)
        }
    }

    /// Compared in place: `contains` would copy out every person it looks at.
    private static func lists(_ person: borrowing Person, in people: [Person]) -> Bool {
        for i in people.indices where people[i].name == person.name {
            if people[i].email == person.email, people[i].uri == person.uri { return true }
        }
        return false
    }

    mutating func addCategory(_ category: consuming Category) {
        guard !category.term.isEmpty else { return }
        // Compared in place, term first: `contains` would copy out every category it looks at.
        for i in categories.indices where categories[i].term == category.term {
            if categories[i].scheme == category.scheme, categories[i].label == category.label { return }
        }
        // Room for a few from the start: grown one by one, a list reallocates at 1, 2 and 4.
        if categories.capacity == 0 { categories.reserveCapacity(4) }
        categories.append(category)
    }

    mutating func addLink(_ link: consuming Link) {
        guard !link.href.isEmpty || link.rel == "enclosure" else { return }
        // Addresses compared as bytes: String's == first checks canonical equivalence, which for
        // two long URLs with a common start (a post and its comments) costs hundreds of
        // instructions, and a URL is its characters as written anyway.
        for i in links.indices where Self.sameBytes(links[i].href, link.href) {
            if links[i] == link { return }
        }
        if links.capacity == 0 { links.reserveCapacity(2) }
        links.append(link)
    }

    /// True when the two strings are the same UTF-8 bytes.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    mutating func offerContent(_ value: consuming Content, rank: Int) {
        if rank > contentRank {
            content = value
            contentRank = rank
        }
    }

    /// The feed-level reading, for `format`.
    func makeFeed(format: FeedFormat) -> Feed {
        var feed = Feed(format: format)
        feed.id = id
        feed.title = title ?? dcTitle
        feed.subtitle = subtitle ?? dcDescription ?? itunesSubtitle ?? itunesSummary
        feed.updated = atomUpdated ?? lastBuildDate ?? dcDate ?? dctermsModified
        feed.published = pubDate ?? atomPublished ?? dctermsIssued
        feed.links = links
        feed.authors = authors
        feed.contributors = contributors
        feed.categories = categories
        feed.generator = generator
        feed.icon = icon
        feed.logo = logo ?? imageURL ?? itunesImage
        feed.rights = rights
        feed.language = language
        feed.ttl = ttl
        return feed
    }

    /// The entry-level reading; RSS's `dc:date` is a publication date unless `pubDate` is there too.
    /// `language` applies when the entry names none; `authors` (Atom's inheritance from the feed)
    /// when it has none and its source has none either.
    ///
    /// Takes the fields out and leaves the builder empty: a `consuming` method would copy every
    /// field (a retain each) and then destroy the builder, since a copyable struct's stored
    /// properties cannot be moved out of `self` one by one.
    @inline(__always)
    mutating func takeEntry(language fallbackLanguage: String? = nil, authors fallbackAuthors: [Person]? = nil) -> Entry {
        var links = self.links.takeAll()
        if let guid, guidIsPermaLink, !hasAlternateFromRSSLink,
           !links.contains(where: { $0.rel == "alternate" }) {
            links.insert(Link(href: URLResolver.resolve(guid, against: guidBase)), at: 0)
        }
        var authors = self.authors.takeAll()
        if authors.isEmpty, let fallbackAuthors {
            authors = source?.authors.isEmpty == false ? (source?.authors ?? []) : fallbackAuthors
        }
        let id = id.take() ?? guid.take()
        let title = title.take() ?? dcTitle.take() ?? mediaTitle.take()
        let published = atomPublished ?? pubDate ?? dcDate ?? dctermsIssued
        let updated = atomUpdated ?? (pubDate != nil ? dcDate : nil) ?? dctermsModified
        let contributors = self.contributors.takeAll()
        let summary = summary.take() ?? dcDescription.take() ?? itunesSummary.take() ?? mediaDescription.take()
        let content = content.take(), categories = self.categories.takeAll(), rights = rights.take()
        let source = source.take(), language = language.take() ?? fallbackLanguage
        self = MetadataBuilder()
        // One initializer call, returned as it is: the entry is built where the caller puts it.
        return Entry(id: id, title: title, links: links, published: published, updated: updated, authors: authors,
                     contributors: contributors, summary: summary, content: content, categories: categories,
                     rights: rights, source: source, language: language)
    }


    /// The reading of an `atom:source` or RSS `source`.
    func makeSource() -> Source {
        Source(id: id, title: title, subtitle: subtitle, links: links,
               updated: atomUpdated ?? lastBuildDate ?? dcDate, authors: authors,
               contributors: contributors, categories: categories, generator: generator,
               icon: icon, logo: logo ?? imageURL, rights: rights)
    }
}

/// Sets `slot` to `value` unless it already holds one: the first occurrence of an element wins.
/// A plain `inout` rather than a key path, which would cost a generic projection per field.
@inline(__always) func setOnce<T>(_ slot: inout T?, _ value: consuming T?) {
    if slot == nil { slot = value }
}

extension Array {
    /// The elements, leaving the array empty: they change hands without being copied.
    mutating func takeAll() -> [Element] {
        var taken: [Element] = []
        swap(&taken, &self)
        return taken
    }
}
