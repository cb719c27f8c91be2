import FeedModel
import FeedParser

/// The synchronous middle of an import: bytes in, the feed the store receives out. The importer
/// runs it for every source; `feed bench --import` times it apart from the store.
public enum ImportedFeed {
    /// Parses `bytes` (sanitizing when `options.sanitize` is set, as imports do) and stamps every
    /// entry that names no source of its own with the feed's header (see `stampSource`).
    /// - Parameters:
    ///   - baseURL: the document's own address, for relative links.
    ///   - contentType: the HTTP `Content-Type`; its charset takes part in choosing the encoding.
    ///   - fetchedFrom: the address the feed was fetched from, used as the header's `self` link when
    ///     the feed has none.
    public static func read(_ bytes: [UInt8], baseURL: String?, contentType: String?, fetchedFrom: String?,
                            options: FeedParserOptions) throws(ImportFailure) -> Feed {
        var feed: Feed
        do {
            feed = try FeedParser(options: options).parse(data: bytes, baseURL: baseURL, contentType: contentType).feed
        } catch {
            throw .unreadableFeed(error)
        }
        stampSource(on: &feed, fetchedFrom: fetchedFrom)
        return feed
    }

    /// Gives every entry without a `source` the feed's header, so an imported article keeps where
    /// it came from and `feed generate` can write it as `atom:source` (RFC 4287 §4.2.11) beside the
    /// entry's own authors and dates. Entries that carry a source (copied from yet another feed)
    /// keep theirs.
    ///
    /// The header holds what identifies and credits the origin: id, title, links (a `self` link
    /// from `fetchedFrom` when the feed has none), `updated` (else `published`), authors,
    /// contributors and rights. Categories, generator, icon and logo are left out: they would be
    /// copied into every article and say nothing about it.
    public static func stampSource(on feed: inout Feed, fetchedFrom: String?) {
        var links = feed.links
        if let fetchedFrom, !links.contains(where: { $0.rel == "self" }) {
            links.append(Link(href: fetchedFrom, rel: "self"))
        }
        let header = Source(id: feed.id, title: feed.title, links: links, updated: feed.updated ?? feed.published,
                            authors: feed.authors, contributors: feed.contributors, rights: feed.rights)
        guard !header.isEmpty else { return }
        for index in feed.entries.indices where feed.entries[index].source == nil {
            feed.entries[index].source = header
        }
    }

    /// The feed's own absolute http(s) address from its `self` link, if it has one.
    public static func selfAddress(of feed: Feed) -> String? {
        guard let href = feed.links.first(where: { $0.rel == "self" })?.href else { return nil }
        let lower = href.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return href
    }
}
