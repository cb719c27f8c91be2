import FeedModel
import Foundation
import TOMLKit

/// The settings of the site whose own articles the store holds: read by `feed add` (the domain of
/// tag URIs, article addresses, the default author) and by `feed generate` (the feed's metadata).
///
/// They live in one TOML file, `feeds/site.toml` by default:
///
/// ```toml
/// title = "Syndication Notes"                           # required
/// subtitle = "Notes on feeds and the tools that read them"
/// link = "https://syndication.example/"                 # required: the site's home page
/// self = "https://syndication.example/feeds/atom.xml"   # where the feed is published
/// id = "tag:syndication.example,2024:feed"              # the feed's Atom id (default: link)
/// language = "en"
/// domain = "syndication.example"                        # for tag URIs (default: link's host)
/// permalink = "{link}/{year}/{slug}/"                   # article addresses (this is the default)
///
/// [author]                                              # the default author
/// name = "admin"
/// email = "admin@syndication.example"
/// uri = "https://syndication.example/about/"
/// ```
///
/// Any other key is an error naming its line: a misspelt key would otherwise silently fall back
/// to a default. Command-line flags override the loaded values by assigning to the properties.
///
/// ## Topics
/// ### Loading
/// - ``load(from:)``
/// - ``parse(_:file:)``
/// ### What the settings make
/// - ``feedMetadata()``
/// - ``articleAddress(slug:published:)``
/// - ``tagURI(slug:published:)``
/// - ``person(named:)``
public struct SiteSettings: Sendable, Hashable {
    /// Where the example site keeps its settings, relative to the current folder.
    public static let defaultPath = "feeds/site.toml"
    /// Keys at the top level of the file (`author` is a table).
    public static let topLevelKeys = ["title", "subtitle", "link", "self", "id", "language", "domain", "permalink", "author"]
    /// Keys of the `[author]` table.
    public static let authorKeys = ["name", "email", "uri"]

    /// The site's and the feed's title.
    public var title: String
    /// The feed's subtitle.
    public var subtitle: String?
    /// The site's home page: the feed's alternate link, `{link}` in the permalink, and the address
    /// of the store's source of the site's articles.
    public var link: String
    /// The address the feed is published at: the feed's self link.
    public var selfLink: String?
    /// The feed's Atom id: permanent, whatever the site's address becomes.
    public var id: String
    /// The feed's language (`en`, `de-CH`).
    public var language: String?
    /// The domain that names the site's articles in their tag URIs.
    public var domain: String
    /// How article addresses are made.
    public var permalink: PermalinkTemplate
    /// The author of articles that name none, and of the feed.
    public var author: Person?

    /// Settings given in code; `id` defaults to `link`, `domain` to the host of `link`.
    public init(title: String, link: String, selfLink: String? = nil, id: String? = nil, subtitle: String? = nil,
                language: String? = nil, domain: String? = nil, permalink: PermalinkTemplate? = nil,
                author: Person? = nil) {
        self.title = title
        self.link = link
        self.selfLink = selfLink
        self.id = id ?? link
        self.subtitle = subtitle
        self.language = language
        self.domain = domain ?? SiteSettings.host(of: link) ?? link
        self.permalink = permalink ?? .standard
        self.author = author
    }

    // MARK: What the settings make

    /// The feed's metadata as the writer takes it: id, title, subtitle, self and alternate links,
    /// the default author and the language. No entries, and no `updated`: the writer takes that
    /// from the newest entry, so the same articles always give the same bytes.
    public func feedMetadata() -> Feed {
        var links: [Link] = []
        if let selfLink { links.append(Link(href: selfLink, rel: "self", type: "application/atom+xml")) }
        links.append(Link(href: link, rel: "alternate", type: "text/html"))
        return Feed(format: .atom10, id: id, title: Text(title), subtitle: subtitle.map { Text($0) },
                    links: links, authors: author.map { [$0] } ?? [], language: language)
    }

    /// The address of an article: the permalink template filled in.
    public func articleAddress(slug: Slug, published: Timestamp) -> String {
        permalink.address(link: link, published: published, slug: slug)
    }

    /// The Atom id of an article the front matter gives no id for.
    public func tagURI(slug: Slug, published: Timestamp) -> TagURI {
        TagURI(domain: domain, published: published, slug: slug)
    }

    /// The person called `name`: the default author, with their email and home page, when the name
    /// is theirs; else a person with the name alone.
    public func person(named name: String) -> Person {
        if let author, author.name == name { return author }
        return Person(name: name)
    }

    // MARK: Loading

    /// Reads and checks the settings file.
    public static func load(from path: String = defaultPath) throws(SiteSettingsError) -> SiteSettings {
        let text: String
        do {
            text = try TextFile.contents(of: path)
        } catch {
            throw SiteSettingsError(file: path, reason: .unreadable(error.message))
        }
        return try parse(text, file: path)
    }

    /// Checks settings given as TOML text; `file` names it in errors.
    public static func parse(_ text: String, file: String = defaultPath) throws(SiteSettingsError) -> SiteSettings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SiteSettingsError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                    reason: .syntax(oneLine(error.description)))
        } catch {
            throw SiteSettingsError(file: file, reason: .syntax(String(describing: error)))
        }
        var reader = SettingsReader(table: table, file: file, locator: TOMLKeyLocator(text))
        return try reader.settings()
    }

    // MARK: Helpers

    /// toml++'s messages may run over several lines; errors are printed as one.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { ArticleText.trimmed($0) }.joined(separator: " ")
    }

    static func host(of address: String) -> String? {
        guard let host = URL(string: address)?.host, !host.isEmpty else { return nil }
        return host.lowercased()
    }
}

