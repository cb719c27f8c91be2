import FeedModel
import FeedParser
import FeedWriter
import Foundation
import Testing

@Suite("RFC 5005 archived feeds")
struct ArchivedFeedWriterTests {
    static let feed = Feed(format: .atom10, id: "tag:example.org,2017:feed", title: Text("Notes"),
                           links: [Link(href: "https://example.org/"),
                                   Link(href: "https://example.org/feeds/atom.xml", rel: "self")])

    /// Entries newest first, numbered so that entry n is the n-th oldest.
    static func entries(_ count: Int) -> [Entry] {
        (0..<count).reversed().map { n in
            Entry(id: "post-\(n)", title: Text("Post \(n)"),
                  published: Timestamp(secondsSince1970: 1_484_000_000 + Int64(n) * 3600))
        }
    }

    /// Every document, by file name.
    static func documents(_ archived: ArchivedFeedWriter<some FeedDocumentWriter>, _ entries: [Entry],
                          feed: Feed = feed) throws -> [(name: String, bytes: [UInt8])] {
        var documents: [(name: String, bytes: [UInt8])] = []
        try archived.write(feed, entries: entries, count: entries.count) { page, writeDocument throws(FeedWriteError) in
            var bytes: [UInt8] = []
            try writeDocument { bytes.append(contentsOf: $0) }
            documents.append((page.fileName, bytes))
        }
        return documents
    }

