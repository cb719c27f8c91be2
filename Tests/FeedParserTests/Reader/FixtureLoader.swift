import FeedModel
@testable import FeedParser
import Foundation
import Testing

/// Reads the documents under `Fixtures/` (copied into the test bundle whole) and runs them
/// through both parse forms.
enum FixtureLoader {
    struct MissingFixture: Error, CustomStringConvertible {
        let path: String
        var description: String { "no fixture at Fixtures/\(path) in the test bundle" }
    }

    /// The bytes of `Fixtures/<path>`, exactly as stored.
    static func bytes(_ path: String) throws -> [UInt8] {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw MissingFixture(path: path)
        }
        let file = directory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: file.path) else { throw MissingFixture(path: path) }
        return [UInt8](try Data(contentsOf: file))
    }

    /// The fixture read by `FeedParser.parse(data:baseURL:contentType:)`.
    static func parse(_ path: String, baseURL: String? = nil, contentType: String? = nil,
                      options: FeedParserOptions = FeedParserOptions()) throws -> ParsedFeed {
        try FeedParser(options: options).parse(data: bytes(path), baseURL: baseURL, contentType: contentType)
    }

    /// The feed of `parse(_:baseURL:contentType:options:)`, without the diagnostics.
    static func feed(_ path: String, baseURL: String? = nil, contentType: String? = nil,
                     options: FeedParserOptions = FeedParserOptions()) throws -> Feed {
        try parse(path, baseURL: baseURL, contentType: contentType, options: options).feed
    }

    /// What the whole-document parser threw for these bytes, or nil when it returned a feed.
    static func refusal(of bytes: [UInt8], options: FeedParserOptions = FeedParserOptions()) -> FeedParseError? {
        do {
            _ = try FeedParser(options: options).parse(data: bytes)
            return nil
        } catch {
            return error
        }
    }

    /// The bytes handed to a `FeedStreamParser` in pieces of `chunkSize` bytes; the entries given
    /// to `onEntry` are put back into the feed, so the result compares with the whole-document
    /// parse. `entriesBeforeFinish` counts the entries handed over before `finish()`.
    static func stream(_ bytes: [UInt8], chunkSize: Int = 1, baseURL: String? = nil, contentType: String? = nil,
                       options: FeedParserOptions = FeedParserOptions()) throws -> StreamedFeed {
        let collector = EntryCollector()
        let parser = FeedStreamParser(options: options, baseURL: baseURL, contentType: contentType) { entry in
            collector.entries.append(entry)
        }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            try parser.feed(Array(bytes[offset..<end]))
            offset = end
        }
        let entriesBeforeFinish = collector.entries.count
        var parsed = try parser.finish()
        parsed.feed.entries = collector.entries
        return StreamedFeed(parsed: parsed, entriesBeforeFinish: entriesBeforeFinish)
    }

    struct StreamedFeed {
        var parsed: ParsedFeed
        var entriesBeforeFinish: Int
        var feed: Feed { parsed.feed }
    }

    /// Holds what `onEntry` receives; a class, so the escaping callback can append to it.
    final class EntryCollector {
        var entries: [Entry] = []
    }

    /// Every fixture that holds a feed (refusals and deliberately broken documents excluded).
    static let feedFixtures: [String] = [
        "rss/rss090.xml", "rss/rss091.xml", "rss/rss092.xml", "rss/rss093.xml", "rss/rss094.xml",
        "rss/rss20.xml", "rss/rss-without-version.xml", "rss/rss20-version-2.0.1.xml", "rss/guid-links.xml",
        "rss/persons.xml", "rss/dates.xml", "rss/channel-dc-date.xml", "rss/date-shapes.xml",
        "rss/declared-internal-entity.xml", "rss/items-apart.xml",
        "rdf/rss10.xml", "rdf/rss10-prefixed.xml",
        "atom10/feed.xml", "atom10/authors-later.xml", "atom10/source.xml", "atom10/content-types.xml",
        "atom10/link-repeats.xml", "atom10/link-attributes.xml", "atom10/person-addresses.xml",
        "atom03/feed.xml",
        "json/feed10.json", "json/feed11.json", "json/relative-urls.json",
        "namespaces/odd-prefixes.xml", "namespaces/atom-prefixed.xml", "namespaces/atom-in-rss.xml",
        "namespaces/wrong-uris.xml", "namespaces/dublin-core.xml", "namespaces/content-encoded.xml",
        "namespaces/media-rss.xml", "namespaces/itunes.xml", "namespaces/creative-commons.xml",
        "namespaces/rss-default-namespace.xml", "namespaces/content-precedence.xml", "namespaces/itunes-fallbacks.xml",
        "text/atom-text-constructs.xml", "text/rss-markup.xml", "text/unsafe-markup.xml", "text/xhtml-escaping.xml",
        "base/xml-base-chain.xml", "base/relative-links.xml", "base/xml-base-relative-to-document.xml",
        "base/xml-lang.xml", "base/relative-permalink-guid.xml",
        "encoding/windows-1252.xml", "encoding/utf-16le-bom.xml", "encoding/utf-16be-bom.xml",
        "encoding/utf-8-declared-windows-1252-bytes.xml", "encoding/koi8-r-declared-iso-8859-1.xml",
        "encoding/iso-8859-1.xml", "encoding/ascii-under-text-xml.xml", "encoding/gb2312.xml",
        "encoding/shift_jis-undeclared.xml", "encoding/utf-8-bom.xml",
        "recovery/undeclared-entities.xml", "recovery/bare-ampersand.xml", "recovery/unclosed-tag.xml",
        "recovery/mismatched-end-tag.xml", "recovery/unclosed-element-in-item.xml",
        "recovery/bare-ampersand-in-attribute.xml", "recovery/unescaped-html-in-description.xml",
        "recovery/utf-8-escaped-byte-by-byte.xml",
    ]
}

extension Feed {
    /// The entry at `index`; a recorded failure, never a crash, when the feed has fewer.
    func entry(_ index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Entry {
        try #require(entries.indices.contains(index), "the feed has only \(entries.count) entries",
                     sourceLocation: sourceLocation)
        return entries[index]
    }
}

extension ParsedFeed {
    /// The diagnostics with this code.
    func diagnostics(coded code: String) -> [ParseDiagnostic] {
        diagnostics.filter { $0.code == code }
    }
}
