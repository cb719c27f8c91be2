/// Syndication: read every RSS, Atom and JSON feed, store articles, and write feeds.
///
/// This module re-exports what a Swift user needs: the model (`Feed`, `Entry`, `Text`, …), the
/// parser (`FeedParser`, `FeedStreamParser`), the writers (`AtomWriter`, `RSS2Writer`,
/// `JSONFeedWriter`, `ArchivedFeedWriter`), the article store (`FeedStore`), the site's own
/// articles and settings (`SiteSettings`, `SiteArticleReader`), the importer (`FeedImporter`)
/// and its HTTP client (`HTTPFetcher`), the validator (`FeedValidator`) and the XML layer's
/// public types (`XMLParseLimits`, `SourcePosition`).
@_exported import FeedModel
@_exported import FeedParser
@_exported import FeedImporter
@_exported import FeedXML
@_exported import FeedWriter
@_exported import FeedStore
@_exported import FeedSite
@_exported import FeedValidator
