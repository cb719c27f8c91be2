import FeedModel
import GRDB

extension FeedStore {
    /// The articles `query` selects, newest first, as a sequence read a page at a time from one
    /// snapshot of the store: for writers that pull entries (`FeedDocumentWriter` takes any
    /// `Sequence`), where `forEachArticle`'s callback does not fit.
    ///
    /// A `Sequence` cannot throw, so a failure while reading a later page ends the sequence early
    /// and is kept in `failure`: check it after the sequence has been read.
    public func articleSequence(_ query: ArticleQuery = ArticleQuery()) throws(FeedStoreError) -> ArticleSequence {
        let reader: any DatabaseReader
        do {
            reader = try (database as? DatabasePool)?.makeSnapshot() ?? database
        } catch {
            throw Self.storeError(error, action: "listing articles")
        }
        return ArticleSequence(reader: reader, query: query)
    }
}

/// Stored articles newest first, read lazily in pages from one snapshot (see
/// `FeedStore.articleSequence(_:)`). Iterate it once.
public final class ArticleSequence: Sequence, IteratorProtocol {
    private let reader: any DatabaseReader
    private let query: ArticleQuery
    private let articleReader = ArticleReader()
    private var page: [StoredArticle] = []
    private var index = 0
    private var position: ArticleReader.PagePosition?
    private var remaining: Int
    private var exhausted = false

    /// Why the sequence ended early, if it did.
    public private(set) var failure: FeedStoreError?

    init(reader: any DatabaseReader, query: ArticleQuery) {
        self.reader = reader
        self.query = query
        self.remaining = Swift.max(query.limit ?? Int.max, 0)
    }

    public func next() -> StoredArticle? {
        if index == page.count {
            guard !exhausted, remaining > 0 else { return nil }
            readPage()
            guard index < page.count else { return nil }
        }
        defer { index += 1 }
        return page[index]
    }

    private func readPage() {
        let size = Swift.min(remaining, ArticleReader.pageSize)
        let result: (articles: [StoredArticle], end: ArticleReader.PagePosition?)
        do {
            result = try reader.read { [articleReader, query, position] db in
                try articleReader.page(db, query, after: position, size: size)
            }
        } catch {
            failure = FeedStore.storeError(error, action: "listing articles")
            exhausted = true
            page = []
            index = 0
            return
        }
        page = result.articles
        index = 0
        remaining -= page.count
        position = result.end
        if page.count < size || result.end == nil { exhausted = true }
    }
}
