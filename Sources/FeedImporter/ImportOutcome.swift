import FeedParser
import FeedStore

/// How the import of one source ended.
public struct ImportOutcome: Sendable, Hashable {
    public var source: ImportSource
    /// The address the source is stored under; nil when the import failed before one was known
    /// (a missing file, standard input without a `self` link).
    public var address: String?
    public var result: ImportResult
    /// The new address when this fetch found a permanent redirect (301 or 308 on every hop): the
    /// store now fetches the source from there.
    public var movedTo: String?

    public init(source: ImportSource, address: String?, result: ImportResult, movedTo: String? = nil) {
        self.source = source
        self.address = address
        self.result = result
        self.movedTo = movedTo
    }

    /// True when the import failed; gone and not-modified sources did not fail.
    public var failed: Bool {
        if case .failed = result { return true }
        return false
    }
}

public enum ImportResult: Sendable, Hashable {
    /// The feed was read and its entries applied to the store in one transaction.
    case imported(ImportTally)
    /// The server answered 304 to the stored validators: nothing to read.
    case notModified
    /// The server answered 410 now: the source is marked gone and not fetched again unless forced.
    case gone
    /// The source was marked gone by an earlier import and was not fetched.
    case skippedAsGone
    /// Nothing was written to the source's articles; the reason is recorded in its fetch state
    /// when the source was already in the store.
    case failed(ImportFailure)
}

/// Why an import failed. One line each, for the user and for the store's `lastError`.
public enum ImportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP fetch failed (status, timeout, redirects, size, network).
    case fetch(HTTPFetchError)
    /// The file could not be read.
    case unreadableFile(reason: String)
    /// The file or document is larger than the limit.
    case documentTooLarge(limit: Int)
    /// The bytes are no feed, or too broken to read.
    case unreadableFeed(FeedParseError)
    /// A feed from standard input without an absolute `self` link: nothing to store it under.
    case noAddress
    /// The address belongs to a source of another kind (the site's own articles).
    case notAnImportedSource(address: String)
    /// The store refused the write or the read.
    case store(FeedStoreError)

    public var description: String {
        switch self {
        case .fetch(let error):
            return error.description
        case .unreadableFile(let reason):
            return reason
        case .documentTooLarge(let limit):
            return "the document is larger than \(limit) bytes"
        case .unreadableFeed(let error):
            if let position = error.position { return "line \(position.line):\(position.column): \(error.message)" }
            return error.message
        case .noAddress:
            return "the feed has no absolute rel=\"self\" link to be stored under; import its file or URL instead"
        case .notAnImportedSource(let address):
            return "\(address) is a source of the site's own articles, not an imported feed"
        case .store(let error):
            return error.description
        }
    }

    /// The HTTP status of the answer behind the failure, when there was one.
    var httpStatus: Int? {
        if case .fetch(let error) = self { return error.httpStatus }
        return nil
    }
}

/// How far a run of imports has got: passed to the progress callback after each source.
public struct ImportProgress: Sendable, Hashable {
    /// Sources finished, failed ones included.
    public var finished: Int
    public var total: Int
    public var failed: Int

    public init(finished: Int, total: Int, failed: Int) {
        self.finished = finished
        self.total = total
        self.failed = failed
    }
}
