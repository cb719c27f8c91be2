import FeedModel
import FeedXML

/// Writes RSS 2.0 (the RSS Advisory Board's specification) through libxml2's text writer,
/// streaming, with the `atom`, `content` and `dc` namespaces for what plain RSS cannot say.
///
/// What goes where, and what RSS cannot carry:
/// - Channel: `language` (first: readers apply it to the texts after it), `title`, `link` (the
///   first alternate link), `description` (the subtitle as HTML; written empty when there is
///   none, as RSS requires it), `atom:link` for every other link, `copyright` (rights),
///   `managingEditor` (the first author with an email), `dc:creator` (every other author),
///   `dc:contributor`, `pubDate` (published), `lastBuildDate` (updated), `category` with
///   `domain` (scheme), `generator` (its name only), `ttl`, and `image` (the logo, with the
///   title and link RSS requires beside it). The feed id and icon have no place in RSS.
/// - Item: `title` (its value as given: RSS titles have no type, readers guess), `link` (the first
///   alternate), `description` (summary) and `content:encoded` (content) as HTML (plain text is
///   escaped into HTML), `author` (`email (Name)`) for the first author with an email and
///   `dc:creator` for the others, `dc:contributor`, `category` with `domain`, `comments` (the
///   first `replies` link), `enclosure` (the first enclosure link; RSS requires its `length` and
///   `type`: 0 and `application/octet-stream` when unknown), `guid` (the id, `isPermaLink="false"`
///   unless it is the alternate link's address), `pubDate` (published, else updated),
///   `atom:updated` (updated, with its full precision), `atom:link` for every other link,
///   `dc:rights`, `dc:language` when it differs from the channel's, and `source` (when the
///   source has a `self` link: its address and title).
/// - RFC 822 dates in GMT: no fraction of a second. Person URIs, category labels, text types and
///   per-text languages, out-of-line and binary content have no place in RSS.
public struct RSS2Writer: FeedDocumentWriter {
    public var indent: Bool

    public init(indent: Bool = true) {
        self.indent = indent
    }

    public var fileExtension: String { "xml" }

    public func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries, marker: FeedHistoryMarker,
                                                to sink: @escaping ByteSink) throws(FeedWriteError) {
        try writeXMLDocument(RSSDocument.init, indent: indent, feed, entries: entries, marker: marker, to: sink)
    }
}

/// One RSS document being written.
struct RSSDocument: XMLFeedDocument {
    let writer: XMLTextWriter

    static let unknownMediaType = "application/octet-stream"

    func start(_ feed: Feed, updated: Timestamp?, marker: FeedHistoryMarker) throws(XMLWriterError) {
        try writer.startDocument()
        try writer.startElement("rss")
        try writer.attribute("version", "2.0")
        try writer.declareNamespace(Namespaces.atom, prefix: "atom")
        try writer.declareNamespace(Namespaces.content, prefix: "content")
        try writer.declareNamespace(Namespaces.dublinCore, prefix: "dc")
        if marker != .none { try writer.declareNamespace(Namespaces.feedHistory, prefix: "fh") }
        try writer.startElement("channel")
        switch marker {
        case .none: break
        case .complete: try writer.startElement("fh:complete"); try writer.endElement()
        case .archive: try writer.startElement("fh:archive"); try writer.endElement()
        }
        // Like xml:lang, `language` applies to the text after it: it comes first.
        if let language = feed.language { try writer.element("language", text: language) }
        try writer.element("title", text: feed.title?.value ?? "")
        let alternate = feed.links.firstIndex { $0.rel == "alternate" }
        if let alternate { try writer.element("link", text: feed.links[alternate].href) }
        try writer.element("description", text: feed.subtitle.map(HTMLText.html) ?? "")
        for (index, link) in feed.links.enumerated() where index != alternate {
            try atomLink(link)
        }
        if let rights = feed.rights { try writer.element("copyright", text: rights.value) }
        try people(feed.authors, contributors: feed.contributors, emailElement: "managingEditor")
        if let published = feed.published { try writer.element("pubDate", text: RFC822Date.string(published)) }
        if let updated { try writer.element("lastBuildDate", text: RFC822Date.string(updated)) }
        for category in feed.categories { try self.category(category) }
        if let generator = feed.generator { try writer.element("generator", text: generator.name) }
        if let ttl = feed.ttl { try writer.element("ttl", text: String(ttl)) }
        if let logo = feed.logo {
            try writer.startElement("image")
            try writer.element("url", text: logo)
            try writer.element("title", text: feed.title?.value ?? "")
            if let alternate { try writer.element("link", text: feed.links[alternate].href) }
            try writer.endElement()
        }
    }

