import FeedModel
import FeedParser
import FeedStore
import Foundation

/// How a run of imports behaves. The defaults are `feed import`'s.
public struct FeedImportOptions: Sendable {
    /// Sources imported at the same time (fetching, parsing, storing); at least 1.
    public var maxConcurrentImports: Int
    /// Fetch sources marked gone (410) again, and fetch in full without sending the stored
    /// validators. Off by default: a publisher who said "gone" is not asked again.
    public var force: Bool
    /// The largest file or standard-input document read. (HTTP bodies are bounded by the
    /// fetcher's `maxBodyBytes`.)
    public var maxDocumentBytes: Int
    /// How documents are read. Sanitizing is on: imported HTML comes from other people and is
    /// cleaned once, before it is stored, rather than by every reader of the store.
    public var parser: FeedParserOptions

    public init(maxConcurrentImports: Int = 8, force: Bool = false, maxDocumentBytes: Int = 20 << 20,
                parser: FeedParserOptions = FeedParserOptions(sanitize: true)) {
        self.maxConcurrentImports = maxConcurrentImports
        self.force = force
        self.maxDocumentBytes = maxDocumentBytes
        self.parser = parser
    }
}

/// Imports feeds from URLs, files and standard input into a `FeedStore`.
///
/// Per source: look the source up (a URL also matches the address a permanent redirect moved it
/// to), fetch it (conditional GET with the stored validators), parse and sanitize the body, stamp
/// entries with the feed's header (`ImportedFeed.stampSource`), and apply them with the fetch's
/// report in one store transaction. Whatever fails, the articles already stored stay as they were;
/// a failure on a source the store knows is recorded in its fetch state.
///
/// A source enters the store the first time it is imported, answers 304, or is found gone; a
/// failure never registers a new source (a mistyped address leaves nothing behind).
///
/// ```swift
/// let fetcher = HTTPFetcher()
/// let importer = FeedImporter(store: try FeedStore(path: "feeds/store.sqlite"), fetcher: fetcher)
/// let outcomes = await importer.importSources([.url("https://example.org/feed.xml")])
/// await fetcher.shutdown()
/// ```
///
/// The fetcher belongs to the caller, who shuts it down when done.
public struct FeedImporter: Sendable {
    public let store: FeedStore
    public let fetcher: HTTPFetcher
    public let options: FeedImportOptions

    public init(store: FeedStore, fetcher: HTTPFetcher, options: FeedImportOptions = FeedImportOptions()) {
        self.store = store
        self.fetcher = fetcher
        self.options = options
    }

    /// Imports every source, at most `maxConcurrentImports` at a time; one failure never stops
    /// the others. A source named twice (the same URL, or two spellings of one file path) is
    /// imported once. Returns one outcome per distinct source, in the order given; `progress` is
    /// called after each source finishes, one call at a time, from the task running this method.
    public func importSources(_ sources: [ImportSource],
                              progress: (@Sendable (ImportProgress) -> Void)? = nil) async -> [ImportOutcome] {
        var seen: Set<String> = []
        let distinct = sources.filter { source in
            guard let key = Self.identity(of: source) else { return true }
            return seen.insert(key).inserted
        }
        let limit = max(1, options.maxConcurrentImports)
        return await withTaskGroup(of: (Int, ImportOutcome).self) { group in
            var outcomes = [ImportOutcome?](repeating: nil, count: distinct.count)
            var started = 0
            func startNext() {
                let index = started
                let source = distinct[index]
                group.addTask { (index, await importSource(source)) }
                started += 1
            }
            while started < min(limit, distinct.count) { startNext() }
            var finished = 0
            var failed = 0
            for await (index, outcome) in group {
                outcomes[index] = outcome
                finished += 1
                if outcome.failed { failed += 1 }
                progress?(ImportProgress(finished: finished, total: distinct.count, failed: failed))
                if started < distinct.count { startNext() }
            }
            return outcomes.compactMap { $0 }
        }
    }

