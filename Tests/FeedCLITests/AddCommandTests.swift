import Foundation
import Testing

/// `feed add` end to end: the built binary, a site folder of its own and a temporary store.
@Suite("feed add")
struct AddCommandTests {
    /// A fresh folder with `site.toml` and article files, removed by `remove()`.
    struct SiteFolder {
        let path: String

        init(articles: [String: String]) throws {
            path = FileManager.default.temporaryDirectory
                .appendingPathComponent("feed-add-tests-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try write("site.toml", """
                title = "Harbour Notes"
                link = "https://harbour.example/"
                self = "https://harbour.example/feeds/atom.xml"

                [author]
                name = "admin"
                email = "admin@harbour.example"
                """)
            for (name, text) in articles { try write(name, text) }
        }

        func file(_ name: String) -> String { "\(path)/\(name)" }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        }

        /// `feed add` with this folder's settings and store.
        func add(_ arguments: [String]) throws -> FeedProcess.Outcome {
            try FeedProcess.run(["add"] + arguments + ["--settings", file("site.toml"), "--store", file("store.sqlite")])
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static let export = """
        Spring tide expected on Thursday

        The harbour master expects the highest tide of the year
        on Thursday evening.

        Author: admin

        Leave a comment
        """
    static let markdown = """
        ---
        title: Boats & berths
        published: 2024-04-02T08:00:00Z
        ---
        Berths are *free* again.
        """

    @Test func addPrintsNewWithTheIDForEachFile() throws {
        let site = try SiteFolder(articles: ["2024-04-01-spring-tide.txt": Self.export, "berths.md": Self.markdown])
        defer { site.remove() }
        let outcome = try site.add([site.file("2024-04-01-spring-tide.txt"), site.file("berths.md")])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == """
            \(site.file("2024-04-01-spring-tide.txt")): new tag:harbour.example,2024-04-01:/spring-tide
            \(site.file("berths.md")): new tag:harbour.example,2024-04-02:/berths

            """)
    }

    @Test func reAddingUnchangedFilesReportsUnchanged() throws {
        let site = try SiteFolder(articles: ["2024-04-01-spring-tide.txt": Self.export])
        defer { site.remove() }
        _ = try site.add([site.file("2024-04-01-spring-tide.txt")])
        let again = try site.add([site.file("2024-04-01-spring-tide.txt")])
        #expect(again.status == 0)
        #expect(again.stdout == "\(site.file("2024-04-01-spring-tide.txt")): unchanged tag:harbour.example,2024-04-01:/spring-tide\n")
    }

    @Test func editingAFileReportsUpdatedUnderTheSameID() throws {
        let site = try SiteFolder(articles: ["berths.md": Self.markdown])
        defer { site.remove() }
        _ = try site.add([site.file("berths.md")])
        try site.write("berths.md", Self.markdown.replacingOccurrences(of: "free", with: "taken"))
        let edited = try site.add([site.file("berths.md")])
        #expect(edited.status == 0)
        #expect(edited.stdout == "\(site.file("berths.md")): updated tag:harbour.example,2024-04-02:/berths\n")
    }

    @Test func badFileIsOneLineAndExit1WhileTheOthersAreAdded() throws {
        let site = try SiteFolder(articles: [
            "bad.md": "---\ntitle: Typo\npublised: 2024-04-03\n---\nBody\n",
            "berths.md": Self.markdown,
        ])
        defer { site.remove() }
        let outcome = try site.add([site.file("bad.md"), site.file("berths.md")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(site.file("bad.md")):3: unknown front matter key 'publised'"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stdout == "\(site.file("berths.md")): new tag:harbour.example,2024-04-02:/berths\n")
    }

    /// The date is part of the tag URI: renaming the file to another day makes a new article, and
    /// `feed add` names the one stored under the old id.
    @Test func changingTheDateNamesTheArticleStoredUnderTheOldID() throws {
        let site = try SiteFolder(articles: ["2024-04-01-spring-tide.txt": Self.export, "2024-04-02-spring-tide.txt": Self.export])
        defer { site.remove() }
        _ = try site.add([site.file("2024-04-01-spring-tide.txt")])
        let moved = try site.add([site.file("2024-04-02-spring-tide.txt")])
        #expect(moved.status == 0)
        #expect(moved.stdout.hasSuffix(": new tag:harbour.example,2024-04-02:/spring-tide\n"))
        #expect(moved.stderr == "\(site.file("2024-04-02-spring-tide.txt")): note: the store also holds tag:harbour.example,2024-04-01:/spring-tide with this slug; if this file's date changed, remove that one with 'feed remove'\n")
    }

    @Test func fileWithNoDateSaysHowToGiveOne() throws {
        let site = try SiteFolder(articles: ["undated.txt": Self.export])
        defer { site.remove() }
        let outcome = try site.add([site.file("undated.txt")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(site.file("undated.txt")): no publication date: name the file YYYY-MM-DD-undated.txt, or pass --published\n")
        let dated = try site.add([site.file("undated.txt"), "--published", "2024-04-05"])
        #expect(dated.status == 0)
        #expect(dated.stdout.hasSuffix(": new tag:harbour.example,2024-04-05:/undated\n"))
    }

    @Test func missingArticleFileIsAnIOErrorWithStatus2() throws {
        let site = try SiteFolder(articles: ["berths.md": Self.markdown])
        defer { site.remove() }
        let outcome = try site.add([site.file("missing.md"), site.file("berths.md")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(site.file("missing.md")): No such file or directory\n")
        #expect(outcome.stdout.contains(": new "))
    }

    @Test func unreadableSettingsAreStatus2() throws {
        let site = try SiteFolder(articles: ["berths.md": Self.markdown])
        defer { site.remove() }
        try site.write("site.toml", "title = \"T\"\nlink = \"https://t.example/\"\ntheme = \"dark\"\n")
        let outcome = try site.add([site.file("berths.md")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("feed: \(site.file("site.toml")):3: unknown key 'theme'"))
        #expect(!FileManager.default.fileExists(atPath: site.file("store.sqlite")))
    }

    @Test func dryRunPrintsTheEntriesAsJSONWithoutStoring() throws {
        let site = try SiteFolder(articles: ["berths.md": Self.markdown])
        defer { site.remove() }
        let outcome = try site.add([site.file("berths.md"), "--dry-run", "--author", "Mara Quay"])
        #expect(outcome.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["id"] as? String == "tag:harbour.example,2024-04-02:/berths")
        #expect(entries.first?["authors"] as? [[String: String]] == [["name": "Mara Quay"]])
        #expect((entries.first?["content"] as? [String: String])?["value"] == "<p>Berths are <em>free</em> again.</p>")
        #expect(!FileManager.default.fileExists(atPath: site.file("store.sqlite")))
    }

    @Test func unreadablePublishedDateIsAUsageError() throws {
        let site = try SiteFolder(articles: ["berths.md": Self.markdown])
        defer { site.remove() }
        let outcome = try site.add([site.file("berths.md"), "--published", "soon"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--published 'soon' is not a date"))
    }

    /// The example site in the repository stays valid: every article reads with its settings.
    @Test func exampleSiteArticlesAllRead() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("feeds/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 3)
        let outcome = try FeedProcess.run(["add", "--dry-run", "--settings", root.appendingPathComponent("feeds/site.toml").path]
                                          + names.map { folder.appendingPathComponent($0).path })
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(ids.contains("tag:syndication.example,2017-01-09:/jack-ma-meets-trump"))
        #expect(Set(ids).count == names.count)
    }
}
