import Foundation
import Testing

@Suite("feed import")
struct ImportCommandTests {
    static func feed(selfLink: String? = nil, items: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
            <title>Quay Notes</title><link>https://quay.example/</link>

            """
        if let selfLink { xml += "<atom:link rel=\"self\" href=\"\(selfLink)\"/>\n" }
        for index in 1...items {
            xml += "<item><guid>urn:quay:\(index)</guid><title>Note \(index)</title></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    @Test func oneLinePerSourceAndStatus1WhenOneFailed() throws {
        let file = try TemporaryFile("quay.xml", text: Self.feed(items: 2))
        defer { file.remove() }
        let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
        let store = folder + "/store.sqlite"
        let missing = folder + "/missing.xml"

        let first = try FeedProcess.run(["import", file.path, missing, "--store", store])
        let second = try FeedProcess.run(["import", file.path, "--store", store])

        #expect(first.status == 1)
        #expect(first.stdout == """
            \(file.path): 2 new, 0 updated, 0 unchanged
            \(missing): failed: No such file or directory

            """)
        #expect(first.stderr == "feed: 1 of 2 sources failed\n")
        #expect(second.status == 0)
        #expect(second.stdout == "\(file.path): 0 new, 0 updated, 2 unchanged\n")
        #expect(second.stderr.isEmpty)
    }

    @Test func aFeedOverHTTPIsImported() throws {
        let server = try LoopbackHTTPServer(headers: ["Content-Type": "application/rss+xml"],
                                            body: Array(Self.feed(items: 3).utf8))
        defer { server.stop() }
        let file = try TemporaryFile("placeholder", text: "")
        defer { file.remove() }
        let store = URL(fileURLWithPath: file.path).deletingLastPathComponent().path + "/store.sqlite"

        let outcome = try FeedProcess.run(["import", server.url, "--store", store, "--timeout", "5"])

        #expect(outcome.status == 0)
        #expect(outcome.stdout == "\(server.url): 3 new, 0 updated, 0 unchanged\n")
    }

    @Test func standardInputIsNamedWithTheAddressItIsStoredUnder() throws {
        let file = try TemporaryFile("placeholder", text: "")
        defer { file.remove() }
        let store = URL(fileURLWithPath: file.path).deletingLastPathComponent().path + "/store.sqlite"
        let document = Self.feed(selfLink: "https://quay.example/feed.xml", items: 1)

        let outcome = try FeedProcess.run(["import", "-", "--store", store], stdin: .bytes(Array(document.utf8)))

        #expect(outcome.status == 0)
        #expect(outcome.stdout == "standard input (https://quay.example/feed.xml): 1 new, 0 updated, 0 unchanged\n")
    }

    @Test func aStoreThatCannotBeOpenedIsStatus2() throws {
        let file = try TemporaryFile("quay.xml", text: Self.feed(items: 1))
        defer { file.remove() }

        let outcome = try FeedProcess.run(["import", file.path, "--store", file.path + "/store.sqlite"])

        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("feed: "))
    }

    @Test func badOptionsAreUsageErrorsWithStatus2() throws {
        #expect(try FeedProcess.run(["import"]).status == 2)
        #expect(try FeedProcess.run(["import", "a.xml", "--jobs", "0"]).status == 2)
        #expect(try FeedProcess.run(["import", "a.xml", "--max-size", "12X"]).status == 2)
    }
}
