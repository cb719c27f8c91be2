import FeedModel

/// The number that names an article in the store (`article.id`): what `feed list` prints and
/// `feed show` takes. Never reused, even after the article is removed.
public struct ArticleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// An entry as the store keeps it, with the store's own bookkeeping.
public struct StoredArticle: Sendable, Hashable, Identifiable {
    public var id: ArticleID
    public var sourceID: SourceID
    /// The article's stable id: the entry's id, else its alternate link, else a `urn:uuid:` derived
    /// from the source, title and date (see `ArticleIdentity`). Unique within its source; two
    /// sources may hold the same one.
    public var stableID: String
    /// The entry exactly as it was applied: reading it back gives an equal value.
    public var entry: Entry
    /// When the store first saw the entry; kept when a changed entry updates the article.
    public var firstSeen: Timestamp
    /// When the article was last written: its first sighting, or the last change to it.
    public var lastChanged: Timestamp
    /// A hash of every field of the entry (FNV-1a, 16 hex digits): equal hashes, unchanged entry.
    public var contentHash: String

    /// The date articles are ordered by, newest first: `updated`, else `published`, else `firstSeen`.
    public var sortDate: Timestamp { entry.updated ?? entry.published ?? firstSeen }

    public init(id: ArticleID, sourceID: SourceID, stableID: String, entry: Entry, firstSeen: Timestamp,
                lastChanged: Timestamp, contentHash: String) {
        self.id = id
        self.sourceID = sourceID
        self.stableID = stableID
        self.entry = entry
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
        self.contentHash = contentHash
    }
}

/// Which articles a listing returns. They always come newest first (by `sortDate`, ties broken by
/// the newer article number).
public struct ArticleQuery: Sendable, Hashable {
    /// Only this source's articles; nil for every source.
    public var source: SourceID?
    /// Only articles of sources of this kind; nil for every kind.
    public var kind: SourceKind?
    /// At most this many; nil for all.
    public var limit: Int?
    /// Skip this many of the newest first.
    public var offset: Int

    public init(source: SourceID? = nil, kind: SourceKind? = nil, limit: Int? = nil, offset: Int = 0) {
        self.source = source
        self.kind = kind
        self.limit = limit
        self.offset = offset
    }
}

/// What one import did to the store.
public struct ImportTally: Sendable, Hashable, CustomStringConvertible {
    /// Entries the store had not seen: new articles.
    public var new: Int
    /// Entries matched to a stored article whose content changed: updated in place.
    public var updated: Int
    /// Entries matched to a stored article with the same content hash: left alone.
    public var unchanged: Int

    public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
    }

    /// Every entry the import looked at.
    public var total: Int { new + updated + unchanged }

    public var description: String { "\(new) new, \(updated) updated, \(unchanged) unchanged" }
}
