import FeedModel

/// What each format gives back for an entry written with our writers and read with our parser.
///
/// Two kinds of difference are allowed, and each is named where it is applied:
/// - what the format cannot carry (listed per format below), and
/// - the reader's documented normalisations, the same for every document it reads: white space
///   at the ends of element text is trimmed (XML white space in XML texts; Unicode white space
///   in person fields, attribute values such as link titles, and every JSON string), blank
///   optional values read as absent, a person or category or link given twice is kept once, and
///   in Atom an entry without authors takes its source's or its feed's (RFC 4287 §4.2.1).
enum RoundTripExpectations {
    // MARK: Atom: everything, with RFC 4287's own rules

    /// Atom carries every field of the model. Beyond the normalisations: an entry without
    /// `updated` states its `published` there (the element is required); a text's or content's
    /// language without one of its own is the language in scope; out-of-line content of type
    /// `html` is written `text/html` (not generated here: the generator uses media types).
    static func atom(_ entry: Entry, feed: Feed) -> Entry {
        let scope = entry.language ?? feed.language
        var expected = Entry()
        expected.id = entry.id.flatMap(nonBlankXML)
        // RFC 4287 requires a title: the writer gives an untitled entry an empty one.
        expected.title = entry.title.map { atomText($0, scope: scope) } ?? Text("", lang: scope)
        expected.links = unique(entry.links.map(attributeLink))
        expected.published = entry.published
        expected.updated = entry.updated ?? entry.published
        let source = entry.source.map { atomSource($0, scope: scope) }
        expected.authors = unique(entry.authors.compactMap(atomPerson))
        if expected.authors.isEmpty {
            let sourceAuthors = source?.authors ?? []
            expected.authors = sourceAuthors.isEmpty ? unique(feed.authors.compactMap(atomPerson)) : sourceAuthors
        }
        expected.contributors = unique(entry.contributors.compactMap(atomPerson))
        expected.summary = entry.summary.map { atomText($0, scope: scope) }
        // RFC 4287 §4.1.2: out-of-line or base64 content needs a summary; the writer adds an empty one.
        if expected.summary == nil, let content = entry.content, content.src != nil
            || !["text", "html", "xhtml"].contains(content.type) && !content.type.lowercased().hasPrefix("text/")
            && !content.type.lowercased().hasSuffix("xml") {
            expected.summary = Text("", lang: scope)
        }
        expected.content = entry.content.map { atomContent($0, scope: scope) }
        // RFC 4287 §4.1.2: without an alternate link an entry needs content; the writer adds an empty one.
        if expected.content == nil, !entry.links.contains(where: { $0.rel == "alternate" }) {
            expected.content = Content("", lang: scope)
        }
        expected.categories = unique(entry.categories.compactMap(attributeCategory))
        expected.rights = entry.rights.map { atomText($0, scope: scope) }
        expected.source = source.flatMap { $0.isEmpty ? nil : $0 }
        expected.language = scope
        return expected
    }

    static func atomText(_ text: Text, scope: String?) -> Text {
        Text(trimmedXML(text.value), type: text.type, lang: text.lang ?? scope)
    }

    static func atomContent(_ content: Content, scope: String?) -> Content {
        let lang = content.lang ?? scope
        if let src = content.src { return Content("", type: content.type, src: src, lang: lang) }
        switch content.type {
        case "text", "html", "xhtml", "text/markdown":
            return Content(trimmedXML(content.value), type: content.type, lang: lang)
        default:
            // base64 on the way: what is decoded comes back as given, untrimmed.
            return Content(content.value, type: content.type, lang: lang)
        }
    }

    static func atomPerson(_ person: Person) -> Person? {
        let mapped = Person(name: person.name.flatMap(nonBlank), email: person.email.flatMap(nonBlank),
                            uri: person.uri.flatMap(nonBlank))
        return mapped.isEmpty ? nil : mapped
    }

    static func atomSource(_ source: Source, scope: String?) -> Source {
        Source(id: source.id.flatMap(nonBlankXML), title: source.title.map { atomText($0, scope: scope) },
               links: unique(source.links.map(attributeLink)), updated: source.updated,
               authors: unique(source.authors.compactMap(atomPerson)))
    }

