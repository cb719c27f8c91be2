import ArgumentParser
import Foundation
import Syndication

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a feed and print what it says.",
        discussion: """
        Reads RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0 and JSON Feed 1.0 and 1.1; the format \
        is recognised from the content. Broken feeds are read as far as they go: the summary says \
        when the document was not well-formed, and --diagnostics lists every problem with its \
        line and column.

        Examples:
          feed parse feeds/atom.xml
          feed parse feed.xml --json --sanitize
          curl -s https://example.org/feed | feed parse - --base-url https://example.org/feed
        """
    )

    @Argument(help: "The feed: a file path, an http(s) URL, or - for standard input.")
    var source: String

    @Flag(help: "Print the parsed feed as JSON (the parsed-feed contract).")
    var json = false

    @Flag(help: "Clean HTML the way a reader must before showing it, and make its relative URLs absolute.")
    var sanitize = false

    @Flag(help: "List every problem found while reading, on standard error.")
    var diagnostics = false

    @Option(help: "The document's own address, for resolving relative links.")
    var baseURL: String?

    @Option(help: "The HTTP Content-Type the document came with (its charset decides the encoding).")
    var contentType: String?

    @Option(help: "Refuse documents larger than this many bytes.")
    var maxSize: Int = 256 << 20

    func run() async throws {
        let input = DocumentInput(source)
        var options = FeedParserOptions(sanitize: sanitize)
        options.limits.maxInputBytes = maxSize
        let parsed: ParsedFeed
        if case .url(let url) = input.origin {
            parsed = try await FeedReading.fetch(url, options: options, baseURL: baseURL, contentType: contentType,
                                                 maxSize: maxSize)
        } else {
            parsed = try FeedReading.read(input, options: options, baseURL: baseURL, contentType: contentType)
        }
        if diagnostics {
            for d in parsed.diagnostics {
                StandardError.write("\(input.displayName):\(d)\n")
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data: Data
            do {
                data = try encoder.encode(parsed.feed)
            } catch {
                throw CommandFailure.io("could not write JSON: \(error)")
            }
            FileHandle.standardOutput.write(data)
            StandardOutput.write("\n")
        } else {
            StandardOutput.write(FeedSummary.render(parsed, name: input.displayName))
        }
    }
}

/// Reading a document from a command's input with the whole-document parser when it fits in
/// memory comfortably, and with the streaming parser when it is larger.
enum FeedReading {
    /// Documents up to this size are read whole (the encoding can then be re-decided after
    /// looking at every byte); larger ones stream.
    static let wholeDocumentLimit = 64 << 20

    static func read(_ input: DocumentInput, options: FeedParserOptions, baseURL: String?,
                     contentType: String?) throws -> ParsedFeed {
        let prefix = try input.readPrefix(limit: min(wholeDocumentLimit, options.limits.maxInputBytes))
        if prefix.complete {
            do {
                let parser = FeedParser(options: options)
                // A document libxml2 can read in place is copied once, into a buffer it reads
                // where it lies; a larger one is handed over in pieces, with no copy of the whole.
                if prefix.bytes.count <= XMLStreamParser.wholeDocumentLimit {
                    return try parser.parse(document: DocumentBuffer(prefix.bytes), baseURL: baseURL, contentType: contentType)
                }
                return try parser.parse(data: prefix.bytes, baseURL: baseURL, contentType: contentType)
            } catch {
                throw CommandFailure.unreadableFeed(describe(error, in: input))
            }
        }
        var entries: [Entry] = []
        let stream = FeedStreamParser(options: options, baseURL: baseURL, contentType: contentType) {
            entries.append($0)
        }
        func feed(_ chunk: [UInt8]) throws(CommandFailure) {
            do {
                try stream.feed(chunk)
            } catch {
                throw CommandFailure.unreadableFeed(describe(error, in: input))
            }
        }
        try feed(prefix.bytes)
        try prefix.rest?.forEachChunk { chunk in
            try feed(chunk)
            return true
        }
        var parsed: ParsedFeed
        do {
            parsed = try stream.finish()
        } catch {
            throw CommandFailure.unreadableFeed(describe(error, in: input))
        }
        parsed.feed.entries = entries
        parsed.entryCount = entries.count
        return parsed
    }

