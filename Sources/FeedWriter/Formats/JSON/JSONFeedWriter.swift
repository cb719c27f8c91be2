import FeedModel

/// Writes JSON Feed 1.1 (jsonfeed.org/version/1.1), streaming, keys in the specification's order.
///
/// What goes where, and what JSON Feed cannot carry:
/// - Feed: `title` and `description` (subtitle) as plain text, `home_page_url` (the first
///   alternate link), `feed_url` (the `self` link), `next_url` (a `next` link, else RFC 5005's
///   `prev-archive`: both lead to older items), `icon` (logo), `favicon` (icon), `authors`,
///   `language`. No id (readers use `feed_url`), updated or published date, categories,
///   generator, rights or contributors.
/// - Item: `id`, `url` (the first alternate link), `external_url` (the first `related` link),
///   `title` and `summary` as plain text (markup stripped from HTML), `content_html` (HTML and
///   XHTML) or `content_text` (text and `text/*`), `date_published`, `date_modified`, `authors`
///   (name and url; JSON Feed has no email), `tags` (category terms), `language`, and
///   `attachments` (enclosure links; the required `mime_type` is `application/octet-stream` when
///   unknown). Out-of-line and binary content, other links, contributors, rights and source are
///   left out.
/// - Dates in RFC 3339, in UTC, with a fraction of a second only when the model has one.
public struct JSONFeedWriter: FeedDocumentWriter {
    public init() {}

    public var fileExtension: String { "json" }

    static let unknownMediaType = "application/octet-stream"

    /// JSON Feed has no history markers: `marker` is ignored.
    public func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries, marker: FeedHistoryMarker,
                                                to sink: @escaping ByteSink) throws(FeedWriteError) {
        let out = JSONOutput(sink: sink)
        do {
            out.beginObject()
            out.member("version", "https://jsonfeed.org/version/1.1")
            out.member("title", feed.title?.plainText ?? "")
            out.member("home_page_url", feed.links.first { $0.rel == "alternate" }?.href)
            out.member("feed_url", feed.links.first { $0.rel == "self" }?.href)
            out.member("description", feed.subtitle?.plainText)
            out.member("next_url", (feed.links.first { $0.rel == "next" } ?? feed.links.first { $0.rel == "prev-archive" })?.href)
            out.member("icon", feed.logo)
            out.member("favicon", feed.icon)
            try authors(feed.authors, out)
            out.member("language", feed.language)
            out.key("items")
            out.beginArray()
            for entry in entries {
                out.element()
                try item(entry, out)
                try out.drainIfFull()
            }
            try out.endArray()
            try out.endObject()
            try out.finish()
        } catch {
            throw (error as? FeedWriteError) ?? .output(error)
        }
    }

    private func item(_ entry: Entry, _ out: JSONOutput) throws {
        out.beginObject()
        out.member("id", entry.id)
        out.member("url", entry.links.first { $0.rel == "alternate" }?.href)
        out.member("external_url", entry.links.first { $0.rel == "related" }?.href)
        out.member("title", entry.title?.plainText)
        if let content = entry.content, let representation = HTMLContent.representation(content) {
            switch representation.kind {
            case .html: out.member("content_html", representation.value)
            case .text: out.member("content_text", representation.value)
            }
        }
        out.member("summary", entry.summary?.plainText)
        out.member("date_published", entry.published?.rfc3339)
        out.member("date_modified", entry.updated?.rfc3339)
        try authors(entry.authors, out)
        if !entry.categories.isEmpty {
            out.key("tags")
            out.beginArray()
            for category in entry.categories {
                out.element()
                out.string(category.term)
            }
            try out.endArray()
        }
        out.member("language", entry.language)
        let enclosures = entry.links.filter { $0.rel == "enclosure" }
        if !enclosures.isEmpty {
            out.key("attachments")
            out.beginArray()
            for link in enclosures {
                out.element()
                out.beginObject()
                out.member("url", link.href)
                out.member("mime_type", link.type ?? Self.unknownMediaType)
                out.member("title", link.title)
                if let length = link.length {
                    out.key("size_in_bytes")
                    out.integer(length)
                }
                try out.endObject()
            }
            try out.endArray()
        }
        try out.endObject()
    }

    /// People with a name or a URL (JSON Feed's author has no email).
    private func authors(_ people: [Person], _ out: JSONOutput) throws {
        let named = people.filter { $0.name != nil || $0.uri != nil }
        guard !named.isEmpty else { return }
        out.key("authors")
        out.beginArray()
        for person in named {
            out.element()
            out.beginObject()
            out.member("name", person.name)
            out.member("url", person.uri)
            try out.endObject()
        }
        try out.endArray()
    }
}