    // MARK: RSS 2.0

    /// RSS cannot carry: text types (titles and rights are compared by value; `description` and
    /// `content:encoded` are HTML, so plain text comes back escaped into HTML), per-text
    /// languages (every text reads the channel's), person URIs, category labels, the attributes
    /// of the first alternate, replies and enclosure links (written as `link`, `comments` and
    /// `enclosure`; an enclosure's missing length and type come back as 0 and
    /// `application/octet-stream`, which RSS requires), out-of-line and binary content, and an
    /// `atom:source` beyond its `self` address and title. Dates: `pubDate` is RFC 822, so
    /// `published` (or `updated` when there is none) comes back to the second, in UTC; `updated`
    /// travels in `atom:updated` and comes back exactly. Link order is not compared: RSS has
    /// its own elements for the first link of three relations.
    static func rss(_ entry: Entry, feed: Feed) -> Entry {
        let lang = feed.language
        var expected = Entry()
        expected.id = entry.id.flatMap(nonBlankXML)
        expected.title = entry.title.map { Text(trimmedXML($0.value), lang: lang) }
        expected.links = rssLinks(entry.links)
        expected.published = (entry.published ?? entry.updated).map { Timestamp(secondsSince1970: $0.secondsSince1970) }
        expected.updated = entry.updated
        expected.authors = unique(entry.authors.compactMap(rssPerson))
        expected.contributors = unique(entry.contributors.compactMap(rssPerson))
        expected.summary = entry.summary.map { Text(trimmedXML(html($0)), type: .html, lang: lang) }
        expected.content = entry.content.flatMap { content -> Content? in
            guard let html = htmlContent(content) else { return nil }
            return Content(trimmedXML(html), type: "html", lang: lang)
        }
        expected.categories = unique(entry.categories.compactMap { category -> Category? in
            let term = trimmedXML(category.term)
            return term.isEmpty ? nil : Category(term: term, scheme: category.scheme.flatMap(nonBlank))
        })
        expected.rights = entry.rights.map { Text(trimmedXML($0.value), lang: lang) }
        if let source = entry.source, let url = source.links.first(where: { $0.rel == "self" })?.href {
            let title = source.title.map { trimmedXML($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
            expected.source = Source(title: title.map { Text($0, lang: lang) }, links: [Link(href: url, rel: "self")])
        }
        expected.language = entry.language ?? feed.language
        return expected
    }

    static func rssLinks(_ links: [Link]) -> [Link] {
        let alternate = links.firstIndex { $0.rel == "alternate" }
        let replies = links.firstIndex { $0.rel == "replies" }
        let enclosure = links.firstIndex { $0.rel == "enclosure" }
        var expected: [Link] = []
        for (index, link) in links.enumerated() {
            switch index {
            case alternate, replies: expected.append(Link(href: link.href, rel: link.rel))
            case enclosure:
                expected.append(Link(href: link.href, rel: "enclosure", type: link.type ?? "application/octet-stream",
                                     length: link.length ?? 0))
            default: expected.append(attributeLink(link))
            }
        }
        return unique(expected)
    }

    /// RSS people are one line, `email (Name)`: names and addresses survive, URIs do not.
    static func rssPerson(_ person: Person) -> Person? {
        let mapped = Person(name: person.name.flatMap(nonBlank), email: person.email.flatMap(nonBlank))
        return mapped.isEmpty ? nil : mapped
    }

    // MARK: JSON Feed 1.1

    /// JSON Feed cannot carry: text types and languages (`title` and `summary` are plain text:
    /// HTML comes back with its markup stripped), person emails (a person with neither name nor
    /// URL is left out), contributors, rights, sources, category schemes and labels, links other
    /// than the first alternate (`url`), the first related (`external_url`) and enclosures
    /// (`attachments`, whose required `mime_type` is `application/octet-stream` when unknown),
    /// the attributes of the first two, and out-of-line and binary content.
    static func json(_ entry: Entry) -> Entry {
        var expected = Entry()
        expected.id = entry.id
        var links: [Link] = []
        if let url = entry.links.first(where: { $0.rel == "alternate" }) { links.append(Link(href: trimmed(url.href))) }
        if let external = entry.links.first(where: { $0.rel == "related" }) {
            links.append(Link(href: trimmed(external.href), rel: "related"))
        }
        for link in entry.links where link.rel == "enclosure" {
            links.append(Link(href: trimmed(link.href), rel: "enclosure",
                              type: nonBlank(link.type ?? "application/octet-stream"),
                              title: link.title.flatMap(nonBlank), length: link.length))
        }
        expected.links = links
        expected.title = entry.title.flatMap { nonBlank($0.plainText) }.map { Text($0) }
        expected.content = entry.content.flatMap { content -> Content? in
            guard content.src == nil else { return nil }
            switch content.type {
            case "html", "xhtml": return nonBlank(content.value).map { Content($0, type: "html") }
            case "text", "text/markdown": return nonBlank(content.value).map { Content($0, type: "text") }
            default: return nil
            }
        }
        expected.summary = entry.summary.flatMap { nonBlank($0.plainText) }.map { Text($0) }
        expected.published = entry.published
        expected.updated = entry.updated
        expected.authors = entry.authors.compactMap { person -> Person? in
            let mapped = Person(name: person.name.flatMap(nonBlank), uri: person.uri.flatMap(nonBlank))
            return mapped.isEmpty ? nil : mapped
        }
        expected.categories = entry.categories.map { Category(term: $0.term) }
        expected.language = entry.language
        return expected
    }

    // MARK: Feed metadata

    /// Atom's feed: everything but `published` and `ttl`, which Atom has no element for. The
    /// document's `updated` is the feed's, else its first entry's.
    static func atomFeed(_ feed: Feed, entries: [Entry]) -> Feed {
        var expected = Feed(format: .atom10)
        let scope = feed.language
        expected.id = feed.id.flatMap(nonBlankXML)
        expected.title = feed.title.map { atomText($0, scope: scope) }
        expected.subtitle = feed.subtitle.map { atomText($0, scope: scope) }
        expected.updated = documentUpdated(feed, entries)
        expected.links = unique(feed.links.map(attributeLink))
        expected.authors = unique(feed.authors.compactMap(atomPerson))
        expected.contributors = unique(feed.contributors.compactMap(atomPerson))
        expected.categories = unique(feed.categories.compactMap(attributeCategory))
        expected.generator = feed.generator.flatMap { generator in
            let name = trimmedXML(generator.name)
            if name.isEmpty && generator.uri == nil { return nil }
            return Generator(name: name, uri: generator.uri, version: generator.version.flatMap(nonBlank))
        }
        expected.icon = feed.icon.flatMap(nonBlankXML)
        expected.logo = feed.logo.flatMap(nonBlankXML)
        expected.rights = feed.rights.map { atomText($0, scope: scope) }
        expected.language = feed.language
        return expected
    }

    /// RSS's channel: no id or icon; `title` and `description` are always there (RSS requires
    /// them), the description as HTML; dates to the second; the generator by name; people,
    /// categories, rights and links as for items.
    static func rssFeed(_ feed: Feed, entries: [Entry]) -> Feed {
        var expected = Feed(format: .rss20)
        let lang = feed.language
        expected.title = Text(trimmedXML(feed.title?.value ?? ""), lang: lang)
        expected.subtitle = Text(trimmedXML(feed.subtitle.map(html) ?? ""), type: .html, lang: lang)
        expected.updated = documentUpdated(feed, entries).map { Timestamp(secondsSince1970: $0.secondsSince1970) }
        expected.published = feed.published.map { Timestamp(secondsSince1970: $0.secondsSince1970) }
        let alternate = feed.links.firstIndex { $0.rel == "alternate" }
        expected.links = unique(feed.links.enumerated().map { index, link in
            index == alternate ? Link(href: link.href) : attributeLink(link)
        })
        expected.authors = unique(feed.authors.compactMap(rssPerson))
        expected.contributors = unique(feed.contributors.compactMap(rssPerson))
        expected.categories = unique(feed.categories.compactMap { category -> Category? in
            let term = trimmedXML(category.term)
            return term.isEmpty ? nil : Category(term: term, scheme: category.scheme.flatMap(nonBlank))
        })
        expected.generator = feed.generator.flatMap { nonBlankXML($0.name) }.map { Generator(name: $0) }
        expected.logo = feed.logo.flatMap(nonBlank)
        expected.rights = feed.rights.map { Text(trimmedXML($0.value), lang: lang) }
        expected.language = feed.language
        expected.ttl = feed.ttl
        return expected
    }

    /// JSON Feed's top level: title and description as plain text, `home_page_url` and
    /// `feed_url` (which is also the id), `icon` (logo), `favicon` (icon), authors by name and
    /// URL, language. No dates, contributors, categories, generator or rights.
    static func jsonFeed(_ feed: Feed) -> Feed {
        var expected = Feed(format: .json11)
        let selfLink = feed.links.first { $0.rel == "self" }.map { trimmed($0.href) }
        expected.id = selfLink
        expected.title = feed.title.flatMap { nonBlank($0.plainText) }.map { Text($0) }
        expected.subtitle = feed.subtitle.flatMap { nonBlank($0.plainText) }.map { Text($0) }
        var links: [Link] = []
        if let home = feed.links.first(where: { $0.rel == "alternate" }) { links.append(Link(href: trimmed(home.href))) }
        if let selfLink { links.append(Link(href: selfLink, rel: "self")) }
        expected.links = links
        expected.authors = feed.authors.compactMap { person -> Person? in
            let mapped = Person(name: person.name.flatMap(nonBlank), uri: person.uri.flatMap(nonBlank))
            return mapped.isEmpty ? nil : mapped
        }
        expected.icon = feed.icon.flatMap(nonBlank)
        expected.logo = feed.logo.flatMap(nonBlank)
        expected.language = feed.language
        return expected
    }

    /// The `updated` a document states: the feed's, else its first entry's.
    static func documentUpdated(_ feed: Feed, _ entries: [Entry]) -> Timestamp? {
        feed.updated ?? entries.first?.updated ?? entries.first?.published
    }

    // MARK: Shared

    /// A link read from attributes: optional attributes trimmed, blank ones absent.
    static func attributeLink(_ link: Link) -> Link {
        Link(href: link.href, rel: nonBlank(link.rel) ?? "alternate", type: link.type.flatMap(nonBlank),
             hreflang: link.hreflang.flatMap(nonBlank), title: link.title.flatMap(nonBlank), length: link.length)
    }

    static func attributeCategory(_ category: Category) -> Category? {
        guard !category.term.isEmpty else { return nil }
        return Category(term: category.term, scheme: category.scheme.flatMap(nonBlank),
                        label: category.label.flatMap(nonBlank))
    }

    /// Text as HTML: plain text escaped, HTML and XHTML as they are.
    static func html(_ text: Text) -> String {
        text.type == .text ? escapeHTML(text.value) : text.value
    }

    /// Content as `content:encoded` holds it, or nil when it cannot.
    static func htmlContent(_ content: Content) -> String? {
        guard content.src == nil else { return nil }
        switch content.type {
        case "html", "xhtml": return content.value
        case "text", "text/markdown": return escapeHTML(content.value)
        default: return nil
        }
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Without XML white space (space, tab, line feed, carriage return) at either end.
    static func trimmedXML(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { [" ", "\t", "\n", "\r"].contains($0) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Without Unicode white space at either end.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    static func nonBlank(_ text: String) -> String? {
        let value = trimmed(text)
        return value.isEmpty ? nil : value
    }

    static func nonBlankXML(_ text: String) -> String? {
        let value = trimmedXML(text)
        return value.isEmpty ? nil : value
    }

    /// The first of each equal value, in order.
    static func unique<Value: Equatable>(_ values: [Value]) -> [Value] {
        var kept: [Value] = []
        for value in values where !kept.contains(value) { kept.append(value) }
        return kept
    }
}
