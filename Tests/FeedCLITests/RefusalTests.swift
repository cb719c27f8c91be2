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
        let file = try TemporaryFile("xxe.xml", text: HostileDocuments.externalEntity)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["parse", file.path, "--json"])
        expectRefusal(outcome, mentioning: "external entity 'secret'")
        #expect(!outcome.stderr.contains("root:"))
    }

    @Test func billionLaughsIsRefusedFast() throws {
        let file = try TemporaryFile("laughs.xml", text: HostileDocuments.billionLaughs)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "refused: entity references")
    }

    @Test func oneGigabyteOfNestedElementsIsRefusedAtTheDepthLimit() throws {
        let outcome = try FeedProcess.run(["parse", "-"], stdin: HostileDocuments.deeplyNestedFeed)
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
        let file = try TemporaryFile("page.html", text: HostileDocuments.htmlPage)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "page.html:2:1: this is an HTML page")
    }

    @Test func randomBytesAreRefused() throws {
        let file = try TemporaryFile("noise.bin", contents: HostileDocuments.randomBytes)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["parse", file.path]), mentioning: "noise.bin")
    }
}

