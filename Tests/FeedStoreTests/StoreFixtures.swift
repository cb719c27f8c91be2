import FeedModel
import FeedStore
import Foundation

/// A clock the test moves by hand, so every stored time is known in advance.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    init(_ start: Timestamp = StoreFixtures.moment("2025-01-01T00:00:00Z")) {
        current = start
    }

    var now: Timestamp {
        lock.withLock { current }
    }

    func advance(seconds: Int64) {
        lock.withLock { current.secondsSince1970 += seconds }
    }

    var storeClock: StoreClock {
        StoreClock { [self] in now }
    }
}

/// A folder in the system's temporary directory, removed when the test is done with it.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("FeedStoreTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum StoreFixtures {
    /// A moment written in RFC 3339; the fixtures only use valid ones.
    static func moment(_ text: String) -> Timestamp {
        guard let moment = Timestamp(rfc3339: text) else { preconditionFailure("bad fixture date \(text)") }
        return moment
    }

    /// Runs `body` with a file store in a fresh temporary folder, then removes the folder.
    static func withFileStore<T>(clock: ManualClock = ManualClock(),
                                 _ body: (FeedStore, TemporaryFolder) throws -> T) throws -> T {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try FeedStore(path: folder.path("feeds/store.sqlite"), clock: clock.storeClock)
        return try body(store, folder)
    }

    /// An entry that uses every field the model has, with text that tends to break storage:
    /// non-ASCII, markup, quotes, an empty string, fraction digits with a trailing zero.
    static func richEntry(id: String? = "tag:example.com,2017-01-09:jack-ma-meets-trump") -> Entry {
        Entry(
            id: id,
            title: Text("Jack Ma & Donald Trump: <b>1 million</b> jobs — «small business»", type: .html, lang: "en-US"),
            links: [
                Link(href: "https://example.com/2017/01/jack-ma-trump", rel: "alternate", type: "text/html",
                     hreflang: "en", title: "Read on the site"),
                Link(href: "https://example.com/audio/meeting.mp3", rel: "enclosure", type: "audio/mpeg",
                     length: 12_345_678),
                Link(href: "https://example.com/2017/01/jack-ma-trump#comments", rel: "replies"),
                Link(href: "https://example.com/2017/01/jack-ma-trump.zh", rel: "alternate", hreflang: "zh-Hans"),
            ],
            published: moment("2017-01-09T22:30:00.50+05:30"),
            updated: moment("2017-01-10T08:00:00Z"),
            authors: [
                Person(name: "admin", email: "admin@example.com", uri: "https://example.com/about"),
                Person(name: "José Müller"),
                Person(email: "only-an-email@example.com"),
            ],
            contributors: [Person(name: "王小明", uri: "https://example.cn/")],
            summary: Text("They met in New York to talk about small businesses and cross-border trade.", lang: "en"),
            content: Content("<p>Alibaba’s founder met the president-elect at Trump Tower. ]]> stays text.</p>",
                             type: "html", src: nil, lang: "en"),
            categories: [
                Category(term: "trade", scheme: "https://example.com/tags", label: "Trade"),
                Category(term: "small business"),
                Category(term: ""),
            ],
            rights: Text("© 2017 Example", type: .text),
            source: Source(
                id: "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6",
                title: Text("The Example Chronicle", type: .text),
                subtitle: Text("<i>News</i>", type: .html),
                links: [Link(href: "https://news.example.com/feed/", rel: "self", type: "application/rss+xml")],
                updated: moment("2017-01-10T09:00:00.123Z"),
                authors: [Person(name: "Desk", email: "desk@example.com")],
                contributors: [Person(name: "Night editor")],
                categories: [Category(term: "news", scheme: "urn:x", label: "News")],
                generator: Generator(name: "WordPress", uri: "https://wordpress.org/", version: "6.8.1"),
                icon: "https://news.example.com/icon.png",
                logo: "https://news.example.com/logo.png",
                rights: Text("All rights reserved")),
            language: "en-US")
    }

    /// A small entry with an id, a title and a date: the usual shape in ordering tests.
    static func entry(_ id: String, title: String? = nil, published: String? = nil, updated: String? = nil) -> Entry {
        Entry(id: id, title: Text(title ?? "Entry \(id)"),
              published: published.map(moment), updated: updated.map(moment))
    }
}
