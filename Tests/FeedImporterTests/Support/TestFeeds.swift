/// Small feeds written for these tests.
enum TestFeeds {
    struct Item: Sendable {
        var guid: String
        var title: String
        var date = "Mon, 03 Nov 2025 10:00:00 +0000"
        var description = "<p>Plain words.</p>"
        /// Raw XML added inside the item (an author, a `source`).
        var extra = ""
    }

    /// `count` items named `prefix-1`, `prefix-2`, …
    static func items(_ count: Int, prefix: String = "item") -> [Item] {
        (1...max(count, 1)).prefix(count).map { Item(guid: "urn:test:\(prefix)-\($0)", title: "\(prefix) \($0)") }
    }

    /// An RSS 2.0 feed.
    static func rss(title: String = "Loopback News", link: String = "https://news.example/",
                    selfLink: String? = nil, lastBuildDate: String = "Mon, 03 Nov 2025 12:00:00 +0000",
                    items: [Item]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>\(title)</title>
            <link>\(link)</link>
            <description>Feeds for the importer's tests</description>
            <lastBuildDate>\(lastBuildDate)</lastBuildDate>

            """
        if let selfLink { xml += "<atom:link rel=\"self\" href=\"\(selfLink)\" type=\"application/rss+xml\"/>\n" }
        for item in items {
            xml += """
                <item>
                <guid isPermaLink="false">\(item.guid)</guid>
                <title>\(item.title)</title>
                <link>https://news.example/\(item.guid.split(separator: ":").last ?? "")</link>
                <pubDate>\(item.date)</pubDate>
                <description><![CDATA[\(item.description)]]></description>
                \(item.extra)
                </item>

                """
        }
        return xml + "</channel>\n</rss>\n"
    }

    /// A web page, served where a feed was expected.
    static let htmlPage = """
        <!DOCTYPE html>
        <html><head><title>Welcome</title></head>
        <body><h1>Our news</h1><p>The feed moved somewhere.</p></body></html>
        """
}
