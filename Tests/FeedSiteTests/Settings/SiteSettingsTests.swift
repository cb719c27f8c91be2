import FeedModel
import FeedSite
import Testing

@Suite("Site settings")
struct SiteSettingsTests {
    @Test func exampleSettingsLoadEveryKey() throws {
        let settings = try SiteSettings.load(from: try SiteFixtures.path("settings/site.toml"))
        #expect(settings.title == "Syndication Notes")
        #expect(settings.subtitle == "Notes on feeds, and on the tool that reads, stores and writes them")
        #expect(settings.link == "https://syndication.example/")
        #expect(settings.selfLink == "https://syndication.example/feeds/atom.xml")
        #expect(settings.id == "tag:syndication.example,2017:feed")
        #expect(settings.language == "en")
        #expect(settings.domain == "syndication.example")
        #expect(settings.permalink.template == "{link}/{year}/{slug}/")
        #expect(settings.author == Person(name: "admin", email: "admin@syndication.example",
                                          uri: "https://syndication.example/about/"))
    }

    @Test func minimalSettingsTakeTheDefaults() throws {
        let settings = try SiteSettings.load(from: try SiteFixtures.path("settings/minimal.toml"))
        #expect(settings.id == "https://minimal.example/")
        #expect(settings.domain == "minimal.example")
        #expect(settings.permalink == .standard)
        #expect(settings.selfLink == nil)
        #expect(settings.author == nil)
        #expect(settings.subtitle == nil)
    }

    @Test func missingFileIsUnreadableWithTheSystemsReason() throws {
        let error = try #require(throws: SiteSettingsError.self) { try SiteSettings.load(from: "/nonexistent/site.toml") }
        #expect(error.description == "/nonexistent/site.toml: cannot read the site settings: No such file or directory")
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let path = try SiteFixtures.path("settings/syntax-error.toml")
        let error = try #require(throws: SiteSettingsError.self) { try SiteSettings.load(from: path) }
        #expect(error.line == 2)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("\(path):2:"))
        #expect(!error.description.contains("\n"))
    }

    @Test func unknownKeyIsReportedWithItsLine() throws {
        let path = try SiteFixtures.path("settings/unknown-key.toml")
        let error = try #require(throws: SiteSettingsError.self) { try SiteSettings.load(from: path) }
        #expect(error.line == 4)
        #expect(error.reason == .unknownKey("subtitel", table: nil, known: SiteSettings.topLevelKeys))
        #expect(error.description.hasPrefix("\(path):4: unknown key 'subtitel' (known: title, subtitle,"))
    }

    @Test func unknownAuthorKeyIsReportedWithItsLine() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.load(from: try SiteFixtures.path("settings/unknown-author-key.toml"))
        }
        #expect(error.line == 6)
        #expect(error.message == "unknown key 'author.mail' (known in [author]: name, email, uri)")
    }

    @Test func wrongTypeNamesTheKeyAndTheLine() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.load(from: try SiteFixtures.path("settings/wrong-type.toml"))
        }
        #expect(error.line == 1)
        #expect(error.message == "'title' must be a string, not integer")
    }

    @Test func badPermalinkTemplateIsReportedWithItsLine() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.load(from: try SiteFixtures.path("settings/bad-permalink.toml"))
        }
        #expect(error.line == 3)
        #expect(error.message.contains("unknown placeholder '{month_name}'"))
    }

    @Test func missingTitleIsReported() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.parse("link = \"https://a.example/\"\n", file: "inline.toml")
        }
        #expect(error.description == "inline.toml: the site settings need 'title'")
    }

    @Test func relativeLinkIsRejected() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.parse("title = \"T\"\n\nlink = \"/blog/\"\n", file: "inline.toml")
        }
        #expect(error.line == 3)
        #expect(error.reason == .invalidValue(key: "link", problem: "'/blog/' is not an absolute http(s) URL"))
    }

    @Test func authorTableNeedsAName() throws {
        let error = try #require(throws: SiteSettingsError.self) {
            try SiteSettings.parse("title = \"T\"\nlink = \"https://a.example/\"\n[author]\nemail = \"a@a.example\"\n", file: "inline.toml")
        }
        #expect(error.reason == .missingKey("author.name"))
        #expect(error.line == 3)
    }

    @Test func feedMetadataCarriesIdTitleLinksAuthorAndLanguageButNoUpdated() throws {
        let settings = try SiteSettings.load(from: try SiteFixtures.path("settings/site.toml"))
        let feed = settings.feedMetadata()
        #expect(feed.format == .atom10)
        #expect(feed.id == "tag:syndication.example,2017:feed")
        #expect(feed.title == Text("Syndication Notes"))
        #expect(feed.subtitle == Text("Notes on feeds, and on the tool that reads, stores and writes them"))
        #expect(feed.links == [
            Link(href: "https://syndication.example/feeds/atom.xml", rel: "self", type: "application/atom+xml"),
            Link(href: "https://syndication.example/", rel: "alternate", type: "text/html"),
        ])
        #expect(feed.authors == [try #require(settings.author)])
        #expect(feed.language == "en")
        #expect(feed.updated == nil)
        #expect(feed.entries.isEmpty)
    }

    @Test func feedMetadataWithoutSelfHasOnlyTheAlternateLink() throws {
        let feed = try SiteSettings.load(from: try SiteFixtures.path("settings/minimal.toml")).feedMetadata()
        #expect(feed.links.map(\.rel) == ["alternate"])
        #expect(feed.authors.isEmpty)
    }

    @Test func personNamedLikeTheDefaultAuthorIsTheDefaultAuthor() {
        let settings = SiteFixtures.settings
        #expect(settings.person(named: "admin") == settings.author)
        #expect(settings.person(named: "Someone") == Person(name: "Someone"))
    }
}
