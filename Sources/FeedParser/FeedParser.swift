import FeedModel
import FeedXML

/// A feed read from a document, with what the parser noticed on the way.
public struct ParsedFeed: Sendable {
    public var feed: Feed
    /// Recovered problems, in document order: ill-formed XML, undeclared entities, unreadable
    /// dates, a re-decoded encoding. Empty for a clean document.
    public var diagnostics: [ParseDiagnostic]
    /// Entries read; equals `feed.entries.count` unless they were streamed to a callback.
    public var entryCount: Int

    public init(feed: Feed, diagnostics: [ParseDiagnostic], entryCount: Int) {
        self.feed = feed
        self.diagnostics = diagnostics
        self.entryCount = entryCount
    }
}

/// Reads RSS 0.90–2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0 and JSON Feed 1.0 and 1.1 into the model.
///
/// The format is recognised from the content, never from a file name. Broken documents are read as
/// far as they go (with `wellFormed: false` and diagnostics); only a document that holds no feed at
/// all throws. For feeds of any length in bounded memory, use `FeedStreamParser`.
///
/// ```swift
/// let parsed = try FeedParser().parse(data: bytes, baseURL: "https://example.org/feed.xml")
/// for entry in parsed.feed.entries { print(entry.title?.plainText ?? "") }
/// ```
public struct FeedParser: Sendable {
    public var options: FeedParserOptions

    public init(options: FeedParserOptions = FeedParserOptions()) {
        self.options = options
    }

    /// Parses a whole document held in memory.
    /// - Parameters:
    ///   - baseURL: the document's own address, for resolving relative links.
    ///   - contentType: the HTTP `Content-Type` it came with; its charset takes part in choosing
    ///     the encoding.
    public func parse(data: [UInt8], baseURL: String? = nil, contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
        try parse(data, held: nil, baseURL: baseURL, contentType: contentType)
    }

    /// `parse(data:baseURL:contentType:)` for a document held in a `DocumentBuffer`: a UTF-8
    /// document is read where it lies, without the copy libxml2 otherwise makes of it.
    public func parse(document: DocumentBuffer, baseURL: String? = nil, contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
        try parse(document.bytes, held: document, baseURL: baseURL, contentType: contentType)
    }

    /// `held`, when there is one, holds `data`.
    private func parse(_ data: [UInt8], held: DocumentBuffer?, baseURL: String?, contentType: String?) throws(FeedParseError) -> ParsedFeed {
        if let junk = DocumentSniffer.junkBeforeMarkup(data) {
            // A warning printed by the server before the XML: read what follows it.
            var parsed = try parse(data: Array(data[junk...]), baseURL: baseURL, contentType: contentType)
            parsed.feed.wellFormed = false
            parsed.diagnostics.insert(ParseDiagnostic(severity: .error, code: "junk-before-document",
                                                      message: "\(junk) bytes before the document were skipped",
                                                      position: SourcePosition(line: 1, column: 1)), at: 0)
            return parsed
        }
        if data.count > options.limits.maxInputBytes {
            throw .limitExceeded(limit: XMLLimit.inputSize.rawValue,
                                 message: "the document is larger than \(options.limits.maxInputBytes) bytes",
                                 position: nil)
        }
        switch DocumentSniffer.kind(of: data) {
        case .empty:
            throw .empty
        case .json:
            return try JSONFeedReader(options: options, baseURL: baseURL).read(data)
        case .binary:
            throw .unreadable(reason: "the document is binary data, not a feed", position: nil)
        case .markup:
            break
        }
        if DocumentDecoder.choosesUTF8Upfront(data, contentType: contentType),
           let parsed = try read(data, held: held, validating: true, baseURL: baseURL, encoding: "utf-8", recovered: false,
                                 notes: []) {
            return parsed
        }
        let decoded = DocumentDecoder.decode(data, contentType: contentType)
        // Without validation `read` always reads to the end: the guard never fails.
        guard let parsed = try read(decoded.utf8, validating: false, baseURL: baseURL, encoding: decoded.encoding,
                                    recovered: decoded.recovered, notes: decoded.notes) else {
            throw .unreadable(reason: "the document could not be decoded", position: nil)
        }
        return parsed
    }

