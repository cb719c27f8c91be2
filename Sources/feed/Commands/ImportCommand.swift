import ArgumentParser
import Foundation
import Syndication

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import feeds from URLs, files or standard input into the article store.",
        discussion: """
        Each source is read, its HTML sanitized, and its entries stored as articles of that \
        source in one transaction: new entries are added, changed ones updated in place, the \
        rest left alone. Articles keep their own authors and dates, and the feed's header (id, \
        title, links, authors) as their source. Nothing stored is ever removed: a source that \
        fails keeps its articles, and the store records why it failed.

        Where each source comes from and the address it is stored under:
          URL   fetched over http or https; stored under the URL as given
          FILE  read from disk; stored under its absolute path
          -     standard input; stored under the feed's rel="self" link (a feed
                without an absolute one is refused: import its file or URL instead)
        A source enters the store when it is first imported (or answers 304 or 410); a \
        failure never registers a new one.

        Over HTTP the stored ETag and Last-Modified are sent back, and a 304 is "not \
        modified"; gzip and deflate are accepted; up to 5 redirects are followed, and when \
        every hop is permanent (301, 308) later imports fetch the new address; a 410 marks \
        the source gone, and it is not fetched again unless --force.

        Up to --jobs sources are imported at once, and one failure never stops the others. \
        At the end, one line per source on standard output:
          https://a.example/feed: 12 new, 3 updated, 40 unchanged
          https://b.example/rss: not modified
          https://c.example/atom: failed: HTTP 404 Not Found
        With several sources and a terminal, standard error shows a progress line meanwhile.

        Examples:
          feed import https://example.org/feed.xml
          feed import $(cat subscriptions.txt) --jobs 16
          feed import downloads/feed.xml --store site/feeds/store.sqlite
          curl -s https://example.org/feed.xml | feed import -
          feed import https://slow.example/rss --timeout 120 --max-size 50M
          feed import https://example.org/old-feed --force

        Exit status: 0 every source imported, not modified or gone; 1 at least one failed; \
        2 a usage error, or a store that cannot be opened.
        """
    )

    @Argument(help: ArgumentHelp("Feeds to import: http(s) URLs, file paths, or - for standard input.",
                                 valueName: "source"))
    var sources: [String]

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("How many sources to import at the same time.", valueName: "n"))
    var jobs = 8

    @Option(help: ArgumentHelp("Seconds to wait for a connection.", valueName: "seconds"))
    var connectTimeout: Double = 10

    @Option(help: ArgumentHelp("Seconds for a whole fetch, redirects and body included.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(help: ArgumentHelp("The largest feed accepted (after decompression), in bytes or with a K, M or G suffix.",
                               valueName: "size"))
    var maxSize = ByteCount(20 << 20)

    @Flag(help: "Fetch sources marked gone again, and fetch in full without the stored ETag and Last-Modified.")
    var force = false

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("name at least one source to import") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("timeouts must be more than 0 seconds") }
        guard sources.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() async throws {
        let articleStore = try store.open()
        var importSources: [ImportSource] = []
        for argument in sources {
            importSources.append(try ImportSource.argument(argument) { try Self.readStandardInput(limit: maxSize.bytes) })
        }
        let fetcher = HTTPFetcher(options: HTTPFetchOptions(connectTimeout: .seconds(connectTimeout),
                                                            totalTimeout: .seconds(timeout),
                                                            maxBodyBytes: maxSize.bytes))
        let importer = FeedImporter(store: articleStore, fetcher: fetcher,
                                    options: FeedImportOptions(maxConcurrentImports: jobs, force: force,
                                                               maxDocumentBytes: maxSize.bytes))
        let progressLine = importSources.count > 1 && isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
        let outcomes = await importer.importSources(importSources) { progressLine?.show($0) }
        await fetcher.shutdown()
        progressLine?.erase()

        StandardOutput.write(outcomes.map(Self.line).joined())
        let failed = outcomes.filter(\.failed).count
        if failed > 0 {
            throw CommandFailure(message: "\(failed) of \(outcomes.count) source\(outcomes.count == 1 ? "" : "s") failed",
                                 exitCode: 1)
        }
    }

    /// The closing line for one source.
    static func line(_ outcome: ImportOutcome) -> String {
        var name = outcome.source.description
        if case .standardInput = outcome.source, let address = outcome.address { name += " (\(address))" }
        let moved = outcome.movedTo.map { " (moved permanently to \($0))" } ?? ""
        switch outcome.result {
        case .imported(let tally): return "\(name): \(tally)\(moved)\n"
        case .notModified: return "\(name): not modified\(moved)\n"
        case .gone: return "\(name): gone (HTTP 410), not fetched again unless --force\(moved)\n"
        case .skippedAsGone: return "\(name): skipped, gone since an earlier import (HTTP 410); --force fetches it\n"
        case .failed(let failure): return "\(name): failed: \(failure)\(moved)\n"
        }
    }

    /// Reads standard input, stopping one byte past `limit` (the importer then refuses it).
    private static func readStandardInput(limit: Int) throws(CommandFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            try DocumentInput("-").forEachChunk { chunk in
                bytes.append(contentsOf: chunk)
                return bytes.count <= limit
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .io("standard input: \(error)")
        }
        return bytes
    }
}

/// A size on the command line: bytes, or with a K, M or G suffix (powers of 1024).
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let multipliers: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        var digits = Substring(argument)
        var multiplier = 1
        if let last = argument.last?.lowercased().first, let factor = multipliers[last] {
            multiplier = factor
            digits = digits.dropLast()
        }
        guard let count = Int(digits), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }
}

/// The `[12/200] 3 failed` line on standard error, rewritten in place.
private struct ProgressLine: Sendable {
    func show(_ progress: ImportProgress) {
        var text = "[\(progress.finished)/\(progress.total)]"
        if progress.failed > 0 { text += " \(progress.failed) failed" }
        StandardError.write("\r\(text)\u{1B}[K")
    }

    func erase() {
        StandardError.write("\r\u{1B}[K")
    }
}
