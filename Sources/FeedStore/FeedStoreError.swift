/// Why a store operation failed. Every case says what was being done; failures that come from
/// SQLite carry GRDB's own description of them (result code, message, statement).
///
/// A failed write changes nothing: each operation is one transaction, rolled back on any error.
public enum FeedStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file could not be opened, created or brought to the current schema.
    case cannotOpen(path: String, reason: String)
    /// SQLite refused an operation. `action` says what the store was doing ("importing 12 entries
    /// into source 3 (https://example.com/feed)"); `code` is SQLite's primary result code when the
    /// failure came from SQLite; `message` is GRDB's description of the failure.
    case database(action: String, code: Int32?, message: String)
    /// No source has this number.
    case sourceNotFound(SourceID)
    /// No article has this number.
    case articleNotFound(ArticleID)
    /// The address is already registered, as a source of the other kind: the site's own articles and
    /// imported ones are never mixed in one source.
    case sourceKindConflict(address: String, registeredAs: SourceKind)
    /// A stored row holds a value this version cannot read (written by a newer version, or
    /// edited by hand).
    case unreadableRow(table: String, id: Int64, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the store at \(path): \(reason)"
        case .database(let action, _, let message):
            return "\(action): \(message)"
        case .sourceNotFound(let id):
            return "no source \(id) in the store"
        case .articleNotFound(let id):
            return "no article \(id) in the store"
        case .sourceKindConflict(let address, let kind):
            let what = kind == .site ? "the site's own articles" : "imported articles"
            return "\(address) is already registered as a source of \(what)"
        case .unreadableRow(let table, let id, let reason):
            return "cannot read \(table) \(id): \(reason)"
        }
    }
}
