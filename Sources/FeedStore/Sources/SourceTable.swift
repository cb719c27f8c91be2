import FeedModel
import GRDB

/// The statements on the `source` table. Each runs inside a transaction the caller opened.
enum SourceTable {
    private static let columns = """
        id, address, kind, title, siteLink, added, addedFraction, etag, lastModified, lastFetched,
        lastFetchedFraction, lastStatus, lastOutcome, lastError, movedTo, isGone,
        (SELECT count(*) FROM article WHERE article.sourceId = source.id)
        """

    static func register(_ db: Database, address: String, kind: SourceKind, title: String?,
                         now: Timestamp) throws -> StoredSource {
        if let existing = try fetchOne(db, where: "address = ?", [address]) {
            guard existing.kind == kind else {
                throw FeedStoreError.sourceKindConflict(address: address, registeredAs: existing.kind)
            }
            return existing
        }
        try db.execute(
            sql: "INSERT INTO source (address, kind, title, added, addedFraction) VALUES (?, ?, ?, ?, ?)",
            arguments: [address, kind.rawValue, title, now.secondsSince1970, now.storedFraction])
        return try require(db, SourceID(rawValue: db.lastInsertedRowID))
    }

    /// The source registered at `address`, else the one a permanent redirect moved there.
    static func find(_ db: Database, address: String) throws -> StoredSource? {
        if let source = try fetchOne(db, where: "address = ?", [address]) { return source }
        return try fetchOne(db, where: "movedTo = ? ORDER BY id LIMIT 1", [address])
    }

    static func find(_ db: Database, id: SourceID) throws -> StoredSource? {
        try fetchOne(db, where: "id = ?", [id.rawValue])
    }

    static func require(_ db: Database, _ id: SourceID) throws -> StoredSource {
        guard let source = try find(db, id: id) else { throw FeedStoreError.sourceNotFound(id) }
        return source
    }

    static func all(_ db: Database) throws -> [StoredSource] {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM source ORDER BY id")
        var sources: [StoredSource] = []
        while let row = try rows.next() { sources.append(try decode(row)) }
        return sources
    }

    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0
    }

    /// Keeps the feed's title and site link; a feed that omits them leaves the stored ones.
    static func updateMetadata(_ db: Database, id: SourceID, title: String?, siteLink: String?) throws {
        guard title != nil || siteLink != nil else { return }
        try db.execute(
            sql: "UPDATE source SET title = coalesce(?, title), siteLink = coalesce(?, siteLink) WHERE id = ?",
            arguments: [title, siteLink, id.rawValue])
    }

    /// Applies one fetch report as `FetchReport` documents it.
    static func record(_ db: Database, _ report: FetchReport, for id: SourceID, now: Timestamp) throws {
        let source = try require(db, id)
        var state = source.fetchState
        state.lastFetched = now
        state.lastStatus = report.httpStatus
        state.lastOutcome = report.outcome
        switch report.outcome {
        case .fetched:
            state.etag = report.etag
            state.lastModified = report.lastModified
            state.lastError = nil
            state.isGone = false
        case .notModified:
            state.etag = report.etag ?? state.etag
            state.lastModified = report.lastModified ?? state.lastModified
            state.lastError = nil
            state.isGone = false
        case .gone:
            state.lastError = nil
            state.isGone = true
        case .failed:
            state.lastError = report.error ?? "failed"
        }
        if let target = report.movedPermanentlyTo {
            state.movedTo = target == source.address ? nil : target
        }
        try db.execute(
            sql: """
                UPDATE source SET etag = ?, lastModified = ?, lastFetched = ?, lastFetchedFraction = ?,
                    lastStatus = ?, lastOutcome = ?, lastError = ?, movedTo = ?, isGone = ?
                WHERE id = ?
                """,
            arguments: [state.etag, state.lastModified, now.secondsSince1970, now.storedFraction,
                        state.lastStatus, state.lastOutcome?.rawValue, state.lastError, state.movedTo,
                        state.isGone, id.rawValue])
    }

    /// Removes the source; the foreign keys' `ON DELETE CASCADE` removes its articles and their
    /// links, people and categories. Returns how many articles went.
    static func remove(_ db: Database, id: SourceID) throws -> Int {
        let source = try require(db, id)
        try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [id.rawValue])
        return source.articleCount
    }

    private static func fetchOne(_ db: Database, where condition: String,
                                 _ arguments: StatementArguments) throws -> StoredSource? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM source WHERE \(condition)")
        guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
        return try decode(row)
    }

    private static func decode(_ row: Row) throws -> StoredSource {
        var column = ColumnReader(row)
        let id = try column.next(Int64.self)
        let address = try column.next(String.self)
        let kindName = try column.next(String.self)
        guard let kind = SourceKind(rawValue: kindName) else {
            throw FeedStoreError.unreadableRow(table: "source", id: id, reason: "unknown kind '\(kindName)'")
        }
        let title = try column.next(String?.self)
        let siteLink = try column.next(String?.self)
        guard let added = try column.timestamp() else {
            throw FeedStoreError.unreadableRow(table: "source", id: id, reason: "no time added")
        }
        var state = FetchState()
        state.etag = try column.next(String?.self)
        state.lastModified = try column.next(String?.self)
        state.lastFetched = try column.timestamp()
        state.lastStatus = try column.next(Int?.self)
        if let outcomeName = try column.next(String?.self) {
            guard let outcome = FetchOutcome(rawValue: outcomeName) else {
                throw FeedStoreError.unreadableRow(table: "source", id: id, reason: "unknown outcome '\(outcomeName)'")
            }
            state.lastOutcome = outcome
        }
        state.lastError = try column.next(String?.self)
        state.movedTo = try column.next(String?.self)
        state.isGone = try column.next(Bool.self)
        let articleCount = try column.next(Int.self)
        return StoredSource(id: SourceID(rawValue: id), address: address, kind: kind, title: title,
                            siteLink: siteLink, added: added, fetchState: state, articleCount: articleCount)
    }
}
