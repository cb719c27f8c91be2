import FeedModel
import PropertyBased

/// Random articles for the round-trip property: text that is hard to carry through XML and JSON
/// (markup, entities, `]]>`, astral and right-to-left characters, combining marks, white space at
/// the ends), dates from 1900 to 2199 stated with offsets and fractions, several people with and
/// without email and URI, categories, and links of every relation with lengths.
///
/// Strings are built from pieces chosen by index, the plainest piece first, so a failing case
/// shrinks towards readable input.
enum ArticleGenerators {
    // MARK: Pieces

    /// Text as a person types it, with everything XML and JSON must escape.
    static let textPieces: [String] = [
        "word", " ", "Zürich", "naïve", "中文", "日本語のテキスト", "😀", "𝄞", "👩‍💻", "🇳🇿",
        "مرحبا بالعالم", "שלום עולם", "\u{200F}", "e\u{0301}", "\u{00A0}", "&", "<", ">", "\"", "'",
        "]]>", "]]", "<![CDATA[x]]>", "&amp;", "&lt;b&gt;", "&nbsp;", "&#169;", "AT&T", "a < b > c",
        "<b>not markup</b>", "\n", "\t", "\r\n", "  ", "\\", "{\"json\": true}", "\u{92}", "\u{85}",
        String(repeating: "long ünïcödé text & <markup> ", count: 40),
    ]

    /// HTML as a publisher writes it: tags, named and numeric entities, CDATA look-alikes.
    static let htmlPieces: [String] = [
        "<p>Hello</p>", " ", "<p>", "</p>", "<b>bold</b>", "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>",
        "<br>", "&eacute;", "&amp;", "&nbsp;", "&#x1F600;", "&lt;tag&gt;", "<![CDATA[", "]]>", "😀", "مرحبا",
        "<img src=\"x.png\" alt='\"quoted\"'>", "<script>alert(1)</script>", "Zürich", "\n", "\"",
        String(repeating: "<p>long paragraph with <em>emphasis</em> &amp; ünïcödé</p>", count: 20),
    ]

    /// XHTML as the reader serialises it back (see `TextCapture`): `&`, `<` and `>` in text escaped,
    /// `"` escaped in attribute values only, void elements as `<br />`, empty others as `<em></em>`.
    /// A bare `>` is left out: the reader may write it either way, both meaning the same.
    static let xhtmlPieces: [String] = [
        "word", " ", "<b>bold</b>", "<i>x &amp; y</i>", "<br />", "<p>para</p>", "&lt;", "&gt;", "&amp;",
        "]]&gt;", "'", "\"", "中文", "😀", "שלום", "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>",
        "<span title=\"a &quot;q&quot; &lt;x&gt;\">s</span>", "<em></em>", "\n",
        String(repeating: "<p>long paragraph with <em>emphasis</em> &amp; ünïcödé</p>", count: 20),
    ]

    /// Words for names: no `@` and no brackets or quotes at the ends, which RSS's one-line
    /// `email (Name)` cannot tell apart from the address around them.
    static let nameWords: [String] = [
        "Jane", "Zoë", "李小龙", "محمد", "דוד", "O'Brien", "Jean-Luc", "Åsa", "Ñandú", "admin", "😀",
    ]

    static let languages: [String?] = [nil, "en", "fr-CA", "ar", "he", "zh-Hant"]

    static let hrefs: [String] = [
        "https://example.org/post", "http://example.com/a?b=1&c=2", "https://例え.jp/記事",
        "https://example.org/q?x=<y>&z=\"w\"", "tag:example.org,2017:entry", "https://example.org/%E2%9C%93",
    ]

    static let relations: [String] = ["alternate", "related", "enclosure", "replies", "via", "license", "self"]
    static let mediaTypes: [String?] = [nil, "text/html", "audio/mpeg", "application/pdf"]

    // MARK: Building blocks

    /// One of `values`, by index (shrinks towards the first).
    static func choice<Value: Sendable>(_ values: [Value]) -> PropertyBased.Generator<Value, some SendableSequenceType> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    static func joined(_ pieces: [String], count: ClosedRange<Int>) -> PropertyBased.Generator<String, some SendableSequenceType> {
        choice(pieces).array(of: count).map { $0.joined() }
    }

