import FeedModel
import FeedStore

/// What adding one article did to the store.
public enum ArticleChange: String, Sendable, Hashable {
    /// The store had no article with this id.
    case new
    /// The article was stored and its content changed: updated in place.
    case updated
    /// The article was stored with the same content: left alone.
    case unchanged
}

/// The store's source of the site's own articles: one source of kind `.site` whose address is the
/// site's link from the settings, so `feed add` and `feed generate` find the same one.
public struct SiteSource: Sendable {
    public let store: FeedStore
    public let source: StoredSource
    /// The domain of the site's tag URIs.
    public let domain: String

    /// Finds the site's source in `store`, registering it (titled with the site's title) the
    /// first time.
    public init(store: FeedStore, settings: SiteSettings) throws(FeedStoreError) {
        self.store = store
        domain = settings.domain
        source = try store.registerSource(address: settings.link, kind: .site, title: settings.title)
    }

    /// Stores one article, one transaction: new, updated when its content changed, or unchanged.
    /// Articles are matched by their id, which `SiteArticleReader` keeps stable across re-adds.
    public func add(_ entry: Entry) throws(FeedStoreError) -> ArticleChange {
        let tally = try store.apply(entries: [entry], to: source.id)
        if tally.new > 0 { return .new }
        if tally.updated > 0 { return .updated }
        return .unchanged
    }
}

extension SiteSource {
    /// The ids of stored articles that have the same slug as `entry` but another publication day:
    /// most often the same file, added again after its date was changed, which changed its id.
    /// The store cannot tell that from two articles that share a slug on purpose (a weekly
    /// `notes.md` under dated names), so `feed add` only mentions them and leaves removal to the
    /// user. Empty when `entry`'s id is not one of the site's tag URIs.
    public func otherArticlesWithSlug(of entry: Entry) throws(FeedStoreError) -> [String] {
        guard let id = entry.id, let slug = TagURI.slug(of: id, domain: domain) else { return [] }
        return try store.articles(ArticleQuery(source: source.id)).compactMap { article in
            guard article.stableID != id, TagURI.slug(of: article.stableID, domain: domain) == slug else { return nil }
            return article.stableID
        }.sorted()
    }
}
