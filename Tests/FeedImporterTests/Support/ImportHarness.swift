import FeedImporter
import FeedModel
import FeedStore
import Foundation

/// A store in memory with a fixed clock, and the importer runs against it.
struct ImportHarness {
    static let moment = Timestamp(secondsSince1970: 1_762_171_200)

    let store: FeedStore

    init() throws {
        store = try FeedStore.inMemory(clock: .fixed(Self.moment))
    }

    /// Short limits, so a failing test fails in seconds, never in minutes.
    static let fetchOptions = HTTPFetchOptions(connectTimeout: .seconds(2), totalTimeout: .seconds(10))

    func run(_ sources: [ImportSource], options: FeedImportOptions = FeedImportOptions(),
             fetch: HTTPFetchOptions = fetchOptions,
             progress: (@Sendable (ImportProgress) -> Void)? = nil) async -> [ImportOutcome] {
        let fetcher = HTTPFetcher(options: fetch)
        let importer = FeedImporter(store: store, fetcher: fetcher, options: options)
        let outcomes = await importer.importSources(sources, progress: progress)
        await fetcher.shutdown()
        return outcomes
    }

    func run(_ source: ImportSource, options: FeedImportOptions = FeedImportOptions(),
             fetch: HTTPFetchOptions = fetchOptions) async throws -> ImportOutcome {
        let outcomes = await run([source], options: options, fetch: fetch)
        guard outcomes.count == 1, let outcome = outcomes.first else {
            throw HarnessError(message: "expected one outcome, got \(outcomes.count)")
        }
        return outcome
    }

    /// Everything the store holds, for before/after comparisons.
    func contents() throws -> StoreContents {
        try StoreContents(store)
    }

    func source(_ address: String) throws -> StoredSource? {
        try store.source(address: address)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Every source (address, title, article count) and every article (its source, stable id and
/// content hash): two equal values mean nothing was lost, duplicated or rewritten.
struct StoreContents: Equatable, CustomStringConvertible {
    struct SourceRow: Hashable {
        var address: String
        var title: String?
        var articleCount: Int
    }

    struct ArticleRow: Hashable {
        var sourceAddress: String
        var stableID: String
        var contentHash: String
        var firstSeen: Timestamp
        var lastChanged: Timestamp
    }

    var sources: [SourceRow]
    var articles: Set<ArticleRow>
    var articleCount: Int

    init(_ store: FeedStore) throws {
        let stored = try store.sources()
        sources = stored.map { SourceRow(address: $0.address, title: $0.title, articleCount: $0.articleCount) }
        let addresses = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.address) })
        let all = try store.articles()
        articleCount = all.count
        articles = Set(all.map {
            ArticleRow(sourceAddress: addresses[$0.sourceID] ?? "?", stableID: $0.stableID,
                       contentHash: $0.contentHash, firstSeen: $0.firstSeen, lastChanged: $0.lastChanged)
        })
    }

    var description: String { "\(sources.count) sources, \(articleCount) articles" }
}

extension ImportResult {
    var tally: ImportTally? {
        if case .imported(let tally) = self { return tally }
        return nil
    }

    var failure: ImportFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}

/// A folder of its own under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "feed-importer-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
