import FeedModel
import FeedXML

/// Writes Atom 1.0 (RFC 4287) through libxml2's text writer, streaming.
///
/// What goes where:
/// - Feed: `id`, `title`, `subtitle`, `updated`, every link, authors, contributors, categories,
///   `generator`, `icon`, `logo`, `rights`; `language` as the root's `xml:lang`. Atom has no
///   place for `published` and `ttl`: they are left out.
/// - Entry: `id`, `title`, every link, `published`, `updated`, authors, contributors, categories,
///   `summary`, `content`, `rights`, and `source` as `atom:source`. RFC 4287 requires `updated`:
///   an entry without one states its `published` there. `language` becomes the entry's
///   `xml:lang` when it differs from the feed's.
/// - Texts are written by type: `text` as text, `html` escaped with `type="html"`, `xhtml` inside
///   the wrapper `div` with `type="xhtml"`. XHTML that is not well-formed XML cannot be copied
///   into the document; it is written as `html` instead (XHTML is HTML too). A text's `lang` is
///   written as `xml:lang` when it differs from the language in scope; nil means "inherit".
/// - Content: the same three types; out-of-line content as `src` with a media type (`html` and
///   `xhtml` become `text/html` and `application/xhtml+xml`, as RFC 4287 §4.1.3.1 requires);
///   other media types inline: `text/*` as text, XML types as markup when well-formed, any other
///   type in base64 (see `Base64Text`).
/// - Dates in RFC 3339, in UTC, with a fraction of a second only when the model has one.
public struct AtomWriter: FeedDocumentWriter {
    /// Two-space indentation, one element per line: readable output, and still deterministic.
    public var indent: Bool

    public init(indent: Bool = true) {
        self.indent = indent
    }

    public var fileExtension: String { "xml" }

    public func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries, marker: FeedHistoryMarker,
                                                to sink: @escaping ByteSink) throws(FeedWriteError) {
        try writeXMLDocument(AtomDocument.init, indent: indent, feed, entries: entries, marker: marker, to: sink)
    }
}

/// One Atom document being written.
struct AtomDocument: XMLFeedDocument {
    let writer: XMLTextWriter

    func start(_ feed: Feed, updated: Timestamp?, marker: FeedHistoryMarker) throws(XMLWriterError) {
        try writer.startDocument()
        try writer.startElement("feed", namespace: Namespaces.atom)
        if marker != .none { try writer.declareNamespace(Namespaces.feedHistory, prefix: "fh") }
        if let language = feed.language { try writer.attribute("xml:lang", language) }
        switch marker {
        case .none: break
        case .complete: try writer.startElement("fh:complete"); try writer.endElement()
        case .archive: try writer.startElement("fh:archive"); try writer.endElement()
        }
        let metadata = Source(id: feed.id, title: feed.title, subtitle: feed.subtitle, links: feed.links,
                              updated: updated, authors: feed.authors, contributors: feed.contributors,
                              categories: feed.categories, generator: feed.generator, icon: feed.icon,
                              logo: feed.logo, rights: feed.rights)
        try self.metadata(metadata, language: feed.language)
    }

    /// The elements a feed and an `atom:source` share, in one order.
    func metadata(_ source: Source, language: String?) throws(XMLWriterError) {
        if let id = source.id { try writer.element("id", text: id) }
        if let title = source.title { try text("title", title, language: language) }
        if let subtitle = source.subtitle { try text("subtitle", subtitle, language: language) }
        if let updated = source.updated { try writer.element("updated", text: updated.rfc3339) }
        for link in source.links { try self.link(link) }
        for author in source.authors { try person("author", author) }
        for contributor in source.contributors { try person("contributor", contributor) }
        for category in source.categories { try self.category(category) }
        if let generator = source.generator {
            try writer.startElement("generator")
            if let uri = generator.uri { try writer.attribute("uri", uri) }
            if let version = generator.version { try writer.attribute("version", version) }
            try writer.text(generator.name)
            try writer.endElement()
        }
        if let icon = source.icon { try writer.element("icon", text: icon) }
        if let logo = source.logo { try writer.element("logo", text: logo) }
        if let rights = source.rights { try text("rights", rights, language: language) }
    }

    func entry(_ entry: Entry, feedLanguage: String?) throws(XMLWriterError) {
        try writer.startElement("entry")
        if let language = entry.language, language != feedLanguage { try writer.attribute("xml:lang", language) }
        let language = entry.language ?? feedLanguage
        if let id = entry.id { try writer.element("id", text: id) }
        // RFC 4287 §4.1.2 requires a title; an untitled entry gets an empty one.
        try text("title", entry.title ?? Text(""), language: language)
        for link in entry.links { try self.link(link) }
        if let published = entry.published { try writer.element("published", text: published.rfc3339) }
        if let updated = entry.updated ?? entry.published { try writer.element("updated", text: updated.rfc3339) }
        for author in entry.authors { try person("author", author) }
        for contributor in entry.contributors { try person("contributor", contributor) }
        for category in entry.categories { try self.category(category) }
        if let summary = entry.summary {
            try text("summary", summary, language: language)
        } else if let content = entry.content, Self.requiresSummary(content) {
            // RFC 4287 §4.1.2 requires a summary beside out-of-line or base64 content. None is
            // invented: an empty one keeps the document valid and says nothing false.
            try writer.startElement("summary")
            try writer.endElement()
        }
        if let content = entry.content {
            try self.content(content, language: language)
        } else if !entry.links.contains(where: { $0.rel == "alternate" }) {
            // RFC 4287 §4.1.2: an entry with no alternate link must have content; an empty one
            // keeps the document valid without inventing any.
            try writer.startElement("content")
            try writer.endElement()
        }
        if let rights = entry.rights { try text("rights", rights, language: language) }
        if let source = entry.source, !source.isEmpty {
            try writer.startElement("source")
            try metadata(source, language: language)
            try writer.endElement()
        }
        try writer.endElement()
    }

