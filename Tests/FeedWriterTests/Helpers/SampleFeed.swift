import FeedModel

/// A hand-built feed that uses every field the model has, for the whole-document checks.
enum SampleFeed {
    static func date(_ text: String) -> Timestamp {
        // The literals below are valid RFC 3339; a typo fails the tests that use it.
        Timestamp(rfc3339: text) ?? Timestamp(secondsSince1970: 0)
    }

    static let feed = Feed(
        format: .atom10,
        id: "tag:example.org,2017:feed",
        title: Text("Small Business Notes"),
        subtitle: Text("Trade, jobs &amp; <em>small</em> firms", type: .html),
        updated: date("2017-01-10T08:00:00Z"),
        published: date("2017-01-01T00:00:00Z"),
        links: [Link(href: "https://example.org/"),
                Link(href: "https://example.org/feeds/atom.xml", rel: "self", type: "application/atom+xml")],
        authors: [Person(name: "admin", email: "admin@example.org", uri: "https://example.org/about")],
        contributors: [Person(name: "Zoë Li")],
        categories: [Category(term: "trade", scheme: "https://example.org/tags", label: "Trade")],
        generator: Generator(name: "Syndication", uri: "https://example.org/syndication", version: "0.1"),
        icon: "https://example.org/favicon.ico",
        logo: "https://example.org/logo.png",
        rights: Text("© 2017 Example"),
        language: "en",
        ttl: 60
    )

    static let entries: [Entry] = [
        Entry(
            id: "tag:example.org,2017-01-09:jack-ma-meets-donald-trump",
            title: Text("Jack Ma meets Donald Trump: a million jobs?"),
            links: [Link(href: "https://example.org/2017/01/jack-ma-trump.html", type: "text/html"),
                    Link(href: "https://example.org/2017/01/jack-ma-trump.html#comments", rel: "replies"),
                    Link(href: "https://example.org/audio/interview.mp3", rel: "enclosure", type: "audio/mpeg",
                         length: 1_234_567),
                    Link(href: "https://example.org/2017/01/jack-ma-trump-de.html", rel: "alternate", hreflang: "de",
                         title: "Auf Deutsch")],
            published: date("2017-01-09T22:30:00Z"),
            updated: date("2017-01-10T08:00:00.25Z"),
            authors: [Person(name: "admin", email: "admin@example.org"), Person(name: "Zoë Li", uri: "https://example.org/zoe")],
            contributors: [Person(name: "Sam O'Brien", email: "sam@example.org")],
            summary: Text("Alibaba's founder & the president-elect talked about small businesses."),
            content: Content("<p>On January 9, 2017, Jack Ma met Donald Trump in New York.</p>\n<p>They spoke about "
                             + "small businesses &amp; cross-border trade ]]&gt; e-commerce.</p>", type: "html"),
            categories: [Category(term: "trade", scheme: "https://example.org/tags", label: "Trade"),
                         Category(term: "e-commerce")],
            rights: Text("CC BY 4.0"),
            language: "en"
        ),
        Entry(
            id: "https://example.org/2017/01/xhtml-note.html",
            title: Text("<b>Notes</b> in XHTML", type: .xhtml),
            links: [Link(href: "https://example.org/2017/01/xhtml-note.html")],
            published: date("2017-01-05T10:00:00Z"),
            summary: Text("A note with \"quotes\", <angle brackets> & a ]]> in it."),
            content: Content("<p>Inline <em>XHTML</em> &amp; a <br /> break.</p>", type: "xhtml", lang: "en-GB"),
            categories: [Category(term: "notes")],
            language: "fr"
        ),
        Entry(
            id: "tag:example.org,2016-12-31:imported",
            title: Text("An imported article"),
            links: [Link(href: "https://origin.example.net/posts/42")],
            published: date("2016-12-31T23:59:59.5Z"),
            updated: date("2016-12-31T23:59:59.5Z"),
            authors: [Person(email: "editor@origin.example.net")],
            content: Content("", type: "video/mp4", src: "https://origin.example.net/media/42.mp4"),
            source: Source(id: "https://origin.example.net/", title: Text("Origin News"),
                           links: [Link(href: "https://origin.example.net/feed.xml", rel: "self")],
                           updated: date("2017-01-01T00:00:00Z"),
                           authors: [Person(name: "Origin Desk")])
        ),
    ]
}
