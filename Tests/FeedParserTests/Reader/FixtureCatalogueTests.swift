@testable import FeedParser
import Foundation
import Testing

/// Keeps the fixture folder honest: every fixture says what it is for, and every one that holds
/// a feed takes part in the tests that run over all of them.
@Suite("Fixture catalogue")
struct FixtureCatalogueTests {
    /// Fixtures that hold no readable feed (or none yet), on purpose.
    static let documentsWithoutAFeed: Set<String> = ["json/not-a-feed.json", "recovery/junk-before-declaration.xml"]

    /// Every fixture document: the files in the concept folders (the folder's README is not one).
    private func allFixturePaths() throws -> [String] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let enumerator = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        let prefix = directory.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if relative.contains("/") { paths.append(relative) }
        }
        return paths.sorted()
    }

    @Test func everyFixtureThatHoldsAFeedIsListedForTheAllFixtureTests() throws {
        let paths = try allFixturePaths()
        #expect(paths.count > 40)
        let feeds = paths.filter { !$0.hasPrefix("refusal/") && !Self.documentsWithoutAFeed.contains($0) }
        #expect(Set(feeds) == Set(FixtureLoader.feedFixtures))
    }

    @Test func everyFixtureDescribesItself() throws {
        for path in try allFixturePaths() {
            let bytes = try FixtureLoader.bytes(path)
            let text: String
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                // UTF-16 fixtures: the comment is there in wide characters; look at the ASCII bytes.
                text = String(decoding: bytes.filter { $0 != 0 && $0 < 0x80 }, as: UTF8.self)
            } else {
                text = String(decoding: bytes.prefix(600), as: UTF8.self)
            }
            let marker = path.hasSuffix(".json") ? "\"_description\"" : "<!-- Description: "
            #expect(text.prefix(600).contains(marker), "\(path) has no description")
        }
    }
}
