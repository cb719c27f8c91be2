import FeedModel

/// How the store tells that two entries of one source are the same article.
///
/// The *stable id* is chosen from the entry alone, in this order:
/// 1. the entry's own `id` (Atom `id`, RSS `guid`, JSON `id`), when it holds more than whitespace;
/// 2. else the href of its first `alternate` link;
/// 3. else a name derived from its title and date (`published`, else `updated`), written as a
///    `urn:uuid:` so that it can serve as an Atom id; an entry with neither title nor date is named
///    from its whole content hash instead, so two different untitled, undated entries stay apart.
///    The source's address goes into the name too, so equal titles in two sources get two ids.
///
/// Within a source the stable id is unique (a unique index on `sourceId, stableId`), and a new
/// entry matches the stored article with the same stable id. The key never changes meaning: a feed
/// that starts sending guids produces new articles once, rather than merging entries by a link
/// that a careless feed gives to every item.
enum ArticleIdentity {
    static func stableID(of entry: Entry, contentHash: String, sourceAddress: String) -> String {
        if let id = entry.id, id.contains(where: { !$0.isWhitespace }) {
            return id
        }
        if let link = entry.alternateLink?.href, !link.isEmpty {
            return link
        }
        var hash = FNV1a128()
        hash.add(sourceAddress.utf8)
        hash.add(CollectionOfOne(0))
        let date = entry.published ?? entry.updated
        if entry.title == nil && date == nil {
            hash.add("content:".utf8)
            hash.add(contentHash.utf8)
        } else {
            hash.add("title:".utf8)
            hash.add((entry.title?.value ?? "").utf8)
            hash.add(CollectionOfOne(0))
            hash.add((date?.rfc3339 ?? "").utf8)
        }
        return uuidURN(high: hash.high, low: hash.low)
    }

    /// An RFC 9562 version 8 ("custom") UUID from 128 hash bits: the version and variant bits are
    /// set, the other 122 bits are the hash.
    static func uuidURN(high: UInt64, low: UInt64) -> String {
        let high = (high & ~0xF000) | 0x8000
        let low = (low & ~(0xC << 60)) | (0x8 << 60)
        let h = HexDigits.string(high, width: 16)
        let l = HexDigits.string(low, width: 16)
        return "urn:uuid:\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }
}
