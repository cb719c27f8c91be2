import ArgumentParser
import Foundation
import Syndication

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stored articles, newest first.",
        discussion: """
        One line per article: its number (for `feed show` and `feed remove`), date, author, title \
        and source. --json prints an array of articles, each with its number, its source's \
        address and the entry in the parsed-feed contract's form.

        Examples:
          feed list --limit 10
          feed list --source https://example.org/feed.xml
          feed list --site --json
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only the articles of this source (its address or number).", valueName: "source"))
    var source: String?

    @Flag(help: "Only the site's own articles (added with `feed add`).")
    var site = false

    @Flag(help: "Only imported articles.")
    var imported = false

    @Option(help: "At most this many articles.")
    var limit: Int?

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func validate() throws {
        if site && imported { throw ValidationError("--site and --imported exclude each other") }
        if let limit, limit < 0 { throw ValidationError("--limit cannot be negative") }
    }

    func run() throws {
        let store = try store.open()
        var query = ArticleQuery(limit: limit)
        if let source { query.source = try SourceLookup.find(source, in: store).id }
        if site { query.kind = .site }
        if imported { query.kind = .imported }
        let sources = Dictionary(uniqueKeysWithValues: try storeCall { try store.sources() }.map { ($0.id, $0) })
        let articles = try storeCall { try store.articleSequence(query) }
        if json {
            let encoder = ArticleJSON.encoder()
            var first = true
            StandardOutput.write("[")
            for article in articles {
                let data = try encoder.encode(ArticleJSON(article, source: sources[article.sourceID]))
                StandardOutput.write((first ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
                first = false
            }
            StandardOutput.write(first ? "]\n" : "\n]\n")
        } else {
            var lines = ""
            for article in articles {
                let entry = article.entry
                let date = (entry.published ?? entry.updated).map { String($0.rfc3339.prefix(10)) } ?? "----------"
                let author = entry.authors.first?.name ?? entry.authors.first?.email ?? "-"
                let title = entry.title.map { ArticleText.oneLine($0) } ?? "(untitled)"
                let origin = sources[article.sourceID].map { ArticleText.shortAddress($0.address) } ?? "?"
                lines += "\(article.id)\t\(date)\t\(author)\t\(title)\t\(origin)\n"
                if lines.utf8.count > 1 << 16 { StandardOutput.write(lines); lines = "" }
            }
            StandardOutput.write(lines)
        }
        if let failure = articles.failure { throw CommandFailure.io(failure.description) }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one stored article whole.",
        discussion: """
        The article's number is the first column of `feed list`.

        Examples:
          feed show 12
          feed show 12 --json
        """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The article's number.")
    var article: Int64

    @Flag(help: "Print JSON: the number, the source's address and the entry as in the parsed-feed contract.")
    var json = false

    func run() throws {
        let store = try store.open()
        guard let stored = try storeCall({ try store.article(id: ArticleID(rawValue: article)) }) else {
            throw CommandFailure(message: "no article \(article) in the store (see `feed list`)", exitCode: 1)
        }
        let source = try storeCall { try store.source(id: stored.sourceID) }
        if json {
            let data = try ArticleJSON.encoder().encode(ArticleJSON(stored, source: source))
            StandardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        let entry = stored.entry
        var out = ""
        func line(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { out += "\(label): \(value)\n" }
        }
        line("Title", entry.title.map(ArticleText.oneLine))
        line("Id", entry.id)
        for link in entry.links {
            line(link.rel == "alternate" ? "Link" : "Link (\(link.rel))", link.href)
        }
        for person in entry.authors { line("Author", ArticleText.person(person)) }
        for person in entry.contributors { line("Contributor", ArticleText.person(person)) }
        line("Published", entry.published?.rfc3339)
        line("Updated", entry.updated?.rfc3339)
        line("Categories", entry.categories.isEmpty ? nil : entry.categories.map { $0.label ?? $0.term }.joined(separator: ", "))
        line("Source", source.map { "\($0.address) (source \($0.id), \($0.kind.rawValue))" })
        line("First seen", stored.firstSeen.rfc3339)
        line("Article", "\(stored.id)")
        if let summary = entry.summary { out += "\nSummary (\(summary.type.rawValue)):\n\(summary.value)\n" }
        if let content = entry.content {
            if let src = content.src {
                out += "\nContent: \(src) (\(content.type))\n"
            } else {
                out += "\nContent (\(content.type)):\n\(content.value)\n"
            }
        }
        StandardOutput.write(out)
    }
}

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the sources in the store with the state of their last fetch.",
        discussion: """
        A source is the site's own articles (from `feed add`) or one imported feed. For each: its \
        number, kind, address, article count and how its last fetch went (time, HTTP status, \
        outcome, error, a permanent move, gone after a 410). ETag and Last-Modified, sent back for \
        conditional requests, are shown with --json.

        Examples:
          feed sources
          feed sources --json
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func run() throws {
        let store = try store.open()
        let sources = try storeCall { try store.sources() }
        if json {
            let data = try ArticleJSON.encoder().encode(sources.map(SourceJSON.init))
            StandardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        var out = ""
        for source in sources {
            let state = source.fetchState
            var facts = ["\(source.articleCount) article\(source.articleCount == 1 ? "" : "s")"]
            if let fetched = state.lastFetched {
                var last = "last fetched \(fetched.rfc3339)"
                if let outcome = state.lastOutcome { last += ": \(SourceJSON.outcomeText(outcome))" }
                if let status = state.lastStatus { last += " (HTTP \(status))" }
                facts.append(last)
            }
            if let error = state.lastError { facts.append("error: \(error)") }
            if let moved = state.movedTo { facts.append("moved to \(moved)") }
            if state.isGone { facts.append("gone") }
            let title = source.title.map { " \"\($0)\"" } ?? ""
            out += "\(source.id)\t\(source.kind.rawValue)\t\(source.address)\(title)\t\(facts.joined(separator: "; "))\n"
        }
        StandardOutput.write(out)
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove articles, or a whole source with its articles, from the store.",
        discussion: """
        Examples:
          feed remove 12 13                      two articles, by the numbers `feed list` shows
          feed remove --source https://example.org/feed.xml
        """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Numbers of the articles to remove.")
    var articles: [Int64] = []

    @Option(help: ArgumentHelp("Remove this source (address or number) and every article of it.", valueName: "source"))
    var source: String?

    func validate() throws {
        if articles.isEmpty && source == nil { throw ValidationError("name articles to remove, or a --source") }
    }

    func run() throws {
        let store = try store.open()
        var missing: [Int64] = []
        for number in articles {
            do {
                try store.remove(article: ArticleID(rawValue: number))
                StandardOutput.write("removed article \(number)\n")
            } catch .articleNotFound {
                missing.append(number)
            } catch {
                throw CommandFailure.io(error.description)
            }
        }
        if let source {
            let found = try SourceLookup.find(source, in: store)
            let removed = try storeCall { try store.remove(source: found.id) }
            StandardOutput.write("removed source \(found.id) (\(found.address)) and its \(removed) article\(removed == 1 ? "" : "s")\n")
        }
        if !missing.isEmpty {
            throw CommandFailure(message: "no article \(missing.map(String.init).joined(separator: ", ")) in the store", exitCode: 1)
        }
    }
}

/// One article as `feed list --json` and `feed show --json` print it.
struct ArticleJSON: Encodable {
    var article: Int64
    var source: String?
    var firstSeen: String
    var entry: Entry

    init(_ stored: StoredArticle, source: StoredSource?) {
        article = stored.id.rawValue
        self.source = source?.address
        firstSeen = stored.firstSeen.rfc3339
        entry = stored.entry
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}

/// One source as `feed sources --json` prints it.
struct SourceJSON: Encodable {
    var source: Int64
    var address: String
    var kind: String
    var title: String?
    var siteLink: String?
    var articles: Int
    var added: String
    var etag: String?
    var lastModified: String?
    var lastFetched: String?
    var lastStatus: Int?
    var lastOutcome: String?
    var lastError: String?
    var movedTo: String?
    var gone: Bool

    init(_ stored: StoredSource) {
        source = stored.id.rawValue
        address = stored.address
        kind = stored.kind.rawValue
        title = stored.title
        siteLink = stored.siteLink
        articles = stored.articleCount
        added = stored.added.rfc3339
        let state = stored.fetchState
        etag = state.etag
        lastModified = state.lastModified
        lastFetched = state.lastFetched?.rfc3339
        lastStatus = state.lastStatus
        lastOutcome = state.lastOutcome?.rawValue
        lastError = state.lastError
        movedTo = state.movedTo
        gone = state.isGone
    }

    static func outcomeText(_ outcome: FetchOutcome) -> String {
        switch outcome {
        case .fetched: "fetched"
        case .notModified: "not modified"
        case .gone: "gone (410)"
        case .failed: "failed"
        }
    }
}

/// Short forms of stored values for one-line output.
enum ArticleText {
    /// A title on one line: markup removed from HTML titles, runs of white space made one space.
    static func oneLine(_ text: Text) -> String {
        var value = text.value
        if text.type != .text {
            value = value.replacing(/<[^>]*>/, with: "")
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
        }
        return value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func person(_ person: Person) -> String {
        var parts: [String] = []
        if let name = person.name { parts.append(name) }
        if let email = person.email { parts.append("<\(email)>") }
        if let uri = person.uri { parts.append(uri) }
        return parts.joined(separator: " ")
    }

    /// An address without its scheme, for a narrow column.
    static func shortAddress(_ address: String) -> String {
        for scheme in ["https://", "http://"] where address.hasPrefix(scheme) {
            return String(address.dropFirst(scheme.count))
        }
        return address
    }
}