    // MARK: Constructs

    /// A text construct (RFC 4287 §3.1).
    func text(_ name: String, _ text: Text, language: String?) throws(XMLWriterError) {
        try writer.startElement(name)
        switch text.type {
        case .text:
            try languageAttribute(text.lang, scope: language)
            try writer.text(text.value)
        case .html:
            try writer.attribute("type", "html")
            try languageAttribute(text.lang, scope: language)
            try writer.text(text.value)
        case .xhtml:
            try xhtml(text.value, lang: text.lang, scope: language)
        }
        try writer.endElement()
    }

    func content(_ content: Content, language: String?) throws(XMLWriterError) {
        try writer.startElement("content")
        if let src = content.src {
            if let type = Self.outOfLineMediaType(content.type) { try writer.attribute("type", type) }
            try writer.attribute("src", src)
            try languageAttribute(content.lang, scope: language)
            try writer.endElement()
            return
        }
        switch content.type {
        case "text":
            try languageAttribute(content.lang, scope: language)
            try writer.text(content.value)
        case "html":
            try writer.attribute("type", "html")
            try languageAttribute(content.lang, scope: language)
            try writer.text(content.value)
        case "xhtml":
            try xhtml(content.value, lang: content.lang, scope: language)
        default:
            let mime = content.type
            try writer.attribute("type", mime)
            try languageAttribute(content.lang, scope: language)
            let lower = mime.lowercased()
            if Self.isXMLMediaType(lower), XMLFragment.isWellFormed(content.value) {
                try writer.raw(content.value)
            } else if lower.hasPrefix("text/") || Self.isXMLMediaType(lower) {
                try writer.text(content.value)
            } else {
                try writer.text(Base64Text.representation(of: content.value))
            }
        }
        try writer.endElement()
    }

    /// Content an entry must have a summary beside (RFC 4287 §4.1.2): out of line (`src`), or of
    /// a media type that is written in base64.
    static func requiresSummary(_ content: Content) -> Bool {
        if content.src != nil { return true }
        switch content.type {
        case "text", "html", "xhtml": return false
        default:
            let lower = content.type.lowercased()
            return !(lower.hasPrefix("text/") || isXMLMediaType(lower))
        }
    }

    /// XHTML in its wrapper `div`, or as `html` when it is not well-formed XML.
    private func xhtml(_ markup: String, lang: String?, scope: String?) throws(XMLWriterError) {
        if XMLFragment.isWellFormed(markup) {
            try writer.attribute("type", "xhtml")
            try languageAttribute(lang, scope: scope)
            try writer.startElement("div", namespace: Namespaces.xhtml)
            try writer.raw(markup)
            try writer.endElement()
        } else {
            try writer.attribute("type", "html")
            try languageAttribute(lang, scope: scope)
            try writer.text(markup)
        }
    }

    private func languageAttribute(_ lang: String?, scope: String?) throws(XMLWriterError) {
        if let lang, lang != scope { try writer.attribute("xml:lang", lang) }
    }

    func link(_ link: Link) throws(XMLWriterError) {
        try writer.startElement("link")
        try writer.attribute("rel", link.rel)
        try writer.attribute("href", link.href)
        if let type = link.type { try writer.attribute("type", type) }
        if let hreflang = link.hreflang { try writer.attribute("hreflang", hreflang) }
        if let title = link.title { try writer.attribute("title", title) }
        if let length = link.length { try writer.attribute("length", String(length)) }
        try writer.endElement()
    }

    /// RFC 4287 requires a `name`: an unnamed person gets an empty one. A person with nothing
    /// at all is left out.
    func person(_ element: String, _ person: Person) throws(XMLWriterError) {
        if person.isEmpty { return }
        try writer.startElement(element)
        try writer.element("name", text: person.name ?? "")
        if let email = person.email { try writer.element("email", text: email) }
        if let uri = person.uri { try writer.element("uri", text: uri) }
        try writer.endElement()
    }

    func category(_ category: Category) throws(XMLWriterError) {
        try writer.startElement("category")
        try writer.attribute("term", category.term)
        if let scheme = category.scheme { try writer.attribute("scheme", scheme) }
        if let label = category.label { try writer.attribute("label", label) }
        try writer.endElement()
    }

    // MARK: Media types

    /// The `type` of out-of-line content: a media type, never `html` or `xhtml`; nil for text.
    static func outOfLineMediaType(_ type: String) -> String? {
        switch type {
        case "text": return nil
        case "html": return "text/html"
        case "xhtml": return "application/xhtml+xml"
        default: return type
        }
    }

    /// RFC 4287 §4.1.3.3: XML media types are carried as markup.
    static func isXMLMediaType(_ lowercasedType: String) -> Bool {
        lowercasedType.hasSuffix("+xml") || lowercasedType.hasSuffix("/xml")
    }
}
