import FeedTestSupport
import FeedXML
import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Documents that hold no feed, or attack the reader, are thrown back as a `FeedParseError`
/// that says why, fast and without a crash.
@Suite("Refused documents")
struct ParserRefusalTests {
    @Test func emptyDocumentIsRefusedAsEmpty() {
        #expect(FixtureLoader.refusal(of: []) == .empty)
    }

    @Test func whiteSpaceOnlyDocumentIsRefusedAsEmpty() {
        #expect(FixtureLoader.refusal(of: Array(" \n\t\r\n   ".utf8)) == .empty)
    }

    @Test func htmlPageIsRefusedAsAPageAtItsRootElement() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/html-page.html"))
        guard case .notAFeed(let reason, let position)? = error else {
            Issue.record("expected notAFeed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("HTML page"))
        #expect(position?.line == 3)
    }

    @Test func aRootThatIsNoFeedStopsTheParseThere() throws {
        let reader = FeedDocumentReader(options: FeedParserOptions(), baseURL: nil)
        let parser = XMLStreamParser(handler: reader, textBuffer: reader.textBuffer)
        reader.attach(to: parser)
        parser.feed(Array("<html><head><title>A page</title></head><body><p>Text</p></body></html>".utf8))
        #expect(reader.rejection != nil)
        #expect(parser.isStopped)
    }

    @Test func opmlIsRefusedAsAnOutline() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/opml.xml"))
        guard case .notAFeed(let reason, _)? = error else {
            Issue.record("expected notAFeed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("OPML"))
    }

    @Test func xmlOfAnotherVocabularyIsRefusedNamingItsRoot() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/not-a-feed.xml"))
        guard case .notAFeed(let reason, let position)? = error else {
            Issue.record("expected notAFeed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("<inventory>"))
        #expect(position?.line == 3)
    }

    @Test(arguments: [UInt64(1), 0x5EED, 0xFEED_FACE, 0xDEAD_BEEF, 42])
    func randomBytesAreRefusedAsUnreadable(seed: UInt64) {
        var generator = SeededRandom(seed: seed)
        let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = FixtureLoader.refusal(of: bytes)
        guard case .unreadable? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
    }

    @Test func externalEntityDeclarationIsRefusedAndNeverRead() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/xxe.xml"))
        guard case .limitExceeded(let limit, let message, let position)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "external entity")
        #expect(message.contains("stolen"))
        #expect(position?.line == 4)
    }

    @Test func entityBombIsRefusedFast() throws {
        let bytes = try FixtureLoader.bytes("refusal/entity-bomb.xml")
        let clock = ContinuousClock()
        let start = clock.now
        let error = FixtureLoader.refusal(of: bytes)
        let elapsed = clock.now - start
        guard case .limitExceeded(let limit, _, _)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "entity amplification")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/deep-nesting.xml"))
        guard case .limitExceeded(let limit, let message, let position)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "nesting depth")
        #expect(message.contains("200"))
        #expect(position?.line == 3)
    }

    @Test func depthLimitIsTheCallersToSet() throws {
        var options = FeedParserOptions()
        options.limits.maxDepth = 3
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("rss/rss091.xml"), options: options)
        guard case .limitExceeded(let limit, _, _)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "nesting depth")
    }

    @Test func inputOverMaxInputBytesIsRefused() throws {
        let bytes = try FixtureLoader.bytes("rss/rss20.xml")
        var options = FeedParserOptions()
        options.limits.maxInputBytes = bytes.count - 1
        let error = FixtureLoader.refusal(of: bytes, options: options)
        guard case .limitExceeded(let limit, _, _)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "input size")
    }

    @Test func inputOfExactlyMaxInputBytesIsRead() throws {
        let bytes = try FixtureLoader.bytes("rss/rss20.xml")
        var options = FeedParserOptions()
        options.limits.maxInputBytes = bytes.count
        #expect(try FeedParser(options: options).parse(data: bytes).feed.format == .rss20)
    }

    @Test func streamingInputOverMaxInputBytesIsRefusedWhileFeeding() throws {
        let bytes = try FixtureLoader.bytes("rss/rss20.xml")
        var options = FeedParserOptions()
        options.limits.maxInputBytes = 1000
        let parser = FeedStreamParser(options: options) { _ in }
        var thrown: FeedParseError?
        var fed = 0
        do {
            for chunk in stride(from: 0, to: bytes.count, by: 256) {
                try parser.feed(Array(bytes[chunk..<min(chunk + 256, bytes.count)]))
                fed = min(chunk + 256, bytes.count)
            }
        } catch {
            thrown = error
        }
        guard case .limitExceeded(let limit, _, _)? = thrown else {
            Issue.record("expected limitExceeded, got \(String(describing: thrown))")
            return
        }
        #expect(limit == "input size")
        #expect(fed <= 1000, "the parser took \(fed) bytes before refusing")
    }

    @Test func streamingParserRefusesAnHTMLPage() throws {
        let bytes = try FixtureLoader.bytes("refusal/html-page.html")
        #expect(throws: FeedParseError.self) {
            _ = try FixtureLoader.stream(bytes, chunkSize: 16)
        }
    }

    @Test func jsonObjectThatIsNoFeedIsRefusedAsInvalidJSON() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("json/not-a-feed.json"))
        guard case .invalidJSON? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
    }

    @Test func truncatedJSONIsRefusedAsInvalidJSON() {
        let truncated = #"{"version": "https://jsonfeed.org/version/1.1", "items": ["#
        let error = FixtureLoader.refusal(of: Array(truncated.utf8))
        guard case .invalidJSON? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
    }

    @Test func byteOrderMarkAloneIsRefusedAsEmpty() {
        #expect(FixtureLoader.refusal(of: [0xEF, 0xBB, 0xBF]) == .empty)
        #expect(FixtureLoader.refusal(of: [0xEF, 0xBB, 0xBF, 0x20, 0x0A]) == .empty)
    }

    @Test func xmlDeclarationAloneIsRefusedAsUnreadable() {
        let error = FixtureLoader.refusal(of: Array("<?xml version=\"1.0\"?>\n".utf8))
        guard case .unreadable? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
    }

    @Test func xhtmlPageIsRefusedAsAPage() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/xhtml-page.xhtml"))
        guard case .notAFeed(let reason, _)? = error else {
            Issue.record("expected notAFeed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("HTML page"))
    }

    @Test func streamingParserRefusesAnEmptyDocumentAtFinish() {
        let parser = FeedStreamParser { _ in }
        #expect(throws: FeedParseError.empty) {
            try parser.feed(Array("   \n".utf8))
            _ = try parser.finish()
        }
    }

    @Test func externalParameterEntityIsRefusedAndNeverFetched() throws {
        let error = FixtureLoader.refusal(of: try FixtureLoader.bytes("refusal/xxe-parameter-entity.xml"))
        guard case .limitExceeded(let limit, let message, _)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "external entity")
        #expect(message.contains("remote"))
    }

    @Test func externalDTDInADoctypeIsNeitherFetchedNorRefused() throws {
        // rss091.xml names Netscape's DTD by URL; reading it must not need the network.
        let parsed = try FixtureLoader.parse("rss/rss091.xml")
        #expect(parsed.feed.format == .rss091)
        #expect(parsed.feed.wellFormed)
    }

    @Test func quadraticEntityBlowupIsRefusedFast() {
        // One entity of 20,000 characters referenced 20,000 times: 400 MB of text from 100 KB.
        let entity = String(repeating: "z", count: 20_000)
        let references = String(repeating: "&big;", count: 20_000)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"\(entity)\">]>\n"
            + "<rss version=\"2.0\"><channel><title>\(references)</title></channel></rss>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let error = FixtureLoader.refusal(of: Array(document.utf8))
        let elapsed = clock.now - start
        guard case .limitExceeded(let limit, _, _)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(limit == "entity amplification")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }
}