    /// Fetches a feed over HTTP (redirects followed, gzip, limits) and parses the body with the
    /// response's Content-Type and final address, unless the caller gave their own.
    static func fetch(_ url: String, options: FeedParserOptions, baseURL: String?, contentType: String?,
                      maxSize: Int) async throws -> ParsedFeed {
        let (body, servedType, documentURL) = try await fetchDocument(url, maxBytes: min(maxSize, options.limits.maxInputBytes))
        do {
            return try FeedParser(options: options).parse(data: body, baseURL: baseURL ?? documentURL,
                                                          contentType: contentType ?? servedType)
        } catch {
            throw CommandFailure.unreadableFeed(describe(error, in: DocumentInput(url)))
        }
    }

    /// Fetches a document over HTTP (redirects followed, gzip, the body limit): its bytes, the
    /// Content-Type it was served with, and its own address (Content-Location, else the final URL).
    static func fetchDocument(_ url: String, maxBytes: Int) async throws
        -> (body: [UInt8], contentType: String?, documentURL: String) {
        let fetcher = HTTPFetcher(options: HTTPFetchOptions(maxBodyBytes: maxBytes))
        let result: HTTPFetchResult
        do {
            result = try await fetcher.fetch(url)
        } catch {
            await fetcher.shutdown()
            throw CommandFailure.io("\(url): \(error)")
        }
        await fetcher.shutdown()
        guard case .fetched(let body, let servedType) = result.outcome else {
            throw CommandFailure.io("\(url): HTTP \(result.status), no feed in the answer")
        }
        let documentURL = result.contentLocation.map { URLResolver.resolve($0, against: result.finalURL) } ?? result.finalURL
        return (body, servedType, documentURL)
    }

    static func describe(_ error: FeedParseError, in input: DocumentInput) -> String {
        let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(input.displayName)\(place): \(error.message)"
    }
}

/// The human-readable form of a parsed feed: a header, then one line per entry.
enum FeedSummary {
    static func render(_ parsed: ParsedFeed, name: String) -> String {
        let feed = parsed.feed
        var out = ""
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out += label.padding(toLength: 9, withPad: " ", startingAt: 0) + oneLine(value) + "\n"
        }
        var formatLine = "\(feed.format.rawValue), \(feed.encoding)"
        if !feed.wellFormed {
            let errors = parsed.diagnostics.filter { $0.severity == .error }.count
            formatLine += ", not well-formed (\(errors) problem\(errors == 1 ? "" : "s"); --diagnostics lists them)"
        }
        line("format", formatLine)
        line("title", feed.title?.plainText)
        line("link", feed.alternateLink?.href)
        line("updated", (feed.updated ?? feed.published)?.rfc3339)
        if !feed.authors.isEmpty { line("author", feed.authors.map(describe).joined(separator: ", ")) }
        out += "entries  \(feed.entries.count)\n"
        for entry in feed.entries {
            let date = (entry.published ?? entry.updated).map { String($0.rfc3339.prefix(16)).replacingOccurrences(of: "T", with: " ") }
                ?? "                "
            let author = entry.authors.first.map(describe) ?? "-"
            let title = entry.title?.plainText ?? entry.alternateLink?.href ?? entry.id ?? "(untitled)"
            out += "  \(date)  \(oneLine(author))  \(oneLine(title))\n"
        }
        return out
    }

    private static func describe(_ person: Person) -> String {
        person.name ?? person.email ?? person.uri ?? "-"
    }

    private static func oneLine(_ s: String) -> String {
        var result = ""
        var lastWasSpace = false
        for ch in s {
            if ch.isWhitespace || ch.isNewline {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(ch)
                lastWasSpace = false
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
