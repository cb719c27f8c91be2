import FeedModel
import Foundation
import GRDB

/// Reads articles back into entries: the article rows of one page, then their links, people and
/// categories in three queries for the whole page (not three per article).
struct ArticleReader {
    /// Articles read per page when streaming: enough to amortise the three child queries, few
    /// enough that a page of long articles stays a few megabytes.
    static let pageSize = 256

    private static let columns = """
        id, sourceId, stableId, entryId, title, titleType, titleLang, published, publishedFraction,
        updated, updatedFraction, summary, summaryType, summaryLang, content, contentType, contentSrc,
        contentLang, rights, rightsType, rightsLang, language, atomSource, firstSeen, firstSeenFraction,
        lastChanged, lastChangedFraction, contentHash, sortTime
        """

    /// Where the previous page ended, for the next page's `WHERE`: keyset paging, so page 400
    /// costs what page 1 costs.
    struct PagePosition: Sendable {
        var sortTime: Int64
        var id: Int64
    }

    private let decoder = JSONDecoder()

    /// One page of `query`, newest first, starting after `position` (or at `query.offset` for the
    /// first page). Returns the articles and where the page ended.
    func page(_ db: Database, _ query: ArticleQuery, after position: PagePosition?,
              size: Int) throws -> (articles: [StoredArticle], end: PagePosition?) {
        var (condition, arguments) = Self.filter(query)
        if let position {
            condition += " AND sortTime <= ? AND (sortTime < ? OR id < ?)"
            arguments += [position.sortTime, position.sortTime, position.id]
        }
        let sql = "SELECT \(Self.columns) FROM article WHERE \(condition) ORDER BY sortTime DESC, id DESC LIMIT ? OFFSET ?"
        arguments += [size, position == nil ? max(query.offset, 0) : 0]
        var end: PagePosition?
        let articles = try read(db, sql: sql, arguments: arguments) { end = $0 }
        return (articles, end)
    }

    /// The `WHERE` condition for a query's source and kind filters (`1` when it has none).
    static func filter(_ query: ArticleQuery) -> (condition: String, arguments: StatementArguments) {
        var conditions = ["1"]
        var arguments = StatementArguments()
        if let source = query.source {
            conditions.append("sourceId = ?")
            arguments += [source.rawValue]
        }
        if let kind = query.kind {
            // A correlated EXISTS, not `sourceId IN (…)`: with IN, SQLite sorts every matching
            // article for each page; with EXISTS it walks the date index and stops at the page's end.
            conditions.append("EXISTS (SELECT 1 FROM source WHERE source.id = article.sourceId AND source.kind = ?)")
            arguments += [kind.rawValue]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The articles a `WHERE` clause selects, in the order given by `orderBy`.
    func articles(_ db: Database, where condition: String, arguments: StatementArguments,
                  orderBy: String = "id") throws -> [StoredArticle] {
        try read(db, sql: "SELECT \(Self.columns) FROM article WHERE \(condition) ORDER BY \(orderBy)",
                 arguments: arguments) { _ in }
    }

    private func read(_ db: Database, sql: String, arguments: StatementArguments,
                      lastPosition: (PagePosition) -> Void) throws -> [StoredArticle] {
        var articles: [StoredArticle] = []
        var indexByID: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            let (article, sortTime) = try decodeArticle(row)
            indexByID[article.id.rawValue] = articles.count
            articles.append(article)
            lastPosition(PagePosition(sortTime: sortTime, id: article.id.rawValue))
        }
        guard !articles.isEmpty else { return [] }
        let idList = articles.map { String($0.id.rawValue) }.joined(separator: ",")

        let links = try Row.fetchCursor(db, sql: """
            SELECT articleId, href, rel, type, hreflang, title, length FROM articleLink
            WHERE articleId IN (\(idList)) ORDER BY articleId, position
            """)
        while let row = try links.next() {
            var column = ColumnReader(row)
            guard let index = indexByID[try column.next(Int64.self)] else { continue }
            articles[index].entry.links.append(Link(
                href: try column.next(), rel: try column.next(), type: try column.next(),
                hreflang: try column.next(), title: try column.next(), length: try column.next()))
        }

        let people = try Row.fetchCursor(db, sql: """
            SELECT articleId, role, name, email, uri FROM articlePerson
            WHERE articleId IN (\(idList)) ORDER BY articleId, role, position
            """)
        while let row = try people.next() {
            var column = ColumnReader(row)
            let articleID = try column.next(Int64.self)
            guard let index = indexByID[articleID] else { continue }
            let role = try column.next(String.self)
            let person = Person(name: try column.next(), email: try column.next(), uri: try column.next())
            switch role {
            case "author": articles[index].entry.authors.append(person)
            case "contributor": articles[index].entry.contributors.append(person)
            default:
                throw FeedStoreError.unreadableRow(table: "articlePerson", id: articleID, reason: "unknown role '\(role)'")
            }
        }

        let categories = try Row.fetchCursor(db, sql: """
            SELECT articleId, term, scheme, label FROM articleCategory
            WHERE articleId IN (\(idList)) ORDER BY articleId, position
            """)
        while let row = try categories.next() {
            var column = ColumnReader(row)
            guard let index = indexByID[try column.next(Int64.self)] else { continue }
            articles[index].entry.categories.append(Category(
                term: try column.next(), scheme: try column.next(), label: try column.next()))
        }
        return articles
    }

    private func decodeArticle(_ row: Row) throws -> (StoredArticle, sortTime: Int64) {
        var column = ColumnReader(row)
        let id = try column.next(Int64.self)
        func text(_ field: String) throws -> Text? {
            let value = try column.next(String?.self)
            let typeName = try column.next(String?.self)
            let lang = try column.next(String?.self)
            guard let value else { return nil }
            guard let typeName, let type = Text.Kind(rawValue: typeName) else {
                throw FeedStoreError.unreadableRow(
                    table: "article", id: id, reason: "\(field) has type '\(typeName ?? "NULL")'")
            }
            return Text(value, type: type, lang: lang)
        }
        let sourceID = try column.next(Int64.self)
        let stableID = try column.next(String.self)
        var entry = Entry()
        entry.id = try column.next()
        entry.title = try text("title")
        entry.published = try column.timestamp()
        entry.updated = try column.timestamp()
        entry.summary = try text("summary")
        let contentValue = try column.next(String?.self)
        let contentType = try column.next(String?.self)
        let contentSrc = try column.next(String?.self)
        let contentLang = try column.next(String?.self)
        if let contentValue {
            entry.content = Content(contentValue, type: contentType ?? "text", src: contentSrc, lang: contentLang)
        }
        entry.rights = try text("rights")
        entry.language = try column.next()
        if let atomSource = try column.next(String?.self) {
            do {
                entry.source = try decoder.decode(Source.self, from: Data(atomSource.utf8))
            } catch {
                throw FeedStoreError.unreadableRow(table: "article", id: id, reason: "atomSource: \(error)")
            }
        }
        guard let firstSeen = try column.timestamp(), let lastChanged = try column.timestamp() else {
            throw FeedStoreError.unreadableRow(table: "article", id: id, reason: "no first-seen or last-changed time")
        }
        let contentHash = try column.next(String.self)
        let sortTime = try column.next(Int64.self)
        let article = StoredArticle(id: ArticleID(rawValue: id), sourceID: SourceID(rawValue: sourceID),
                                    stableID: stableID, entry: entry, firstSeen: firstSeen,
                                    lastChanged: lastChanged, contentHash: contentHash)
        return (article, sortTime)
    }
}
