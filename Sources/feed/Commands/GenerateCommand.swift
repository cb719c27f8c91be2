import ArgumentParser
import Foundation
import Syndication

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the stored articles as a feed file: Atom 1.0, RSS 2.0 or JSON Feed 1.1.",
        discussion: """
        Articles are written newest first, each with its authors, dates, summary, content and \
        categories; imported ones keep their origin as atom:source. The feed's own id, title, \
        links and author come from the site's settings (feeds/site.toml), and the flags below \
        override them. The feed's updated date is the newest article's, never the clock, so the \
        same store always gives the same bytes.

        The file is replaced atomically (a temporary file, flushed, then renamed), and only when \
        the new document passes `feed validate`: an invalid feed is reported and the old file \
        kept.

        With --page-size N the newest N articles go in the main document and older ones in \
        RFC 5005 archive documents beside it (atom-archive-1.xml is the oldest), linked by \
        prev-archive, next-archive and current.

        Examples:
          feed generate                                  feeds/atom.xml from the whole store
          feed generate --format rss --output public/rss.xml --limit 20
          feed generate --source https://example.org/feed.xml --output -
          feed generate --page-size 50                   main document plus archives
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var site: SiteOptions

    @Option(help: "atom, rss or json.")
    var format: FeedOutputFormat = .atom

    @Option(name: .shortAndLong,
            help: ArgumentHelp("Where to write; - for standard output (default: feeds/atom.xml, feeds/rss.xml or feeds/feed.json).",
                               valueName: "path"))
    var output: String?

    @Option(help: "Write at most this many articles, the newest.")
    var limit: Int?

    @Option(help: ArgumentHelp("Only the articles of this source (its address or number, as `feed sources` shows).",
                               valueName: "source"))
    var source: String?

    @Option(help: "Newest articles in the main document; older ones in RFC 5005 archive documents.")
    var pageSize: Int?

    @Flag(help: "Write even when the new document does not pass validation.")
    var noValidate = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
        if pageSize != nil, output == "-" { throw ValidationError("--page-size writes several files: give --output a file path") }
    }

    func run() throws {
        let store = try store.open()
        let metadata = try site.feedMetadata(for: format)
        var query = ArticleQuery(limit: limit)
        if let source {
            query.source = try SourceLookup.find(source, in: store).id
        }
        let count = try storeCall { try store.articleCount(query) }
        guard count > 0 else {
            throw CommandFailure.unreadableFeed("the store holds no articles to write\(source.map { " from \($0)" } ?? "") (add some with `feed add` or `feed import`)")
        }
        let path = output ?? format.defaultPath
        let articles = try storeCall { try store.articleSequence(query) }
        do {
            try write(with: format.writer, metadata: metadata, articles: articles, count: count, to: path, store: store)
        } catch FeedWriteError.rejected(let refusal) {
            throw refusal
        } catch let error as FeedWriteError {
            throw CommandFailure.io(error.description)
        }
    }

    private func write<Writer: FeedDocumentWriter>(with writer: Writer, metadata: Feed, articles: ArticleSequence,
                                                   count: Int, to path: String, store: FeedStore) throws {
        let addresses = Dictionary(uniqueKeysWithValues: try storeCall { try store.sources() }.map { ($0.id, $0.address) })
        let entries = articles.lazy.map { $0.publishedEntry(sourceAddress: addresses[$0.sourceID] ?? "") }
        if let pageSize {
            let archived = ArchivedFeedWriter(writer: writer, pageSize: pageSize,
                                              fileName: (path as NSString).lastPathComponent)
            let folder = (path as NSString).deletingLastPathComponent
            let pages = archived.pages(entryCount: count)
            try archived.write(metadata, entries: entries, count: count) { page, writeDocument throws(FeedWriteError) in
                let pagePath = (folder.isEmpty ? "" : folder + "/") + page.fileName
                try writeChecked(pagePath) { sink in
                    try writeDocument(sink)
                    if let failure = articles.failure { throw failure }
                }
            }
            if let failure = articles.failure { throw CommandFailure.io(failure.description) }
            StandardError.write("\(path): \(min(count, pageSize)) articles, \(pages.count - 1) archive documents, \(format.name)\n")
        } else if path == "-" {
            let validation = validationStream(for: "<stdout>")
            try writer.write(metadata, entries: entries) { bytes in
                validation?.feed(Array(bytes))
                FileHandle.standardOutput.write(Data(bytes))
            }
            if let failure = articles.failure { throw CommandFailure.io(failure.description) }
            if let report = validation?.finish() { try Self.judge(report, replacing: nil) }
        } else {
            try writeChecked(path) { sink in
                try writer.write(metadata, entries: entries, to: sink)
                // A read failure would leave the document short: refuse it before it replaces the old one.
                if let failure = articles.failure { throw failure }
            }
            StandardError.write("\(path): \(count) articles, \(format.name)\n")
        }
    }

    /// Writes one file atomically. The bytes go to the validator as they are written, and the
    /// new file replaces the old one only when the validator finds no error and every article
    /// was read.
    private func writeChecked(_ path: String, _ body: (@escaping ByteSink) throws -> Void) throws(FeedWriteError) {
        let validation = validationStream(for: path)
        try AtomicFileWriter(path: path).write({ sink in
            try body { bytes in
                validation?.feed(Array(bytes))
                try sink(bytes)
            }
        }, check: { _ in
            if let report = validation?.finish() { try Self.judge(report, replacing: path) }
        })
    }

    /// A validator for an XML document, unless --no-validate (JSON Feed has no validator).
    private func validationStream(for name: String) -> FeedValidationStream? {
        guard !noValidate, format != .json else { return nil }
        return FeedValidationStream(fileName: name, options: FeedValidatorOptions(limits: XMLParseLimits(maxInputBytes: Int.max)))
    }

    /// Prints the validator's findings; an error refuses the document (exit 1).
    private static func judge(_ report: ValidationReport, replacing path: String?) throws {
        let findings = HumanReportRenderer.render(report)
        if !findings.isEmpty { StandardError.write(findings.hasSuffix("\n") ? findings : findings + "\n") }
        guard report.valid else {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let kept = path.map { "; \($0) was left as it was" } ?? ""
            throw CommandFailure(message: "the generated feed is invalid (\(errors) error\(errors == 1 ? "" : "s"))\(kept); --no-validate writes it anyway",
                                 exitCode: 1)
        }
    }
}

/// The formats `feed generate` writes.
enum FeedOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case atom, rss, json

    var writer: any FeedDocumentWriter {
        switch self {
        case .atom: AtomWriter()
        case .rss: RSS2Writer()
        case .json: JSONFeedWriter()
        }
    }

    var defaultPath: String {
        switch self {
        case .atom: "feeds/atom.xml"
        case .rss: "feeds/rss.xml"
        case .json: "feeds/feed.json"
        }
    }

    /// The media type of a document in this format, for its `self` link.
    var mediaType: String {
        switch self {
        case .atom: "application/atom+xml"
        case .rss: "application/rss+xml"
        case .json: "application/feed+json"
        }
    }

    var name: String {
        switch self {
        case .atom: "Atom 1.0"
        case .rss: "RSS 2.0"
        case .json: "JSON Feed 1.1"
        }
    }
}

/// Runs a store call, turning its failure into an I/O error (exit 2).
func storeCall<T>(_ body: () throws -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch let error as FeedStoreError {
        throw .io(error.description)
    } catch {
        throw .io("\(error)")
    }
}

/// Finds a source by its number or its address.
enum SourceLookup {
    static func find(_ reference: String, in store: FeedStore) throws(CommandFailure) -> StoredSource {
        let found: StoredSource?
        if let number = Int64(reference) {
            found = try storeCall { try store.source(id: SourceID(rawValue: number)) }
        } else {
            found = try storeCall { try store.source(address: reference) }
        }
        guard let found else {
            throw CommandFailure(message: "no source \(reference) in the store (see `feed sources`)", exitCode: 1)
        }
        return found
    }
}
