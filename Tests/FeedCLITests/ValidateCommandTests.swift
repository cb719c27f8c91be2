import FeedTestSupport
import Foundation
import Testing

@Suite("feed validate")
struct ValidateCommandTests {
    static let validAtom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <id>tag:harbour.example,2024:feed</id>
          <title>Harbour Notes</title>
          <updated>2024-05-01T08:00:00Z</updated>
          <link rel="self" href="https://harbour.example/feed.atom"/>
          <author><name>Mara Quay</name></author>
          <entry>
            <id>tag:harbour.example,2024:spring-tide</id>
            <title>Spring tide</title>
            <link href="https://harbour.example/spring-tide"/>
            <updated>2024-04-30T21:15:00Z</updated>
          </entry>
        </feed>
        """

    static let atomWithoutID = validAtom.replacingOccurrences(of: "  <id>tag:harbour.example,2024:feed</id>\n", with: "")
    static let atomWithWarning = validAtom.replacingOccurrences(of: "https://harbour.example/spring-tide\"", with: "/spring-tide\"")

    @Test func validFeedPrintsNothingAndExits0() throws {
        let file = try TemporaryFile("atom.xml", text: Self.validAtom)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["validate", file.path])
        #expect(outcome.status == 0, "stdout: \(outcome.stdout) stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func errorIsACompilerStyleLineAndExits1() throws {
        let file = try TemporaryFile("atom.xml", text: Self.atomWithoutID)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["validate", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "\(file.path):2:1: error: feed has no <id> (RFC 4287 §4.1.1) [missing-element]\n")
    }

    @Test func warningsAloneExit0() throws {
        let file = try TemporaryFile("atom.xml", text: Self.atomWithWarning)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["validate", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(": warning: ") && outcome.stdout.contains("[relative-uri]"))
    }

    @Test func quietLeavesOutWarnings() throws {
        let warned = try TemporaryFile("warned.xml", text: Self.atomWithWarning)
        let broken = try TemporaryFile("broken.xml", text: Self.atomWithoutID)
        defer { warned.remove(); broken.remove() }
        let outcome = try FeedProcess.run(["validate", "--quiet", warned.path, broken.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "\(broken.path):2:1: error: feed has no <id> (RFC 4287 §4.1.1) [missing-element]\n")
    }

    @Test func jsonPrintsOneContractObjectPerFile() throws {
        let good = try TemporaryFile("good.xml", text: Self.validAtom)
        let bad = try TemporaryFile("bad.xml", text: Self.atomWithoutID)
        defer { good.remove(); bad.remove() }
        let outcome = try FeedProcess.run(["validate", "--format", "json", good.path, bad.path])
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["file"] as? String == good.path)
        #expect(first["format"] as? String == "atom1.0")
        #expect(first["valid"] as? Bool == true)
        #expect((first["diagnostics"] as? [Any])?.isEmpty == true)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let diagnostic = try #require((second["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(diagnostic.keys) == ["severity", "code", "message", "line", "column", "path"])
        #expect(diagnostic["path"] as? String == "/feed")
    }

    @Test func sarifIsOneLogForAllFiles() throws {
        let bad = try TemporaryFile("bad.xml", text: Self.atomWithoutID)
        defer { bad.remove() }
        let outcome = try FeedProcess.run(["validate", "--format", "sarif", bad.path])
        #expect(outcome.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let results = try #require(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.first?["ruleId"] as? String == "missing-element")
    }

    @Test func standardInputIsReadWithADashAndContentTypeIsChecked() throws {
        let outcome = try FeedProcess.run(["validate", "-", "--content-type", "application/atom+xml; charset=iso-8859-1"],
                                          stdin: .bytes(Array(Self.validAtom.utf8)))
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("<stdin>:1:1: warning: ") && outcome.stdout.contains("[charset-mismatch]"))
    }

    @Test func urlIsFetchedWithItsContentType() throws {
        let server = try LoopbackHTTPServer(headers: ["Content-Type": "application/atom+xml"], body: Array(Self.atomWithoutID.utf8))
        defer { server.stop() }
        let outcome = try FeedProcess.run(["validate", server.url])
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("\(server.url):2:1: error: feed has no <id>"))
    }

    @Test func missingFileExits2AndTheOthersAreStillChecked() throws {
        let good = try TemporaryFile("good.xml", text: Self.validAtom)
        defer { good.remove() }
        let outcome = try FeedProcess.run(["validate", "/nonexistent/feed.xml", good.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "feed: /nonexistent/feed.xml: No such file or directory\n")
    }

    @Test func badArgumentsExit2() throws {
        #expect(try FeedProcess.run(["validate"]).status == 2)
        #expect(try FeedProcess.run(["validate", "--format", "xml", "f.xml"]).status == 2)
    }

    @Test func helpTeachesWithExamples() throws {
        let outcome = try FeedProcess.run(["validate", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("feed validate feeds/atom.xml"))
        #expect(outcome.stdout.contains("--quiet"))
        #expect(outcome.stdout.contains("docs/validation-codes.md"))
    }

    @Test func benchMeasuresTheValidator() throws {
        let file = try TemporaryFile("atom.xml", text: Self.validAtom)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["bench", file.path, "--validate", "--repeat", "3"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("entries=1 seconds="))
    }
}

/// The reader's hostile documents: `feed validate` answers each with a diagnostic and status 1
/// (or 2), quickly, never with a crash or a hang.
@Suite("feed validate on hostile documents")
struct ValidateHostileDocumentTests {
    private func expectRefusal(_ outcome: FeedProcess.Outcome, mentioning words: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 1 || outcome.status == 2, "exit status \(outcome.status)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.contains(words), "stdout: \(outcome.stdout.prefix(2000))", sourceLocation: sourceLocation)
        #expect(outcome.stderr.isEmpty || outcome.status == 2, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.cpuSeconds < 2.0, "CPU seconds: \(outcome.cpuSeconds)", sourceLocation: sourceLocation)
    }

    @Test func externalEntityDeclarationIsRefusedAndNeverRead() throws {
        let file = try TemporaryFile("xxe.xml", text: HostileDocuments.externalEntity)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["validate", file.path])
        expectRefusal(outcome, mentioning: "external entity 'secret'")
        #expect(!outcome.stdout.contains("root:"))
    }

    @Test func billionLaughsIsRefusedFast() throws {
        let file = try TemporaryFile("laughs.xml", text: HostileDocuments.billionLaughs)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["validate", file.path]), mentioning: "[limit-exceeded]")
    }

    @Test func oneGigabyteOfNestedElementsIsRefusedAtTheDepthLimit() throws {
        let outcome = try FeedProcess.run(["validate", "-"], stdin: HostileDocuments.deeplyNestedFeed)
        expectRefusal(outcome, mentioning: "nested deeper than")
    }

    @Test func emptyFileIsNotAFeed() throws {
        let file = try TemporaryFile("empty.xml", contents: [])
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["validate", file.path]), mentioning: "empty.xml:1:1: error:")
    }

    @Test func htmlPageIsNotAFeed() throws {
        let file = try TemporaryFile("page.html", text: HostileDocuments.htmlPage)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["validate", file.path]), mentioning: "page.html:2:1: error: this is an HTML page")
    }

    @Test func randomBytesGetADiagnostic() throws {
        let file = try TemporaryFile("noise.bin", contents: HostileDocuments.randomBytes)
        defer { file.remove() }
        expectRefusal(try FeedProcess.run(["validate", file.path]), mentioning: "noise.bin:1:")
    }
}
