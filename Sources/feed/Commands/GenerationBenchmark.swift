import Foundation
import Syndication

/// `feed bench FILE --generate`: Atom generation from a store, timed apart from filling it.
///
/// The file's entries go into a new temporary store (as several sources when `articles` asks for
/// more than the file has, so every article is distinct), outside the timing; then each repeat
/// writes the whole store as Atom to a temporary file, as `feed generate` does: read from SQLite
/// page by page, written through libxml2's text writer, flushed and renamed.
struct GenerationBenchmark {
    var file: String
    var articles: Int?
    var repeats: Int

    struct Result {
        var articles: Int
        var seconds: Double
        var bytes: Int
    }

    func run() throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feed-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try storeCall { try FeedStore(path: folder + "/store.sqlite") }

        let parsed: ParsedFeed
        do {
            parsed = try FeedParser(options: FeedParserOptions(sanitize: true, limits: XMLParseLimits(maxInputBytes: Int.max)))
                .parse(data: try DocumentInput(file).readAll())
        } catch let error as FeedParseError {
            throw CommandFailure.unreadableFeed("\(file): \(error)")
        }
        guard !parsed.feed.entries.isEmpty else { throw CommandFailure.unreadableFeed("\(file): the feed has no entries") }
        let wanted = articles ?? parsed.feed.entries.count
        var stored = 0
        var copy = 0
        while stored < wanted {
            copy += 1
            let source = try storeCall { try store.registerSource(address: "bench:\(copy)", kind: .imported) }
            let entries = Array(parsed.feed.entries.prefix(wanted - stored))
            _ = try storeCall { try store.apply(entries: entries, to: source.id) }
            stored += entries.count
        }

        var metadata = Feed(format: .atom10, id: "tag:bench.example,2024:feed", title: Text("Benchmark"))
        metadata.authors = [Person(name: "Bench")]
        let output = folder + "/atom.xml"
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var bytes = 0
        for _ in 0..<repeats {
            let start = clock.now
            let sequence = try storeCall { try store.articleSequence() }
            var written = 0
            try AtomicFileWriter(path: output).write { sink in
                try AtomWriter().write(metadata, entries: sequence.lazy.map { $0.entry }) { buffer in
                    written += buffer.count
                    try sink(buffer)
                }
            }
            elapsed += clock.now - start
            if let failure = sequence.failure { throw CommandFailure.io(failure.description) }
            bytes = written
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(articles: stored, seconds: seconds, bytes: bytes * repeats)
    }
}
