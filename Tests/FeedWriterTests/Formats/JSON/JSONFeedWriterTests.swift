import FeedModel
import FeedWriter
import Foundation
import Testing

@Suite("JSON Feed writer")
struct JSONFeedWriterTests {
    let writer = JSONFeedWriter()

    @Test func handBuiltFeedMatchesItsSnapshot() throws {
        let bytes = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        Snapshot.expectMatches(bytes, named: "sample.feed.json")
    }

    @Test func theDocumentIsJSONWithTheSpecificationsKeyOrder() throws {
        let bytes = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect((object["items"] as? [Any])?.count == SampleFeed.entries.count)
        let text = String(decoding: bytes, as: UTF8.self)
        let keys = ["\"version\"", "\"title\"", "\"home_page_url\"", "\"feed_url\"", "\"description\"", "\"icon\"",
                    "\"favicon\"", "\"authors\"", "\"language\"", "\"items\""]
        let positions = keys.compactMap { text.firstRange(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharactersOnly() throws {
        let entry = Entry(id: "q\"b\\s/n\nt\tc\u{1}e😀é")
        let text = try Written.text(writer, Feed(format: .json11), [entry])
        #expect(text.contains(#""id": "q\"b\\s/n\nt\tc\u0001e😀é""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["id"] as? String == entry.id)
    }

    @Test func anEmptyFeedStillHasItsRequiredMembers() throws {
        let text = try Written.text(writer, Feed(format: .json11), [])
        #expect(text == """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "",
              "items": []
            }

            """)
    }

    @Test func olderItemsAreReachedThroughNextURL() throws {
        let feed = Feed(format: .json11, links: [Link(href: "https://example.org/feed-archive-2.json", rel: "prev-archive")])
        #expect(try Written.text(writer, feed, []).contains(#""next_url": "https://example.org/feed-archive-2.json""#))
    }

    @Test func sameInputGivesSameBytes() throws {
        let first = try writer.document(SampleFeed.feed, entries: SampleFeed.entries)
        #expect(first == (try writer.document(SampleFeed.feed, entries: SinglePassEntries(SampleFeed.entries))))
    }

    @Test func theDocumentStreamsOutInBoundedChunks() throws {
        let entries = SinglePassEntries(ManyEntries.make(2000))
        var consumedAtFirstChunk: Int?
        var chunkSizes: [Int] = []
        try writer.write(Feed(format: .json11), entries: entries) { chunk in
            if consumedAtFirstChunk == nil { consumedAtFirstChunk = entries.consumed }
            chunkSizes.append(chunk.count)
        }
        #expect(try #require(consumedAtFirstChunk) < 100)
        #expect(chunkSizes.count > 50)
        #expect(chunkSizes.allSatisfy { $0 <= 64 * 1024 + 8 * 1024 })
    }
}