    /// Reads UTF-8 into a feed, handed to libxml2 as a whole document (`finish(last:)`). With
    /// `validating` (the common case: a document the rules read as UTF-8), the bytes are not
    /// validated first: libxml2 reads every character strictly, and the XML layer checks the rest
    /// and stops at the first byte that is not UTF-8 (`XMLStreamParser.checksUTF8`). nil comes
    /// back then, and the caller decodes the whole document instead. `held`, when there is one,
    /// holds `bytes`, and libxml2 reads them in place.
    private func read(_ bytes: [UInt8], held: DocumentBuffer? = nil, validating: Bool, baseURL: String?, encoding: String,
                      recovered: Bool, notes: [String], repairing: Bool = true) throws(FeedParseError) -> ParsedFeed? {
        // libxml2 leaves a character cut short by the end of the input unread and unreported.
        if validating, Self.endsWithMalformedUTF8(bytes) { return nil }
        let reader = FeedDocumentReader(options: options, baseURL: baseURL)
        // What reaches the reader is valid UTF-8: checked on the way (below) or produced by the decoder.
        reader.textBuffer.inputIsValidUTF8 = true
        let xml = XMLStreamParser(handler: reader, limits: options.limits, textBuffer: reader.textBuffer)
        xml.checksUTF8 = validating
        reader.attach(to: xml)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let held {
            xml.finish(last: held, from: start)
        } else {
            bytes.withUnsafeBytes { all in xml.finish(last: UnsafeRawBufferPointer(rebasing: all[start...])) }
        }
        guard !xml.sawMalformedUTF8 else { return nil }
        if repairing, xml.droppedAmpersandInAttribute, let repaired = AmpersandRepair.escapingBareAmpersandsInTags(bytes) {
            return try read(repaired, validating: validating, baseURL: baseURL, encoding: encoding, recovered: true,
                            notes: notes + ["an attribute value held a bare '&': escaped and read again"], repairing: false)
        }
        return try finish(reader: reader, xml: xml, encoding: encoding, recovered: recovered, notes: notes)
    }

    /// True when the last characters of `bytes` are not well-formed UTF-8 (the last few bytes,
    /// from the start of a character, are checked).
    private static func endsWithMalformedUTF8(_ bytes: [UInt8]) -> Bool {
        var start = max(0, bytes.count - 8)
        while start > 0, start > bytes.count - 12, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return bytes[start...].withUnsafeBufferPointer { UTF8Validation.validate($0) != .valid }
    }

    private func finish(reader: FeedDocumentReader, xml: XMLStreamParser, encoding: String,
                        recovered: Bool, notes: [String]) throws(FeedParseError) -> ParsedFeed {
        var entries = reader.takeEntries()
        var result = try FeedAssembly.finish(reader: reader, encoding: encoding, recovered: recovered,
                                             encodingNotes: notes)
        if result.feed.format.isAtom, !result.feed.authors.isEmpty {
            // Atom entries without authors take the feed's, even when the feed names them last.
            for i in entries.indices where entries[i].authors.isEmpty && entries[i].source?.authors.isEmpty != false {
                entries[i].authors = result.feed.authors
            }
        }
        result.feed.entries = entries
        result.entryCount = entries.count
        return result
    }

    /// Parses a whole document and returns only the feed.
    public static func parse(data: [UInt8], baseURL: String? = nil) throws(FeedParseError) -> Feed {
        try FeedParser().parse(data: data, baseURL: baseURL).feed
    }
}

/// Reads a document handed over in pieces (from a file, a socket, an HTTP body) and gives each
/// entry to `onEntry` as soon as it ends, so memory stays bounded whatever the feed's length.
///
/// JSON Feed documents are collected and read at `finish()` (JSON has no useful streaming form
/// for feeds). Two things the whole-document parser does need the whole document, and streaming
/// does without them: Atom entries without authors take only the feed authors named *before*
/// them, and the encoding is decided on the first 64 KiB (a later undecodable byte is read as
/// windows-1252 and reported). Not `Sendable`: one parser belongs to one task.
public final class FeedStreamParser {
    private let options: FeedParserOptions
    private let baseURL: String?
    private let onEntry: (Entry) -> Void
    private let decoder: StreamingDocumentDecoder
    private var reader: FeedDocumentReader?
    private var xml: XMLStreamParser?
    private var pending: [UInt8] = []
    private var mode: DocumentSniffer.Kind?
    private var bytesSeen = 0

    public init(options: FeedParserOptions = FeedParserOptions(), baseURL: String? = nil, contentType: String? = nil,
                onEntry: @escaping (Entry) -> Void) {
        self.options = options
        self.baseURL = baseURL
        self.onEntry = onEntry
        self.decoder = StreamingDocumentDecoder(contentType: contentType)
    }

    /// Feeds the next piece. Throws as soon as the document turns out not to be a feed, or
    /// breaks a limit, so the caller can stop reading.
    public func feed(_ bytes: [UInt8]) throws(FeedParseError) {
        bytesSeen += bytes.count
        if bytesSeen > options.limits.maxInputBytes {
            throw .limitExceeded(limit: XMLLimit.inputSize.rawValue,
                                 message: "the document is larger than \(options.limits.maxInputBytes) bytes",
                                 position: nil)
        }
        if mode == nil {
            pending.append(contentsOf: bytes)
            let kind = DocumentSniffer.kind(of: pending)
            // Decide once there is something to decide on; an empty start waits for more.
            guard kind != .empty || pending.count > 4096 else { return }
            mode = kind
            switch kind {
            case .binary: throw .unreadable(reason: "the document is binary data, not a feed", position: nil)
            case .json, .empty: return
            case .markup:
                let first = pending
                pending = []
                try push(decoder.decode(first))
            }
            return
        }
        switch mode {
        case .json, .empty: pending.append(contentsOf: bytes)
        default: try push(decoder.decode(bytes))
        }
    }