/// Reads the settings out of a parsed TOML table, checking keys, types and values.
private struct SettingsReader {
    let table: TOMLTable
    let file: String
    let locator: TOMLKeyLocator

    mutating func settings() throws(SiteSettingsError) -> SiteSettings {
        try rejectUnknownKeys(in: table, known: SiteSettings.topLevelKeys, tableName: nil)
        let title = try requiredString("title")
        let link = try absoluteURL("link", required: true) ?? ""
        let selfLink = try absoluteURL("self", required: false)
        let subtitle = try string("subtitle")
        let id = try string("id")
        if let id, !id.contains(":") {
            throw error(for: "id", .invalidValue(key: "id", problem: "an Atom id must be an absolute IRI (a URL or a tag: URI), not '\(id)'"))
        }
        let language = try string("language")
        if let language, !Self.isLanguageTag(language) {
            throw error(for: "language", .invalidValue(key: "language", problem: "'\(language)' is not a language tag such as en or de-CH"))
        }
        var domain = SiteSettings.host(of: link)
        if let given = try string("domain") {
            guard Self.isDomainName(given) else {
                throw error(for: "domain", .invalidValue(key: "domain", problem: "'\(given)' is not a domain name such as syndication.example"))
            }
            domain = given.lowercased()
        }
        var permalink: PermalinkTemplate?
        if let template = try string("permalink") {
            do {
                permalink = try PermalinkTemplate(template)
            } catch {
                throw self.error(for: "permalink", .invalidValue(key: "permalink", problem: error.message))
            }
        }
        let author = try readAuthor()
        return SiteSettings(title: title, link: link, selfLink: selfLink, id: id, subtitle: subtitle,
                            language: language, domain: domain, permalink: permalink, author: author)
    }

    private func readAuthor() throws(SiteSettingsError) -> Person? {
        guard let value = table["author"] else { return nil }
        guard let authorTable = value.table else {
            throw error(for: "author", .wrongType(key: "author", expected: "a table ([author] with name, email, uri)",
                                                  found: value.type.description))
        }
        try rejectUnknownKeys(in: authorTable, known: SiteSettings.authorKeys, tableName: "author")
        func field(_ key: String) throws(SiteSettingsError) -> String? {
            guard let value = authorTable[key] else { return nil }
            guard let text = value.string else {
                throw SiteSettingsError(file: file, line: locator.line(of: key, in: "author"),
                                        reason: .wrongType(key: "author.\(key)", expected: "a string", found: value.type.description))
            }
            let trimmed = ArticleText.trimmed(text[...])
            guard !trimmed.isEmpty else {
                throw SiteSettingsError(file: file, line: locator.line(of: key, in: "author"),
                                        reason: .invalidValue(key: "author.\(key)", problem: "is empty"))
            }
            return trimmed
        }
        guard let name = try field("name") else {
            throw error(for: "author", .missingKey("author.name"))
        }
        let email = try field("email")
        let uri = try field("uri")
        if let uri, SiteSettings.host(of: uri) == nil {
            throw SiteSettingsError(file: file, line: locator.line(of: "uri", in: "author"),
                                    reason: .invalidValue(key: "author.uri", problem: "'\(uri)' is not an absolute URL"))
        }
        return Person(name: name, email: email, uri: uri)
    }

    private func rejectUnknownKeys(in table: TOMLTable, known: [String], tableName: String?) throws(SiteSettingsError) {
        // Reported in the order they are written, so the first error is the first in the file.
        let unknown = table.keys.filter { !known.contains($0) }
        let located = unknown.map { (key: $0, line: locator.line(of: $0, in: tableName)) }
            .sorted { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) }
        if let first = located.first {
            throw SiteSettingsError(file: file, line: first.line,
                                    reason: .unknownKey(first.key, table: tableName, known: known))
        }
    }

    private func string(_ key: String) throws(SiteSettingsError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw error(for: key, .wrongType(key: key, expected: "a string", found: value.type.description))
        }
        let trimmed = ArticleText.trimmed(text[...])
        guard !trimmed.isEmpty else {
            throw error(for: key, .invalidValue(key: key, problem: "is empty"))
        }
        return trimmed
    }

    private func requiredString(_ key: String) throws(SiteSettingsError) -> String {
        guard let value = try string(key) else {
            throw SiteSettingsError(file: file, reason: .missingKey(key))
        }
        return value
    }

    private func absoluteURL(_ key: String, required: Bool) throws(SiteSettingsError) -> String? {
        let value = required ? try requiredString(key) : try string(key)
        guard let value else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              url.host?.isEmpty == false
        else {
            throw error(for: key, .invalidValue(key: key, problem: "'\(value)' is not an absolute http(s) URL"))
        }
        return value
    }

    private func error(for key: String, _ reason: SiteSettingsError.Reason) -> SiteSettingsError {
        SiteSettingsError(file: file, line: locator.line(of: key), reason: reason)
    }

    /// Letters, digits and hyphens in subtags of 1 to 8 characters, the first alphabetic (BCP 47's
    /// shape, not its registry).
    private static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Dot-separated labels of ASCII letters, digits and inner hyphens.
    private static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 1 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