    static var plainText: PropertyBased.Generator<String, some SendableSequenceType> { joined(textPieces, count: 0...8) }

    /// A text construct of each type.
    static var text: PropertyBased.Generator<Text, some SendableSequenceType> {
        zip(Gen.int(in: 0...2), plainText, joined(htmlPieces, count: 0...6), joined(xhtmlPieces, count: 0...6),
            choice(languages)).map { parts in
            let (kind, plain, html, xhtml, lang) = parts
            switch kind {
            case 0: return Text(plain, type: .text, lang: lang)
            case 1: return Text(html, type: .html, lang: lang)
            default: return Text(xhtml, type: .xhtml, lang: lang)
            }
        }
    }

    /// Content of every form the model holds.
    static var content: PropertyBased.Generator<Content, some SendableSequenceType> {
        zip(Gen.int(in: 0...6), text, plainText, Gen<UInt8>.value(in: 0...255).array(of: 1...24),
            choice(languages)).map { parts in
            let (kind, text, plain, bytes, lang) = parts
            switch kind {
            case 0, 1, 2:
                return Content(text.value, type: text.type.rawValue, lang: lang)
            case 3:
                // Out of line: a media type and an address, no value.
                return Content("", type: ["text/html", "video/mp4", "application/pdf"][bytes.count % 3],
                               src: "https://example.org/media/\(bytes.count)", lang: lang)
            case 4:
                return Content(plain, type: "text/markdown", lang: lang)
            case 5:
                // Binary: base64 of bytes that are not UTF-8 (a 0xFF byte never is).
                return Content(Base64.encode([0xFF] + bytes), type: "image/png", lang: lang)
            default:
                // A binary media type whose bytes were UTF-8 text: the model holds the text. The
                // colon keeps it from reading as base64, which the model could not tell apart.
                return Content("text: " + plain, type: "application/octet-stream", lang: lang)
            }
        }
    }