    /// Imports one source.
    public func importSource(_ source: ImportSource) async -> ImportOutcome {
        switch source {
        case .url(let url):
            return await importURL(url, as: source)
        case .file(let path):
            let address = ImportSource.storedAddress(ofFile: path)
            return await importFile(path, address: address, as: source)
        case .standardInput(let bytes):
            return await importStandardInput(bytes, as: source)
        }
    }

    /// What makes two sources the same one; nil for standard input, which is never merged.
    private static func identity(of source: ImportSource) -> String? {
        switch source {
        case .url(let url): return "url " + url
        case .file(let path): return "file " + ImportSource.storedAddress(ofFile: path)
        case .standardInput: return nil
        }
    }

    // MARK: The three kinds of source

    private func importURL(_ url: String, as source: ImportSource) async -> ImportOutcome {
        func outcome(_ result: ImportResult, address: String = url, movedTo: String? = nil) -> ImportOutcome {
            ImportOutcome(source: source, address: address, result: result, movedTo: movedTo)
        }
        let existing: StoredSource?
        do {
            existing = try importedSource(at: url)
        } catch {
            return outcome(.failed(error))
        }
        let address = existing?.address ?? url
        if let existing, existing.fetchState.isGone, !options.force {
            return outcome(.skippedAsGone, address: address)
        }
        let fetchAddress = existing?.fetchAddress ?? url
        let conditions = options.force ? HTTPConditions()
            : HTTPConditions(etag: existing?.fetchState.etag, lastModified: existing?.fetchState.lastModified)

        let fetched: HTTPFetchResult
        do {
            fetched = try await fetcher.fetch(fetchAddress, conditions: conditions)
        } catch {
            let failure = ImportFailure.fetch(error)
            await record(.failed(failure.description, httpStatus: failure.httpStatus), on: existing)
            return outcome(.failed(failure), address: address)
        }
        let moved = fetched.permanentAddress
        do {
            switch fetched.outcome {
            case .notModified:
                try await record(.notModified(etag: fetched.conditions.etag, lastModified: fetched.conditions.lastModified,
                                              movedPermanentlyTo: moved),
                                 at: address, existing: existing, title: nil)
                return outcome(.notModified, address: address, movedTo: moved)
            case .gone:
                try await record(.gone(movedPermanentlyTo: moved), at: address, existing: existing, title: nil)
                return outcome(.gone, address: address, movedTo: moved)
            case .fetched(let body, let contentType):
                let documentURL = fetched.contentLocation.map { URLResolver.resolve($0, against: fetched.finalURL) }
                    ?? fetched.finalURL
                let report = FetchReport.fetched(httpStatus: fetched.status, etag: fetched.conditions.etag,
                                                 lastModified: fetched.conditions.lastModified, movedPermanentlyTo: moved)
                let tally = try await importDocument(body, address: address, existing: existing, baseURL: documentURL,
                                                     contentType: contentType, fetchedFrom: moved ?? fetchAddress,
                                                     report: report)
                return outcome(.imported(tally), address: address, movedTo: moved)
            }
        } catch {
            await record(.failed(error.description, httpStatus: fetched.status, movedPermanentlyTo: moved), on: existing)
            return outcome(.failed(error), address: address, movedTo: moved)
        }
    }

    private func importFile(_ path: String, address: String, as source: ImportSource) async -> ImportOutcome {
        let existing: StoredSource?
        do {
            existing = try importedSource(at: address)
        } catch {
            return ImportOutcome(source: source, address: address, result: .failed(error))
        }
        do {
            let bytes = try Self.readFile(path, limit: options.maxDocumentBytes)
            let tally = try await importDocument(bytes, address: address, existing: existing, baseURL: nil,
                                                 contentType: nil, fetchedFrom: nil, report: .fetched(httpStatus: nil))
            return ImportOutcome(source: source, address: address, result: .imported(tally))
        } catch {
            await record(.failed(error.description, httpStatus: nil), on: existing)
            return ImportOutcome(source: source, address: address, result: .failed(error))
        }
    }