    private func push(_ utf8: [UInt8]) throws(FeedParseError) {
        if xml == nil {
            let reader = FeedDocumentReader(options: options, baseURL: baseURL, onEntry: onEntry)
            reader.textBuffer.inputIsValidUTF8 = true
            self.reader = reader
            let parser = XMLStreamParser(handler: reader, limits: options.limits, textBuffer: reader.textBuffer)
            reader.attach(to: parser)
            xml = parser
        }
        guard let xml, let reader, !utf8.isEmpty else { return }
        xml.feed(utf8)
        // A rejection (no feed, a limit) has stopped the parser as well.
        if let rejection = reader.rejection {
            throw rejection
        }
    }

    /// Ends the document and returns the feed's metadata (its entries went to `onEntry`).
    public func finish() throws(FeedParseError) -> ParsedFeed {
        switch mode {
        case .json:
            let parsed = try JSONFeedReader(options: options, baseURL: baseURL).read(pending)
            parsed.feed.entries.forEach(onEntry)
            var withoutEntries = parsed
            withoutEntries.feed.entries = []
            return withoutEntries
        case nil, .empty:
            throw .empty
        case .binary:
            throw .unreadable(reason: "the document is binary data, not a feed", position: nil)
        case .markup:
            try push(decoder.finish())
            guard let xml, let reader else { throw .empty }
            xml.finish()
            return try FeedAssembly.finish(reader: reader, encoding: decoder.encoding, recovered: decoder.recovered,
                                           encodingNotes: decoder.notes)
        }
    }
}

/// The steps after the last XML event that both parse forms share.
enum FeedAssembly {
    static func finish(reader: FeedDocumentReader, encoding: String, recovered: Bool,
                       encodingNotes: [String]) throws(FeedParseError) -> ParsedFeed {
        if let rejection = reader.rejection { throw rejection }
        guard let format = reader.format else {
            let firstError = reader.diagnostics.first
            if reader.sawRootElement {
                throw .unreadable(reason: "not a feed: \(firstError?.message ?? "no feed element")",
                                  position: firstError?.position)
            }
            throw .unreadable(reason: "no XML element found: the document is not a feed", position: firstError?.position)
        }
        var feed = reader.feedMeta.makeFeed(format: format)
        feed.encoding = encoding
        feed.wellFormed = reader.wellFormed && !recovered
        var diagnostics = encodingNotes.map {
            ParseDiagnostic(severity: .warning, code: "encoding-fallback", message: $0)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return ParsedFeed(feed: feed, diagnostics: diagnostics, entryCount: reader.entryCount)
    }
}

/// What kind of document a byte sequence starts like.
enum DocumentSniffer {
    enum Kind: Equatable { case empty, json, markup, binary }

    /// The length of text before the first `<` of a document that starts with something else
    /// (`Warning: … on line 12` from a web server), or nil. Wide encodings are left alone.
    static func junkBeforeMarkup(_ bytes: [UInt8]) -> Int? {
        guard kind(of: bytes) == .markup, bytes.count >= 2, bytes[0] != 0, bytes[1] != 0,
              !(bytes[0] == 0xFE && bytes[1] == 0xFF), !(bytes[0] == 0xFF && bytes[1] == 0xFE) else { return nil }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] != UInt8(ascii: "<") else { return nil }
        // Only a short run of text before something that opens an XML document or a feed: random
        // bytes that happen to hold a '<' are not a feed behind a warning.
        let window = bytes[i..<min(bytes.count, i + 2048)]
        guard let first = window.firstIndex(of: UInt8(ascii: "<")),
              !window[..<first].contains(where: { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }) else { return nil }
        let opening = String(decoding: bytes[first..<min(bytes.count, first + 9)], as: UTF8.self).lowercased()
        let starts = ["<?xml", "<rss", "<feed", "<rdf:rdf", "<!--", "<!doctype", "<channel"]
        return starts.contains(where: { opening.hasPrefix($0) }) ? first : nil
    }

    static func kind(of bytes: [UInt8]) -> Kind {
        var i = 0
        // UTF-8 BOM
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        // UTF-16/32 BOMs or zero bytes in the first characters: markup in a wide encoding.
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            return .markup
        }
        if bytes.count >= 4, bytes[0] == 0 || bytes[1] == 0, bytes.prefix(4).contains(UInt8(ascii: "<")) {
            return .markup
        }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return .empty }
        switch bytes[i] {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .markup
        default:
            // Text that is not markup may still be a feed after junk (a PHP warning before the
            // XML declaration is common): look for a '<' soon, among mostly printable bytes.
            let window = bytes[i..<min(bytes.count, i + 1024)]
            let controls = window.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
            if controls > window.count / 10 { return .binary }
            return .markup
        }
    }
}
