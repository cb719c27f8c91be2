import FeedModel
import FeedXML

/// Receives a document's bytes in order, a piece at a time; the buffer is valid only during the
/// call. A sink that throws stops the document, and the writer throws `FeedWriteError.output`.
public typealias ByteSink = (UnsafeRawBufferPointer) throws -> Void

/// A writer of one feed format.
///
/// Every writer takes the feed's metadata and its entries apart: the entries are any `Sequence`,
/// read once, in order, so they can stream from a database without being held in memory. The
/// entries of `feed` itself are ignored. The output is a function of the input alone: the same
/// feed and entries give the same bytes (no clock, no random ids, no hash-ordered keys).
///
/// Entries are expected newest first. When `feed.updated` is nil, the first entry's `updated`
/// (else `published`) stands for it: for a list newest first, that is the newest date. With
/// neither, the document states no date: a writer never reads the clock.
public protocol FeedDocumentWriter: Sendable {
    /// The file name extension for documents of this format, without the dot.
    var fileExtension: String { get }

    /// Writes one document to `sink`, with an RFC 5005 `marker` when it is one page of an
    /// archived feed or a complete feed (formats without markers ignore it).
    func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries, marker: FeedHistoryMarker,
                                         to sink: @escaping ByteSink) throws(FeedWriteError)
}

extension FeedDocumentWriter {
    /// Writes one document to `sink`, without a history marker.
    public func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries,
                                                to sink: @escaping ByteSink) throws(FeedWriteError) {
        try write(feed, entries: entries, marker: .none, to: sink)
    }

    /// The whole document in memory: for tests and small feeds.
    public func document<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries,
                                                   marker: FeedHistoryMarker = .none) throws(FeedWriteError) -> [UInt8] {
        let collected = ByteCollector()
        try write(feed, entries: entries, marker: marker) { collected.bytes.append(contentsOf: $0) }
        return collected.bytes
    }

    /// The whole document in memory, with the feed's own `entries`.
    public func document(_ feed: Feed) throws(FeedWriteError) -> [UInt8] {
        try document(feed, entries: feed.entries)
    }
}

/// RFC 5005 (Feed Paging and Archiving) markers for a document's place in the feed's history.
public enum FeedHistoryMarker: Sendable, Hashable {
    /// An ordinary feed document.
    case none
    /// `<fh:complete/>`: the document holds every entry of the feed; no archives exist.
    case complete
    /// `<fh:archive/>`: the document is an archive page, which does not change once written.
    case archive
}

/// A reference box the escaping sink closure appends to.
final class ByteCollector {
    var bytes: [UInt8] = []
}

/// The date a document states as its own `updated`: the feed's, else the first entry's.
enum DocumentDate {
    static func updated(_ feed: Feed, firstEntry: Entry?) -> Timestamp? {
        feed.updated ?? firstEntry?.updated ?? firstEntry?.published
    }
}

/// Writes a whole XML document of the kind `makeDocument` starts, into `sink`.
func writeXMLDocument<Document: XMLFeedDocument, Entries: Sequence<Entry>>(
    _ makeDocument: (XMLTextWriter) -> Document, indent: Bool, _ feed: Feed, entries: Entries,
    marker: FeedHistoryMarker, to sink: @escaping ByteSink
) throws(FeedWriteError) {
    let writer: XMLTextWriter
    do { writer = try XMLTextWriter(indent: indent, sink: sink) } catch { throw FeedWriteError(error) }
    try makeDocument(writer).write(feed, entries: entries, marker: marker)
}

/// An XML feed document in the making: the feed's own elements, then one element per entry.
protocol XMLFeedDocument {
    var writer: XMLTextWriter { get }
    func start(_ feed: Feed, updated: Timestamp?, marker: FeedHistoryMarker) throws(XMLWriterError)
    func entry(_ entry: Entry, feedLanguage: String?) throws(XMLWriterError)
}

extension XMLFeedDocument {
    /// Writes the whole document, reading `entries` once: the first entry is read before the
    /// feed's elements because it may give the document its `updated` date.
    func write<Entries: Sequence<Entry>>(_ feed: Feed, entries: Entries,
                                         marker: FeedHistoryMarker) throws(FeedWriteError) {
        do {
            var iterator = entries.makeIterator()
            let first = iterator.next()
            try start(feed, updated: DocumentDate.updated(feed, firstEntry: first), marker: marker)
            if let first {
                try entry(first, feedLanguage: feed.language)
                while let next = iterator.next() {
                    try entry(next, feedLanguage: feed.language)
                }
            }
            try writer.endDocument()
        } catch {
            throw FeedWriteError(error)
        }
    }
}