    /// Standard input is filed under the feed's `self` link. It was not fetched from there, so no
    /// fetch is recorded: the stored validators and gone mark of that address stay as they were.
    private func importStandardInput(_ bytes: [UInt8], as source: ImportSource) async -> ImportOutcome {
        let feed: Feed
        do throws(ImportFailure) {
            guard bytes.count <= options.maxDocumentBytes else {
                throw ImportFailure.documentTooLarge(limit: options.maxDocumentBytes)
            }
            feed = try ImportedFeed.read(bytes, baseURL: nil, contentType: nil, fetchedFrom: nil, options: parserOptions)
        } catch {
            return ImportOutcome(source: source, address: nil, result: .failed(error))
        }
        guard let address = ImportedFeed.selfAddress(of: feed) else {
            return ImportOutcome(source: source, address: nil, result: .failed(.noAddress))
        }
        do {
            let existing = try importedSource(at: address)
            let tally = try await apply(feed, address: existing?.address ?? address, existing: existing, report: nil)
            return ImportOutcome(source: source, address: existing?.address ?? address, result: .imported(tally))
        } catch {
            return ImportOutcome(source: source, address: address, result: .failed(error))
        }
    }

    // MARK: Steps

    /// The parser reads whatever the size limits let through: `maxDocumentBytes` and the fetcher's
    /// `maxBodyBytes` are the only size settings an import has.
    private var parserOptions: FeedParserOptions {
        var parser = options.parser
        parser.limits.maxInputBytes = max(options.maxDocumentBytes, fetcher.options.maxBodyBytes)
        return parser
    }

    /// The source stored at `address` (or moved there), refusing one of the site's own.
    private func importedSource(at address: String) throws(ImportFailure) -> StoredSource? {
        let existing: StoredSource?
        do {
            existing = try store.source(address: address)
        } catch {
            throw .store(error)
        }
        if let existing, existing.kind != .imported {
            throw .notAnImportedSource(address: existing.address)
        }
        return existing
    }

    private func importDocument(_ bytes: [UInt8], address: String, existing: StoredSource?, baseURL: String?,
                                contentType: String?, fetchedFrom: String?,
                                report: FetchReport) async throws(ImportFailure) -> ImportTally {
        let feed = try ImportedFeed.read(bytes, baseURL: baseURL, contentType: contentType, fetchedFrom: fetchedFrom,
                                         options: parserOptions)
        return try await apply(feed, address: address, existing: existing, report: report)
    }

    /// Applies the feed and the report in one transaction, registering the source in it when new.
    private func apply(_ feed: Feed, address: String, existing: StoredSource?,
                       report: FetchReport?) async throws(ImportFailure) -> ImportTally {
        do {
            if let existing {
                return try await store.apply(feed: feed, to: existing.id, fetch: report)
            }
            return try await store.apply(feed: feed, toSourceAt: address, kind: .imported, fetch: report).tally
        } catch {
            throw .store(error)
        }
    }

    /// Records a 304 or a 410, registering the source when it is new.
    private func record(_ report: FetchReport, at address: String, existing: StoredSource?,
                        title: String?) async throws(ImportFailure) {
        do {
            let source = try await existingOrRegistered(existing, address: address, title: title)
            try await store.recordFetch(report, for: source.id)
        } catch {
            throw .store(error)
        }
    }

    private func existingOrRegistered(_ existing: StoredSource?, address: String,
                                      title: String?) async throws(FeedStoreError) -> StoredSource {
        if let existing { return existing }
        return try await store.registerSource(address: address, kind: .imported, title: title)
    }

    /// Records a failure on a source the store knows; a new source is not registered for it. A
    /// store that cannot record it is left alone: the outcome already reports the failure.
    private func record(_ report: FetchReport, on existing: StoredSource?) async {
        guard let existing else { return }
        _ = try? await store.recordFetch(report, for: existing.id)
    }

    /// Reads a whole file, refusing one larger than `limit` without reading past it.
    static func readFile(_ path: String, limit: Int) throws(ImportFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadableFile(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadableFile(reason: "is a directory")
        }
        var bytes: [UInt8] = []
        if fstat(fd, &info) == 0, info.st_size > 0 { bytes.reserveCapacity(min(Int(info.st_size), limit) + 1) }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { throw .documentTooLarge(limit: limit) }
        }
    }
}
