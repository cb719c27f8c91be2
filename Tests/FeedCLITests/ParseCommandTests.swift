import Foundation
import Testing

@Suite("feed parse and feed bench")
struct ParseCommandTests {
    static let sample = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Harbour Notes</title>
          <link>https://harbour.example/</link>
          <description>Tides &amp; boats</description>
          <item>
            <title>Spring tide</title>
            <link>https://harbour.example/spring</link>
            <dc:creator>Mara Quay</dc:creator>
            <pubDate>Mon, 09 Jan 2017 22:30:00 +0000</pubDate>
          </item>
        </channel>
        </rss>
        """

    @Test func summaryShowsFormatTitleAndOneLinePerEntry() throws {
        let file = try TemporaryFile("harbour.xml", text: Self.sample)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["parse", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("format   rss2.0, utf-8\n"))
        #expect(outcome.stdout.contains("title    Harbour Notes\n"))
        #expect(outcome.stdout.contains("link     https://harbour.example/\n"))
        #expect(outcome.stdout.contains("  2017-01-09 22:30  Mara Quay  Spring tide\n"))
    }

    @Test func jsonFollowsTheContract() throws {
        let file = try TemporaryFile("harbour.xml", text: Self.sample)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["parse", file.path, "--json"])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rss2.0")
        #expect(object["wellFormed"] as? Bool == true)
        #expect(object["encoding"] as? String == "utf-8")
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.first?["published"] as? String == "2017-01-09T22:30:00Z")
        #expect(entries.first?["authors"] as? [[String: String]] == [["name": "Mara Quay"]])
    }

    @Test func standardInputIsReadWithADash() throws {
        let outcome = try FeedProcess.run(["parse", "-"], stdin: .bytes(Array(Self.sample.utf8)))
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Harbour Notes"))
    }

    @Test func missingFileIsAnIOErrorWithStatus2() throws {
        let outcome = try FeedProcess.run(["parse", "/nonexistent/feed.xml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "feed: /nonexistent/feed.xml: No such file or directory\n")
    }

    @Test func unknownOptionIsAUsageErrorWithStatus2() throws {
        let outcome = try FeedProcess.run(["parse", "--no-such-option", "x.xml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--no-such-option"))
    }

    @Test func illFormedFeedIsReadAndListsItsProblemsOnRequest() throws {
        let file = try TemporaryFile("broken.xml", text: """
            <rss version="2.0"><channel><title>Caf&eacute; &amp; bar</title>
            <item><title>Unclosed <b>bold</title></item>
            </channel></rss>
            """)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["parse", file.path, "--diagnostics"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("not well-formed"))
        #expect(outcome.stdout.contains("Café & bar"))
        #expect(outcome.stderr.contains("broken.xml:1:"))
        #expect(outcome.stderr.contains("[undeclared-entity]"))
    }

    @Test func benchPrintsExactlyTheProtocolLine() throws {
        let file = try TemporaryFile("harbour.xml", text: Self.sample)
        defer { file.remove() }
        let outcome = try FeedProcess.run(["bench", file.path, "--repeat", "3"])
        #expect(outcome.status == 0)
        let line = outcome.stdout.trimmingCharacters(in: .newlines)
        let fields = line.split(separator: " ").map { $0.split(separator: "=").first.map(String.init) ?? "" }
        #expect(fields == ["entries", "seconds", "peak_rss_kb"])
        #expect(line.hasPrefix("entries=1 seconds="))
    }

    @Test func helpTeachesWithExamples() throws {
        let outcome = try FeedProcess.run(["parse", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Examples:"))
        #expect(outcome.stdout.contains("--sanitize"))
    }
}

@Suite("feed parse over HTTP")
struct ParseOverHTTPTests {
    @Test func urlIsFetchedAndItsContentTypeCharsetIsUsed() throws {
        // The body is windows-1252 while the document declares UTF-8: the HTTP charset wins.
        let body = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
            + [0xE9] + Array("</title><link>https://cafe.example/</link></channel></rss>".utf8)
        let server = try LoopbackHTTPServer(headers: ["Content-Type": "application/rss+xml; charset=windows-1252"],
                                            body: body)
        defer { server.stop() }
        let outcome = try FeedProcess.run(["parse", server.url, "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("\"value\" : \"Café\""))
        #expect(outcome.stdout.contains("\"encoding\" : \"windows-1252\""))
    }

    @Test func relativeLinksResolveAgainstTheFetchedAddress() throws {
        let body = Array("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><link href=\"/home\"/></feed>".utf8)
        let server = try LoopbackHTTPServer(headers: ["Content-Type": "application/atom+xml"], body: body)
        defer { server.stop() }
        let outcome = try FeedProcess.run(["parse", server.url, "--json"])
        #expect(outcome.stdout.contains("\"href\" : \"http://127.0.0.1:\(server.port)/home\""))
    }

    @Test func httpErrorIsAnIOErrorWithStatus2() throws {
        let server = try LoopbackHTTPServer(status: "404 Not Found", body: Array("gone".utf8))
        defer { server.stop() }
        let outcome = try FeedProcess.run(["parse", server.url])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "feed: \(server.url): HTTP 404 Not Found\n")
    }
}
