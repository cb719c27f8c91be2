import FeedModel

/// The number that names a source in the store (`source.id`).
public struct SourceID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public static func < (lhs: SourceID, rhs: SourceID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// Whose articles a source holds.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    /// The site's own articles (`feed add`): written here, published by `feed generate`.
    case site
    /// Another site's feed, taken in by `feed import` from a URL or a file.
    case imported
}

/// One place articles come from, with what the last fetch found.
public struct StoredSource: Sendable, Hashable, Identifiable {
    public var id: SourceID
    /// The address the source was registered with: a URL, or a file path. Unique in the store and
    /// never changed, so importing the same address again finds this source.
    public var address: String
    public var kind: SourceKind
    /// The feed's title, as plain text, from its last import.
    public var title: String?
    /// The feed's `alternate` link: the site it belongs to.
    public var siteLink: String?
    /// When the source was registered.
    public var added: Timestamp
    public var fetchState: FetchState
    /// How many articles the store holds from this source.
    public var articleCount: Int

    /// Where to fetch next: the target of the last permanent redirect, else the address.
    public var fetchAddress: String { fetchState.movedTo ?? address }

    public init(id: SourceID, address: String, kind: SourceKind, title: String? = nil, siteLink: String? = nil,
                added: Timestamp, fetchState: FetchState = FetchState(), articleCount: Int = 0) {
        self.id = id
        self.address = address
        self.kind = kind
        self.title = title
        self.siteLink = siteLink
        self.added = added
        self.fetchState = fetchState
        self.articleCount = articleCount
    }
}

/// What the store remembers of a source's fetches: the HTTP validators for the next conditional
/// GET, and how the last attempt went.
public struct FetchState: Sendable, Hashable {
    /// The `ETag` to send back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` to send back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the last fetch was recorded; nil when the source was never fetched.
    public var lastFetched: Timestamp?
    /// The HTTP status of the last fetch; nil for files and for failures before any answer.
    public var lastStatus: Int?
    public var lastOutcome: FetchOutcome?
    /// Why the last fetch failed; nil after a fetch that did not.
    public var lastError: String?
    /// The new address after a permanent redirect (301, 308): fetched from now on.
    public var movedTo: String?
    /// True after a 410: the publisher says the feed is gone for good.
    public var isGone: Bool

    public init(etag: String? = nil, lastModified: String? = nil, lastFetched: Timestamp? = nil,
                lastStatus: Int? = nil, lastOutcome: FetchOutcome? = nil, lastError: String? = nil,
                movedTo: String? = nil, isGone: Bool = false) {
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastStatus = lastStatus
        self.lastOutcome = lastOutcome
        self.lastError = lastError
        self.movedTo = movedTo
        self.isGone = isGone
    }
}

/// How one fetch of a source ended.
public enum FetchOutcome: String, Sendable, Hashable, CaseIterable {
    /// A body was read (a 200, or a file) and imported.
    case fetched
    /// 304: nothing changed since the validators sent.
    case notModified
    /// 410: the feed is gone for good.
    case gone
    /// Anything else: a network error, another status, a document that is not a feed.
    case failed
}

/// What the importer tells the store about one fetch.
///
/// How each outcome changes the stored state:
/// - `fetched`: the validators are replaced by the ones given (a server that stops sending an
///   `ETag` stops getting `If-None-Match`); the error and the gone mark are cleared.
/// - `notModified`: validators the 304 carries replace the stored ones, absent ones are kept;
///   the error and the gone mark are cleared.
/// - `gone`: the source is marked gone; validators are kept.
/// - `failed`: the error is kept; validators, gone mark and articles are left as they were.
///
/// With any outcome, `movedPermanentlyTo` (when set) becomes the address fetched next.
public struct FetchReport: Sendable, Hashable {
    public var outcome: FetchOutcome
    public var httpStatus: Int?
    public var etag: String?
    public var lastModified: String?
    /// The final address after a permanent redirect (301 or 308) on the way.
    public var movedPermanentlyTo: String?
    /// Why the fetch failed; used only with `.failed`.
    public var error: String?

    public init(outcome: FetchOutcome, httpStatus: Int? = nil, etag: String? = nil, lastModified: String? = nil,
                movedPermanentlyTo: String? = nil, error: String? = nil) {
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.etag = etag
        self.lastModified = lastModified
        self.movedPermanentlyTo = movedPermanentlyTo
        self.error = error
    }

    /// A body was read: a 200 over HTTP (with its validators), or a file (no status).
    public static func fetched(httpStatus: Int? = 200, etag: String? = nil, lastModified: String? = nil,
                               movedPermanentlyTo: String? = nil) -> FetchReport {
        FetchReport(outcome: .fetched, httpStatus: httpStatus, etag: etag, lastModified: lastModified,
                    movedPermanentlyTo: movedPermanentlyTo)
    }

    /// A 304.
    public static func notModified(etag: String? = nil, lastModified: String? = nil,
                                   movedPermanentlyTo: String? = nil) -> FetchReport {
        FetchReport(outcome: .notModified, httpStatus: 304, etag: etag, lastModified: lastModified,
                    movedPermanentlyTo: movedPermanentlyTo)
    }

    /// A 410.
    public static func gone(movedPermanentlyTo: String? = nil) -> FetchReport {
        FetchReport(outcome: .gone, httpStatus: 410, movedPermanentlyTo: movedPermanentlyTo)
    }

    /// A failure, with the status when the server answered at all.
    public static func failed(_ error: String, httpStatus: Int? = nil,
                              movedPermanentlyTo: String? = nil) -> FetchReport {
        FetchReport(outcome: .failed, httpStatus: httpStatus, movedPermanentlyTo: movedPermanentlyTo, error: error)
    }
}
