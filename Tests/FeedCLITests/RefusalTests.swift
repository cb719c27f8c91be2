import FeedTestSupport
import Foundation
import Testing

/// Documents that hold no feed, or that attack the reader, get one clear line on standard error,
/// exit status 1, and cost well under a second of CPU.
@Suite("Refused documents")
struct RefusalTests {
    private func expectRefusal(_ outcome: FeedProcess.Outcome, mentioning words: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 1, "exit status", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(words), "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)",
                sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(outcome.cpuSeconds < 1.0, "CPU seconds: \(outcome.cpuSeconds)", sourceLocation: sourceLocation)
    }

    @Test func externalEntityDeclarationIsRefusedAndNeverRead() throws {
        let file = try TemporaryFile("xxe.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["parse", file.path, "--json"])
        expectRefusal(outcome, mentioning: "external entity 'secret'")
        #expect(!outcome.stderr.contains("root:"))
    }

    @Test func billionLaughsIsRefusedFast() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let file = try TemporaryFile("laughs.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "refused: entity references")
    }

    @Test func oneGigabyteOfNestedElementsIsRefusedAtTheDepthLimit() throws {
        let outcome = try FeedProcess.run(["parse", "-"], stdin: .repeating(
            prefix: Array("<rss version=\"2.0\"><channel><item>".utf8),
            chunk: Array(String(repeating: "<a>", count: 20_000).utf8), total: 1 << 30))
        expectRefusal(outcome, mentioning: "nested deeper than")
    }

    @Test func nestedElementsThatAreNoFeedAreRefusedAtTheRoot() throws {
        let outcome = try FeedProcess.run(["parse", "-"], stdin: .repeating(
            prefix: [], chunk: Array(String(repeating: "<a>", count: 20_000).utf8), total: 1 << 30))
        expectRefusal(outcome, mentioning: "root element <a> is not a feed")
    }

    @Test func emptyFileIsRefused() throws {
        let file = try TemporaryFile("empty.xml", contents: [])
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "empty.xml: the document is empty")
    }

    @Test func htmlPageIsRefusedAsAPage() throws {
        let file = try TemporaryFile("page.html", text: """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Home</title></head>
            <body><h1>Welcome</h1><p>No feed here.<br></p></body></html>
            """)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "page.html:2:1: this is an HTML page")
    }

    @Test func randomBytesAreRefused() throws {
        var generator = SeededRandom(seed: 0x5EED)
        let bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let file = try TemporaryFile("noise.bin", contents: bytes)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "noise.bin")
    }
}

