import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// `FeedStreamParser` reads documents handed over in pieces of any size, and gives the same
/// feed as the whole-document parser.
@Suite("Streaming parser")
struct StreamingTests {
    /// Documents whose feed-level authors come before their entries (the stream cannot give an
    /// entry authors named after it), across formats, encodings and recovery cases.
    static let comparedFixtures = [
        "rss/rss090.xml", "rss/rss091.xml", "rss/rss20.xml", "rss/dates.xml", "rdf/rss10.xml",
        "atom10/feed.xml", "atom10/source.xml", "atom10/content-types.xml", "atom03/feed.xml",
        "json/feed11.json", "namespaces/itunes.xml", "namespaces/media-rss.xml", "namespaces/odd-prefixes.xml",
        "text/atom-text-constructs.xml", "text/rss-markup.xml", "base/xml-base-chain.xml", "base/xml-lang.xml",
        "encoding/windows-1252.xml", "encoding/utf-16le-bom.xml", "encoding/utf-8-declared-windows-1252-bytes.xml",
        "recovery/undeclared-entities.xml", "recovery/bare-ampersand.xml", "recovery/unclosed-tag.xml",
    ]

    @Test(arguments: comparedFixtures)
    func streamingOneByteAtATimeGivesTheSameFeedAsTheWholeDocument(fixture: String) throws {
        let bytes = try FixtureLoader.bytes(fixture)
        let whole = try FeedParser().parse(data: bytes)
        let streamed = try FixtureLoader.stream(bytes, chunkSize: 1)
        #expect(streamed.feed == whole.feed)
        #expect(streamed.parsed.entryCount == whole.entryCount)
    }

    @Test(arguments: [7, 4096])
    func streamingInOtherPieceSizesGivesTheSameFeed(chunkSize: Int) throws {
        let bytes = try FixtureLoader.bytes("atom10/feed.xml")
        let documentURL = "https://moss.example.org/feed.atom"
        let whole = try FeedParser().parse(data: bytes, baseURL: documentURL)
        let streamed = try FixtureLoader.stream(bytes, chunkSize: chunkSize, baseURL: documentURL)
        #expect(streamed.feed == whole.feed)
    }

    @Test func streamingHonoursTheContentTypeCharset() throws {
        let bytes = try FixtureLoader.bytes("encoding/koi8-r-declared-iso-8859-1.xml")
        let streamed = try FixtureLoader.stream(bytes, chunkSize: 1, contentType: "text/xml; charset=koi8-r")
        #expect(streamed.feed.encoding == "koi8-r")
        #expect(streamed.feed.title?.value == "Новости дня")
    }

    @Test func streamingHandsOverEntriesBeforeTheDocumentEnds() throws {
        // Long enough that the decoder's encoding window (64 KiB) is passed well before the end.
        let itemCount = 2000
        var document = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Long</title>\n"
        for number in 0..<itemCount {
            document += "<item><title>Item \(number)</title><link>http://long.example.com/\(number)</link></item>\n"
        }
        document += "</channel></rss>\n"
        let bytes = Array(document.utf8)
        let streamed = try FixtureLoader.stream(bytes, chunkSize: 4096)
        #expect(streamed.feed.entries.count == itemCount)
        #expect(streamed.entriesBeforeFinish > itemCount / 2,
                "\(streamed.entriesBeforeFinish) handed over before finish")
        #expect(streamed.feed.entries.last?.title?.value == "Item \(itemCount - 1)")
    }
}
