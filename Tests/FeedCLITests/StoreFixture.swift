import FeedModel
import FeedParser
import FeedStore
import Foundation

/// A store file in a temporary folder, filled through the library, for the commands that read it.
struct StoreFixture {
    let folder: String
    var path: String { folder + "/store.sqlite" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("feed-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Parses `xml` and stores its entries as an imported source at `address`.
    @discardableResult
    func importFeed(_ xml: String, address: String) throws -> ImportTally {
        let store = try FeedStore(path: path)
        let parsed = try FeedParser().parse(data: Array(xml.utf8), baseURL: address)
        let source = try store.registerSource(address: address, kind: .imported, title: parsed.feed.title?.value)
        return try store.apply(feed: parsed.feed, to: source.id, fetch: .fetched(httpStatus: nil))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A settings file for the site, in the fixture's folder.
    func writeSettings(_ toml: String = StoreFixture.settings) throws -> String {
        let settingsPath = folder + "/site.toml"
        try Data(toml.utf8).write(to: URL(fileURLWithPath: settingsPath))
        return settingsPath
    }

    static let settings = """
        title = "Harbour Notes"
        link = "https://harbour.example/"
        self = "https://harbour.example/atom.xml"
        id = "tag:harbour.example,2024:feed"

        [author]
        name = "Mara Quay"
        """

    /// An RSS feed with `count` items, a day apart, the newest first, starting 2024-03-01.
    static func rss(items count: Int, titlePrefix: String = "Tide") -> String {
        var items = ""
        for index in 0..<count {
            let day = String(format: "%02d", count - index)
            items += """
                <item><title>\(titlePrefix) \(count - index)</title><link>https://harbour.example/\(titlePrefix.lowercased())/\(count - index)</link>
                <guid>https://harbour.example/\(titlePrefix.lowercased())/\(count - index)</guid>
                <author>mara@harbour.example (Mara Quay)</author>
                <pubDate>\(day) Mar 2024 08:00:00 +0100</pubDate><description>&lt;p&gt;High water at \(index)&lt;/p&gt;</description></item>

                """
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Harbour</title><link>https://harbour.example/</link>
            <description>Tides</description>
            \(items)</channel></rss>
            """
    }
}