    func entry(_ entry: Entry, feedLanguage: String?) throws(XMLWriterError) {
        try writer.startElement("item")
        if let title = entry.title { try writer.element("title", text: title.value) }
        let alternate = entry.links.firstIndex { $0.rel == "alternate" }
        let replies = entry.links.firstIndex { $0.rel == "replies" }
        let enclosure = entry.links.firstIndex { $0.rel == "enclosure" }
        if let alternate { try writer.element("link", text: entry.links[alternate].href) }
        if let summary = entry.summary { try writer.element("description", text: HTMLText.html(summary)) }
        if let content = entry.content, let html = HTMLContent.representation(content) {
            try writer.element("content:encoded", text: html.kind == .text ? HTMLText.escape(html.value) : html.value)
        }
        try people(entry.authors, contributors: entry.contributors, emailElement: "author")
        for category in entry.categories { try self.category(category) }
        if let replies { try writer.element("comments", text: entry.links[replies].href) }
        if let enclosure {
            let link = entry.links[enclosure]
            try writer.startElement("enclosure")
            try writer.attribute("url", link.href)
            try writer.attribute("length", String(link.length ?? 0))
            try writer.attribute("type", link.type ?? Self.unknownMediaType)
            try writer.endElement()
        }
        if let id = entry.id {
            try writer.startElement("guid")
            if alternate.map({ entry.links[$0].href }) != id { try writer.attribute("isPermaLink", "false") }
            try writer.text(id)
            try writer.endElement()
        }
        if let published = entry.published ?? entry.updated {
            try writer.element("pubDate", text: RFC822Date.string(published))
        }
        if let updated = entry.updated { try writer.element("atom:updated", text: updated.rfc3339) }
        for (index, link) in entry.links.enumerated() where index != alternate && index != replies && index != enclosure {
            try atomLink(link)
        }
        if let rights = entry.rights { try writer.element("dc:rights", text: rights.value) }
        if let language = entry.language, language != feedLanguage { try writer.element("dc:language", text: language) }
        if let source = entry.source, let url = source.links.first(where: { $0.rel == "self" })?.href {
            try writer.startElement("source")
            try writer.attribute("url", url)
            try writer.text(source.title?.value ?? "")
            try writer.endElement()
        }
        try writer.endElement()
    }

    /// Authors in their order: the first with an email in `emailElement` (RSS's own element,
    /// which holds one address), every other as `dc:creator`; then contributors.
    private func people(_ authors: [Person], contributors: [Person], emailElement: String) throws(XMLWriterError) {
        var usedEmailElement = false
        for author in authors {
            guard let line = Self.personLine(author) else { continue }
            if !usedEmailElement, author.email != nil {
                usedEmailElement = true
                try writer.element(emailElement, text: line)
            } else {
                try writer.element("dc:creator", text: line)
            }
        }
        for contributor in contributors {
            if let line = Self.personLine(contributor) { try writer.element("dc:contributor", text: line) }
        }
    }

    /// RSS's one-line person: `email (Name)`, a bare email, or a bare name.
    static func personLine(_ person: Person) -> String? {
        switch (person.email, person.name) {
        case let (email?, name?): return "\(email) (\(name))"
        case let (email?, nil): return email
        case let (nil, name?): return name
        case (nil, nil): return nil
        }
    }

    private func category(_ category: Category) throws(XMLWriterError) {
        try writer.startElement("category")
        if let scheme = category.scheme { try writer.attribute("domain", scheme) }
        try writer.text(category.term)
        try writer.endElement()
    }

    private func atomLink(_ link: Link) throws(XMLWriterError) {
        try writer.startElement("atom:link")
        try writer.attribute("rel", link.rel)
        try writer.attribute("href", link.href)
        if let type = link.type { try writer.attribute("type", type) }
        if let hreflang = link.hreflang { try writer.attribute("hreflang", hreflang) }
        if let title = link.title { try writer.attribute("title", title) }
        if let length = link.length { try writer.attribute("length", String(length)) }
        try writer.endElement()
    }
}