    @Test func archivesFillFromTheOldestAndTheMainDocumentHoldsTheNewest() {
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 10, fileName: "atom.xml")
        let pages = archived.pages(entryCount: 25)
        #expect(pages.map(\.fileName) == ["atom.xml", "atom-archive-2.xml", "atom-archive-1.xml"])
        #expect(pages.map(\.archiveNumber) == [nil, 2, 1])
        // Positions in the newest-first list: the oldest ten make the first archive.
        #expect(pages.map(\.entries) == [0..<10, 10..<15, 15..<25])
    }

    @Test(arguments: [0, 1, 10])
    func noArchivesWhenEverythingFitsInOnePage(count: Int) throws {
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 10, fileName: "atom.xml")
        #expect(archived.pages(entryCount: count).map(\.fileName) == ["atom.xml"])
        let documents = try Self.documents(archived, Self.entries(count))
        let main = try Written.parsed(try #require(documents.first).bytes)
        #expect(!main.links.contains { $0.rel == "prev-archive" })
        #expect(main.entries.count == count)
    }

    @Test func documentsLinkToEachOtherBothWays() throws {
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 10, fileName: "atom.xml")
        let documents = try Self.documents(archived, Self.entries(35))
        #expect(documents.map(\.name) == ["atom.xml", "atom-archive-3.xml", "atom-archive-2.xml", "atom-archive-1.xml"])
        let feeds = try documents.map { try Written.parsed($0.bytes) }
        func links(_ index: Int, _ rel: String) -> [String] { feeds[index].links.filter { $0.rel == rel }.map(\.href) }
        let base = "https://example.org/feeds/"
        #expect(links(0, "self") == [base + "atom.xml"])
        #expect(links(0, "prev-archive") == [base + "atom-archive-3.xml"])
        #expect(links(0, "alternate") == ["https://example.org/"])
        // The newest archive: no next-archive (the main document is `current`).
        #expect(links(1, "self") == [base + "atom-archive-3.xml"])
        #expect(links(1, "current") == [base + "atom.xml"])
        #expect(links(1, "prev-archive") == [base + "atom-archive-2.xml"])
        #expect(links(1, "next-archive").isEmpty)
        #expect(links(2, "prev-archive") == [base + "atom-archive-1.xml"])
        #expect(links(2, "next-archive") == [base + "atom-archive-3.xml"])
        #expect(links(3, "prev-archive").isEmpty)
        #expect(links(3, "next-archive") == [base + "atom-archive-2.xml"])
        // Every entry once, newest first across the documents.
        #expect(feeds.flatMap(\.entries).map(\.id) == Self.entries(35).map(\.id))
        // Archives say so; the main document does not.
        #expect(!String(decoding: documents[0].bytes, as: UTF8.self).contains("fh:archive"))
        #expect(documents.dropFirst().allSatisfy { String(decoding: $0.bytes, as: UTF8.self).contains("<fh:archive/>") })
        // Each archive states its own newest entry's date as its `updated`.
        #expect(feeds[3].entries.first?.id == "post-9")
        #expect(feeds[3].updated == feeds[3].entries.first?.published)
    }

    @Test func rssArchivesCarryTheSameLinks() throws {
        var feed = Self.feed
        feed.links[1].href = "https://example.org/feeds/rss.xml"
        let archived = ArchivedFeedWriter(writer: RSS2Writer(), pageSize: 4, fileName: "rss.xml")
        let documents = try Self.documents(archived, Self.entries(9), feed: feed)
        #expect(documents.map(\.name) == ["rss.xml", "rss-archive-2.xml", "rss-archive-1.xml"])
        let oldest = try Written.parsed(documents[2].bytes)
        #expect(oldest.links.contains(Link(href: "https://example.org/feeds/rss.xml", rel: "current")))
        #expect(oldest.links.contains(Link(href: "https://example.org/feeds/rss-archive-2.xml", rel: "next-archive")))
        #expect(String(decoding: documents[2].bytes, as: UTF8.self).contains("<fh:archive/>"))
    }

    @Test func fullArchivesKeepTheirBytesAsNewEntriesArrive() throws {
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 10, fileName: "atom.xml")
        let before = try Self.documents(archived, Self.entries(25))
        let after = try Self.documents(archived, Self.entries(28))
        let oldestBefore = try #require(before.first { $0.name == "atom-archive-1.xml" })
        let oldestAfter = try #require(after.first { $0.name == "atom-archive-1.xml" })
        #expect(oldestBefore.bytes == oldestAfter.bytes)
        // The newest archive took three more entries from the main document.
        let newestAfter = try Written.parsed(try #require(after.first { $0.name == "atom-archive-2.xml" }).bytes)
        #expect(newestAfter.entries.count == 8)
    }

    @Test func withoutASelfLinkArchivesAreNamedRelativeToTheDocument() throws {
        var feed = Self.feed
        feed.links = []
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 2, fileName: "atom.xml")
        let documents = try Self.documents(archived, Self.entries(5), feed: feed)
        let main = try Written.parsed(documents[0].bytes)
        #expect(main.links == [Link(href: "atom-archive-2.xml", rel: "prev-archive")])
        let oldest = try Written.parsed(documents[2].bytes)
        #expect(oldest.links == [Link(href: "atom-archive-1.xml", rel: "self"), Link(href: "atom.xml", rel: "current"),
                                 Link(href: "atom-archive-2.xml", rel: "next-archive")])
    }

    @Test func archiveFileNamesKeepTheExtension() {
        #expect(ArchivedFeedWriter(writer: AtomWriter(), pageSize: 1, fileName: "atom.xml").archiveFileName(3)
            == "atom-archive-3.xml")
        #expect(ArchivedFeedWriter(writer: JSONFeedWriter(), pageSize: 1, fileName: "feed.json").archiveFileName(1)
            == "feed-archive-1.json")
        #expect(ArchivedFeedWriter(writer: AtomWriter(), pageSize: 1, fileName: "feed").archiveFileName(2)
            == "feed-archive-2")
    }

    @Test func everyDocumentIsWrittenIntoTheFolder() throws {
        let folder = try TemporaryFolder()
        let archived = ArchivedFeedWriter(writer: AtomWriter(), pageSize: 3, fileName: "atom.xml")
        let pages = try archived.writeFiles(Self.feed, entries: Self.entries(7), count: 7, folder: folder.path)
        #expect(pages.count == 3)
        #expect(try folder.fileNames() == ["atom-archive-1.xml", "atom-archive-2.xml", "atom.xml"])
        let written = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/atom-archive-1.xml"))
        let expected = try #require(try Self.documents(archived, Self.entries(7)).last)
        #expect([UInt8](written) == expected.bytes)
    }
}
