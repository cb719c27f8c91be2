import FeedModel
import FeedSite
import Foundation

/// The files under `Fixtures/` (copied into the test bundle whole; `Fixtures/README.md` says what
/// each is for) and settings built in code.
enum SiteFixtures {
    struct MissingFixture: Error, CustomStringConvertible {
        let path: String
        var description: String { "no fixture at Fixtures/\(path) in the test bundle" }
    }

    /// The absolute path of `Fixtures/<path>`.
    static func path(_ path: String) throws -> String {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw MissingFixture(path: path)
        }
        let file = directory.appendingPathComponent(path).path
        guard FileManager.default.fileExists(atPath: file) else { throw MissingFixture(path: path) }
        return file
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: self.path(path), encoding: .utf8)
    }

    /// A site like the example one, built without a file.
    static let settings = SiteSettings(
        title: "Syndication Notes", link: "https://syndication.example/",
        selfLink: "https://syndication.example/feeds/atom.xml", id: "tag:syndication.example,2017:feed",
        language: "en", domain: "syndication.example",
        author: Person(name: "admin", email: "admin@syndication.example", uri: "https://syndication.example/about/"))

    static func reader(author: String? = nil, published: String? = nil) -> SiteArticleReader {
        SiteArticleReader(settings: settings,
                          overrides: SiteArticleOverrides(author: author, published: published.flatMap(moment)))
    }

    static func moment(_ rfc3339: String) -> Timestamp? {
        Timestamp(rfc3339: rfc3339)
    }
}
