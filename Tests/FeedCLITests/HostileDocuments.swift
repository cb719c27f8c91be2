import FeedTestSupport

/// Documents that hold no feed or attack the reader, shared by the suites that check `feed parse`
/// and `feed validate` refuse them.
enum HostileDocuments {
    /// An external entity naming a local file (XXE).
    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&secret;</title></channel></rss>
        """

    /// Ten levels of ten references each: a billion "lol"s once expanded.
    static var billionLaughs: String {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """
    }

    /// A feed opened, then a gigabyte of `<a>` elements that never close.
    static let deeplyNestedFeed = FeedProcess.StandardInput.repeating(
        prefix: Array("<rss version=\"2.0\"><channel><item>".utf8),
        chunk: Array(String(repeating: "<a>", count: 20_000).utf8), total: 1 << 30)

    /// A web page, where a feed was expected.
    static let htmlPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Home</title></head>
        <body><h1>Welcome</h1><p>No feed here.<br></p></body></html>
        """

    /// 64 KiB of seeded noise.
    static var randomBytes: [UInt8] {
        var generator = SeededRandom(seed: 0x5EED)
        return (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }
}