    /// A moment stated as a calendar date with an offset from UTC and maybe a fraction.
    static var timestamp: PropertyBased.Generator<Timestamp, some SendableSequenceType> {
        zip(Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...28), Gen.int(in: 0...86_399),
            Gen.int(in: -720...840), choice(["", "5", "25", "000", "123456", "999999999"])).compactMap { parts in
            let (year, month, day, secondOfDay, offset, fraction) = parts
            return Timestamp(year: year, month: month, day: day, hour: secondOfDay / 3600,
                             minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
                             fractionDigits: fraction, offsetMinutes: offset)
        }
    }

    static var person: PropertyBased.Generator<Person, some SendableSequenceType> {
        zip(choice(nameWords).array(of: 1...3).optional(valueRate: 0.85),
            zip(choice(["jane", "a.b", "x+tag", "li"]), choice(["example.org", "mail.example.com"])).optional(valueRate: 0.5),
            choice(["https://example.org/~jane", "https://例え.jp/人", "http://example.com/a?b=1&c=2"]).optional(valueRate: 0.4))
            .map { parts in
                let (words, address, uri) = parts
                return Person(name: words.map { $0.joined(separator: " ") },
                              email: address.map { "\($0.0)@\($0.1)" }, uri: uri)
            }
    }

    static var category: PropertyBased.Generator<Category, some SendableSequenceType> {
        zip(choice(["swift", "Zürich", "中文", "a & b", "<tag>", "]]>", "news, world"]), plainText,
            choice([nil, "https://example.org/tags", "urn:x-scheme"]), plainText.optional(valueRate: 0.3)).map { parts in
            let (word, extra, scheme, label) = parts
            return Category(term: word + extra, scheme: scheme, label: label)
        }
    }

    static var link: PropertyBased.Generator<Link, some SendableSequenceType> {
        zip(choice(hrefs), choice(relations), choice(mediaTypes), choice([nil, "en", "de-AT"]),
            plainText.optional(valueRate: 0.3), Gen.int(in: 0...10_000_000_000).optional(valueRate: 0.4)).map { parts in
            let (href, rel, type, hreflang, title, length) = parts
            return Link(href: href, rel: rel, type: type, hreflang: hreflang, title: title, length: length)
        }
    }

    /// Links with distinct addresses: a reader keeps one of two equal links.
    static var links: PropertyBased.Generator<[Link], some SendableSequenceType> {
        link.array(of: 0...5).map { links in
            links.enumerated().map { index, link in
                var unique = link
                unique.href += unique.href.contains("?") ? "&n=\(index)" : "?n=\(index)"
                return unique
            }
        }
    }

    static var identifier: PropertyBased.Generator<String, some SendableSequenceType> {
        zip(choice(["tag:example.org,2017:post-", "urn:uuid:4d3c1a2e-", "https://example.org/posts/", "id <&> 中文 "]),
            Gen.int(in: 0...99_999), plainText).map { parts in
            "\(parts.0)\(parts.1)\(parts.2)"
        }
    }

    static var source: PropertyBased.Generator<Source, some SendableSequenceType> {
        zip(identifier.optional, text.optional, timestamp.optional, person.array(of: 0...2)).map { parts in
            let (id, title, updated, authors) = parts
            return Source(id: id, title: title,
                          links: [Link(href: "https://origin.example.net/feed.xml", rel: "self"),
                                  Link(href: "https://origin.example.net/")],
                          updated: updated, authors: authors)
        }
    }

    static var entry: PropertyBased.Generator<Entry, some SendableSequenceType> {
        zip(
            zip(identifier.optional(valueRate: 0.9), text.optional(valueRate: 0.9), links,
                timestamp.optional(valueRate: 0.8), timestamp.optional(valueRate: 0.6)),
            zip(person.array(of: 0...4), person.array(of: 0...2), text.optional, content.optional(valueRate: 0.8),
                category.array(of: 0...4)),
            zip(text.optional(valueRate: 0.3), choice(languages), source.optional(valueRate: 0.25))
        ).map { parts in
            let ((id, title, links, published, updated), (authors, contributors, summary, content, categories),
                 (rights, language, source)) = parts
            return Entry(id: id, title: title, links: links, published: published, updated: updated,
                         authors: authors, contributors: contributors, summary: summary, content: content,
                         categories: categories, rights: rights, source: source, language: language)
        }
    }

    static var feedGenerator: PropertyBased.Generator<FeedModel.Generator, some SendableSequenceType> {
        zip(plainText, choice([nil, "https://example.org/tool", "http://例え.jp/?a=1&b=2"]),
            choice([nil, "1.0", "2.4 beta"])).map { parts in
            FeedModel.Generator(name: parts.0, uri: parts.1, version: parts.2)
        }
    }

    /// A feed's metadata (with every field the model has) and its entries.
    static var feed: PropertyBased.Generator<(Feed, [Entry]), some SendableSequenceType> {
        zip(
            zip(identifier.optional, text.optional(valueRate: 0.9), text.optional, timestamp.optional(valueRate: 0.5),
                timestamp.optional(valueRate: 0.3)),
            zip(links, person.array(of: 0...2), person.array(of: 0...2), category.array(of: 0...3),
                feedGenerator.optional(valueRate: 0.5)),
            zip(choice(hrefs).optional(valueRate: 0.3), choice(hrefs).optional(valueRate: 0.3), text.optional(valueRate: 0.3),
                choice(languages), Gen.int(in: 1...1440).optional(valueRate: 0.2)),
            entry.array(of: 1...4)
        ).map { parts in
            let ((id, title, subtitle, updated, published), (links, authors, contributors, categories, generator),
                 (icon, logo, rights, language, ttl), entries) = parts
            let feed = Feed(format: .atom10, id: id, title: title, subtitle: subtitle, updated: updated,
                            published: published, links: links, authors: authors, contributors: contributors,
                            categories: categories, generator: generator, icon: icon, logo: logo, rights: rights,
                            language: language, ttl: ttl)
            return (feed, entries)
        }
    }
}

/// base64 for building binary content in tests (the writer's own encoder is not what is tested).
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return out
    }
}
