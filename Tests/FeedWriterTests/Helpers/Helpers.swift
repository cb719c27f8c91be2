import FeedModel
import FeedParser
import FeedWriter
import Testing

/// Small helpers the writer tests share.
enum Written {
    static func text(_ writer: some FeedDocumentWriter, _ feed: Feed, _ entries: [Entry],
                     marker: FeedHistoryMarker = .none) throws -> String {
        String(decoding: try writer.document(feed, entries: entries, marker: marker), as: UTF8.self)
    }

    /// The document read back by our parser, which must find nothing to complain about.
    static func parsed(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Feed {
        let parsed = try FeedParser().parse(data: bytes)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)", sourceLocation: sourceLocation)
        #expect(parsed.feed.wellFormed, sourceLocation: sourceLocation)
        return parsed.feed
    }
}

/// A sequence that can be read only once and says how far it was read: entries from a database
/// cursor behave like this.
final class SinglePassEntries: Sequence, IteratorProtocol {
    private var remaining: ArraySlice<Entry>
    private(set) var consumed = 0
    private(set) var iterations = 0

    init(_ entries: [Entry]) { remaining = entries[...] }

    func makeIterator() -> SinglePassEntries {
        iterations += 1
        return self
    }

    func next() -> Entry? {
        guard let entry = remaining.popFirst() else { return nil }
        consumed += 1
        return entry
    }
}

/// Many entries of a typical blog post's size, for the streaming checks.
enum ManyEntries {
    static func make(_ count: Int) -> [Entry] {
        let body = String(repeating: "<p>Small businesses &amp; cross-border trade, “a million jobs”.</p>\n", count: 30)
        return (0..<count).map { i in
            Entry(id: "tag:example.org,2017:post-\(i)", title: Text("Post \(i)"),
                  links: [Link(href: "https://example.org/posts/\(i)")],
                  published: Timestamp(secondsSince1970: 1_484_000_000 - Int64(i) * 3600),
                  authors: [Person(name: "admin", email: "admin@example.org"), Person(name: "Zoë Li")],
                  content: Content(body, type: "html"),
                  categories: [Category(term: "trade"), Category(term: "jobs"), Category(term: "news")])
        }
    }
}
