import Foundation
import Syndication

/// `feed bench FILE --import`: the import pipeline on one file, as `feed import FILE` runs it
/// (parse, sanitize with `--sanitize`, stamp the feed's header on entries, store in one
/// transaction), into a new empty store per repeat. Prints the bench line, then the split:
///   entries=<n> seconds=<total> peak_rss_kb=<kb> parse_seconds=<parse+sanitize> store_seconds=<store>
/// Opening and deleting each temporary store is not timed; registering the source is.
enum ImportBenchmark {
    static func run(file: String, repeat repeats: Int, sanitize: Bool) throws {
        let bytes = try DocumentInput(file).readAll()
        let options = FeedParserOptions(sanitize: sanitize, limits: XMLParseLimits(maxInputBytes: Int.max))
        let address = URL(fileURLWithPath: file).standardizedFileURL.path
        let clock = ContinuousClock()
        var parsing = Duration.zero
        var storing = Duration.zero
        var entries = 0
        for _ in 0..<repeats {
            let folder = NSTemporaryDirectory() + "feed-bench-import-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store: FeedStore
            do {
                store = try FeedStore(path: folder + "/store.sqlite")
            } catch {
                throw CommandFailure.io(error.description)
            }
            let start = clock.now
            let feed: Feed
            do {
                feed = try ImportedFeed.read(bytes, baseURL: nil, contentType: nil, fetchedFrom: nil, options: options)
            } catch {
                throw CommandFailure.unreadableFeed("\(file): \(error)")
            }
            let parsed = clock.now
            do {
                let source = try store.registerSource(address: address, kind: .imported, title: feed.title?.plainText)
                let tally = try store.apply(feed: feed, to: source.id, fetch: .fetched(httpStatus: nil))
                entries = tally.total
            } catch {
                throw CommandFailure.io(error.description)
            }
            storing += clock.now - parsed
            parsing += parsed - start
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("entries=\(entries) seconds=\(format(parsing + storing)) peak_rss_kb=\(usage.ru_maxrss)"
              + " parse_seconds=\(format(parsing)) store_seconds=\(format(storing))")
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.6f", seconds)
    }
}
