import FeedModel
import FeedSite
import Testing

@Suite("Article files into entries")
struct SiteArticleReaderTests {
    @Test func exportBecomesAnEntryWithTheDefaultAuthorsDetails() throws {
        let path = try SiteFixtures.path("articles/2016-11-02-harbour-ferry-timetable.txt")
        let entry = try SiteFixtures.reader().read(file: path)
        #expect(entry.id == "tag:syndication.example,2016-11-02:/harbour-ferry-timetable")
        #expect(entry.title == Text("Harbour council approves the winter ferry timetable"))
        #expect(entry.links == [Link(href: "https://syndication.example/2016/harbour-ferry-timetable/",
                                     rel: "alternate", type: "text/html")])
        #expect(entry.published?.rfc3339 == "2016-11-02T00:00:00Z")
        #expect(entry.authors == [Person(name: "admin", email: "admin@syndication.example",
                                         uri: "https://syndication.example/about/")])
        #expect(entry.content?.type == "html")
        #expect(entry.content?.value.hasPrefix("<p>The council voted on Tuesday") == true)
        #expect(entry.summary == nil)
    }

    @Test func everyFrontMatterKeyReachesTheEntry() throws {
        let entry = try SiteFixtures.reader().read(file: try SiteFixtures.path("articles/every-key.md"))
        #expect(entry.id == "urn:uuid:6f1c2d4e-8a2b-4c1d-9e3f-0a1b2c3d4e5f")
        #expect(entry.title == Text("Notes: every key"))
        #expect(entry.authors == [Person(name: "Mara Quay", email: "mara@syndication.example",
                                         uri: "https://syndication.example/mara/")])
        #expect(entry.published?.rfc3339 == "2024-03-02T08:30:00Z")
        #expect(entry.updated?.rfc3339 == "2024-03-04T12:00:00Z")
        #expect(entry.links.first?.href == "https://syndication.example/2024/every-key-explained/")
        #expect(entry.categories == [Category(term: "site"), Category(term: "front matter")])
        #expect(entry.summary == Text("A file that uses every front matter key."))
        #expect(entry.content?.value.hasPrefix("<h1>A heading that is not the title</h1>") == true)
        #expect(entry.content?.value.contains("<em>emphasis</em>") == true)
    }

    @Test func defaultAuthorAppliesWhenTheFileNamesNone() throws {
        let entry = try SiteFixtures.reader().read(file: try SiteFixtures.path("articles/2024-02-29-leap-day-notes.md"))
        #expect(entry.authors == [try #require(SiteFixtures.settings.author)])
        #expect(entry.categories.map(\.term) == ["notes", "calendar"])
    }

    @Test func authorFlagOverridesTheFile() throws {
        let entry = try SiteFixtures.reader(author: "Guest Writer")
            .read(file: try SiteFixtures.path("articles/every-key.md"))
        #expect(entry.authors == [Person(name: "Guest Writer")])
    }

    @Test func authorNamedLikeTheDefaultAuthorGetsTheirEmail() throws {
        let entry = try SiteFixtures.reader().entry(text: "---\ntitle: T\nauthor: admin\n---\nx\n", file: "2024-01-01-a.md")
        #expect(entry.authors.first?.email == "admin@syndication.example")
    }

    @Test func emailWithoutAnAuthorIsAnErrorNamingItsLine() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "---\ntitle: T\nemail: a@b.example\n---\n", file: "2024-01-01-a.md")
        }
        #expect(error.description == "2024-01-01-a.md:3: 'email' needs an 'author:' line naming whose it is")
    }

    @Test func firstHeadingIsTheTitleWhenTheFrontMatterHasNone() throws {
        let entry = try SiteFixtures.reader().entry(text: "# From the heading\n\nText.\n", file: "2024-01-01-a.md")
        #expect(entry.title == Text("From the heading"))
    }

    @Test func markdownWithoutAnyTitleIsAnError() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "Just text.\n", file: "2024-01-01-a.md")
        }
        #expect(error.line == 1)
        #expect(error.message.hasPrefix("no title"))
    }

    @Test func errorsNameTheFileAndTheLine() throws {
        let path = try SiteFixtures.path("articles/misspelt-key.md")
        let error = try #require(throws: ArticleError.self) { try SiteFixtures.reader().read(file: path) }
        #expect(error.kind == .invalid)
        #expect(error.description.hasPrefix("\(path):3: unknown front matter key 'publised'"))
    }

    @Test func unreadableFileIsTheUnreadableKind() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().read(file: "/nonexistent/2024-01-01-a.md")
        }
        #expect(error == ArticleError(kind: .unreadable, file: "/nonexistent/2024-01-01-a.md",
                                      message: "No such file or directory"))
    }

    @Test func unknownExtensionIsAnError() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "Title\n", file: "2024-01-01-a.rst")
        }
        #expect(error.message.contains("'.rst'"))
    }

    @Test func unreadableDateNamesItsLine() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "---\ntitle: T\n\npublished: next Tuesday\n---\n", file: "a.md")
        }
        #expect(error.line == 4)
        #expect(error.message.hasPrefix("cannot read 'next Tuesday' as a date"))
    }

    @Test func updatedEarlierThanPublishedIsAnError() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(
                text: "---\ntitle: T\npublished: 2024-03-02\nupdated: 2024-03-01\n---\n", file: "a.md")
        }
        #expect(error.line == 4)
    }

    @Test func slugThatNormalisesToNothingIsAnError() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "---\ntitle: T\nslug: ---!!!\n---\n", file: "2024-01-01-a.md")
        }
        #expect(error.line == 3)
    }

    @Test func idThatIsNoIRIIsAnError() throws {
        let error = try #require(throws: ArticleError.self) {
            try SiteFixtures.reader().entry(text: "---\ntitle: T\nid: my article\n---\n", file: "2024-01-01-a.md")
        }
        #expect(error.line == 3)
    }
}
