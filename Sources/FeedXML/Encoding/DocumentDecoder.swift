import Glibc

/// A document turned into UTF-8 for libxml2.
public struct DecodedDocument: Sendable {
    /// The document as UTF-8 without its byte order mark (the input array itself when it was
    /// UTF-8 already).
    public var utf8: [UInt8]
    /// The canonical name of the encoding the document was read in.
    public var encoding: String
    /// True when the encoding first chosen could not read the document and a fallback did,
    /// or when bytes had to be repaired: the feed is then not well-formed.
    public var recovered: Bool
    /// What was tried and why it failed, one line each, for diagnostics.
    public var notes: [String]
}

/// Chooses the encoding of a whole document and decodes it, as "Choosing the encoding" in the
/// parsed-feed contract says:
///
/// 1. a Content-Type `charset` wins;
/// 2. without one, a `text/…` type means `us-ascii`; any other type (or none: a file) reads the
///    byte order mark, then the XML declaration, then the layout of the first bytes, then
///    takes XML's default, `utf-8`;
/// 3. when that encoding cannot decode the bytes, the fallbacks are the byte order mark, the
///    layout, the declaration, `utf-8`, `utf-8` with its stray bytes read as windows-1252 (when
///    the document is mostly well-formed UTF-8), then the encoding recognised from the bytes —
///    `windows-1252` unless ``CharsetRecogniser`` clearly prefers another.
///
/// A document that declares nothing and is not UTF-8 reaches recognition through step 3, so
/// it counts as recovered: XML says such a document is UTF-8.
public enum DocumentDecoder {
    /// True when the rules pick UTF-8 from the Content-Type, the byte order mark, the declaration
    /// or the default alone, before any byte of the body is looked at. A caller may then validate
    /// the body piece by piece as it parses (cache-warm, in one pass) and fall back to `decode`
    /// only if a piece turns out not to be UTF-8.
    public static func choosesUTF8Upfront(_ bytes: [UInt8], contentType: String?) -> Bool {
        if contentType == nil, declaresUTF8(bytes) { return true }
        return EncodingChooser.firstChoiceName(bytes, contentType: contentType) == "utf-8"
    }

    /// True for a document that starts, with no byte order mark, with an XML declaration whose
    /// `encoding` is UTF-8: the rules' answer for most feeds, read without the general
    /// machinery. Anything less plain is left to the rules.
    static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all.prefix(256))
            guard head.starts(with: "<?xml ".utf8), let start = head.baseAddress else { return false }
            // The declaration ends at the first `?>`.
            var end = 6
            while end + 1 < head.count, head[end] != UInt8(ascii: "?") || head[end + 1] != UInt8(ascii: ">") {
                end += 1
            }
            guard end + 1 < head.count else { return false }
            let name: StaticString = " encoding"
            var i = 0
            while i + name.utf8CodeUnitCount <= end, memcmp(start + i, name.utf8Start, name.utf8CodeUnitCount) != 0 {
                i += 1
            }
            guard i + name.utf8CodeUnitCount <= end else { return false }
            i += name.utf8CodeUnitCount
            while i < end, head[i] == 0x20 { i += 1 }
            guard i < end, head[i] == UInt8(ascii: "=") else { return false }
            i += 1
            while i < end, head[i] == 0x20 { i += 1 }
            guard i < end, head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'") else { return false }
            let quote = head[i]
            let valueStart = i + 1
            var valueEnd = valueStart
            while valueEnd < end, head[valueEnd] != quote { valueEnd += 1 }
            guard valueEnd < end else { return false }
            let value = head[valueStart..<valueEnd].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            return value.elementsEqual("utf-8".utf8) || value.elementsEqual("utf8".utf8)
        }
    }

    public static func decode(_ bytes: [UInt8], contentType: String?) -> DecodedDocument {
        let decision = EncodingChooser.decide(bytes, contentType: contentType, isComplete: true)
        return DecodedDocument(utf8: decision.output, encoding: decision.transcoder.encoding,
                               recovered: decision.recovered, notes: decision.notes)
    }
}

/// The chosen encoding, with the transcoder that decoded the bytes seen so far.
struct EncodingDecision {
    var transcoder: Transcoder
    var output: [UInt8]
    var recovered: Bool
    var notes: [String]
}

/// The policy behind ``DocumentDecoder`` and ``StreamingDocumentDecoder``.
struct EncodingChooser {
    /// How much better than windows-1252 the recogniser must rate another encoding to be preferred.
    static let recognitionMargin = 0.1
    /// Fewer non-ASCII characters than this are too little evidence to leave windows-1252.
    static let recognitionEvidence = 4

    private let bytes: [UInt8]
    private let isComplete: Bool
    private let prologue: DocumentPrologue
    private let contentType: HTTPContentType?
    private var notes: [String] = []
    private var recovered = false
    private var tried: Set<String> = []

    static func firstChoiceName(_ bytes: [UInt8], contentType: String?) -> String? {
        var chooser = EncodingChooser(bytes: bytes, contentType: contentType, isComplete: true)
        return chooser.firstChoice()?.0.name
    }

    static func decide(_ bytes: [UInt8], contentType: String?, isComplete: Bool) -> EncodingDecision {
        var chooser = EncodingChooser(bytes: bytes, contentType: contentType, isComplete: isComplete)
        return chooser.decide()
    }

    private init(bytes: [UInt8], contentType: String?, isComplete: Bool) {
        self.bytes = bytes
        self.isComplete = isComplete
        prologue = bytes.withUnsafeBufferPointer { DocumentPrologue($0) }
        self.contentType = HTTPContentType(contentType)
    }

    private mutating func decide() -> EncodingDecision {
        if let (entry, reason) = firstChoice(), let decision = attempt(entry, because: reason) {
            return decision
        }
        recovered = true
        if let mark = prologue.byteOrderMark, let decision = attempt(named: mark.encoding, because: "its byte order mark") {
            return decision
        }
        if let name = prologue.layoutEncoding, let decision = attempt(named: name, because: "the layout of its first bytes") {
            return decision
        }
        if let declared = prologue.declaredEncoding, let entry = resolve(declared),
           let decision = attempt(entry, because: "its XML declaration") {
            return decision
        }
        if let decision = attempt(named: "utf-8", because: "the default of XML") { return decision }
        if isMostlyUTF8(), let decision = attempt(named: "utf-8", because: "most of it is UTF-8",
                                                  repairing: .decodeAsWindows1252) {
            return decision
        }
        let ranking = CharsetRecogniser.rank(bytes)
        let latin = ranking.first { $0.encoding == "windows-1252" }
        if let best = ranking.first, best.encoding != "windows-1252",
           best.characters >= Self.recognitionEvidence,
           best.score >= (latin?.score ?? 0) + Self.recognitionMargin,
           let decision = attempt(named: best.encoding, because: "recognised from its bytes", repairing: .replace) {
            return decision
        }
        if let decision = attempt(named: "windows-1252", because: "the usual encoding of unlabelled Western text",
                                  rejectingUndefinedBytes: true) {
            return decision
        }
        if let best = ranking.first,
           let decision = attempt(named: best.encoding, because: "recognised from its bytes", repairing: .replace) {
            return decision
        }
        return lastResort()
    }

    /// The encoding rules 1 and 2 choose, or nil (with a note) when the name chosen is unknown.
    fileprivate mutating func firstChoice() -> (EncodingEntry, String)? {
        let declared = prologue.declaredEncoding
        if let charset = self.contentType?.charset {
            guard let entry = resolve(charset) else {
                notes.append("the Content-Type charset \"\(charset)\" names no encoding this parser reads")
                return nil
            }
            if let declared, resolve(declared)?.name != entry.name {
                notes.append("the Content-Type charset \(entry.name) overrides the declared encoding \"\(declared)\"")
            }
            return (entry, "the Content-Type charset")
        }
        if let contentType, contentType.isText {
            if let declared, resolve(declared)?.name != "us-ascii" {
                notes.append("\(contentType.essence) without charset is us-ascii, whatever the declaration \"\(declared)\" says")
            }
            return EncodingName.entry("us-ascii").map { ($0, "a text/… Content-Type without charset") }
        }
        if let mark = prologue.byteOrderMark {
            if let declared, let entry = resolve(declared), entry.name != mark.encoding {
                notes.append("the byte order mark (\(mark.encoding)) overrides the declared encoding \"\(declared)\"")
            }
            return EncodingName.entry(mark.encoding).map { ($0, "its byte order mark") }
        }
        if let declared {
            guard let entry = resolve(declared) else {
                notes.append("the declared encoding \"\(declared)\" names no encoding this parser reads")
                return nil
            }
            return (entry, "its XML declaration")
        }
        if let name = prologue.layoutEncoding {
            return EncodingName.entry(name).map { ($0, "the layout of its first bytes") }
        }
        return EncodingName.entry("utf-8").map { ($0, "no encoding is declared: the default of XML") }
    }

    /// The entry for a label, with `utf-16` and `utf-32` given the document's byte order.
    private func resolve(_ label: String) -> EncodingEntry? {
        guard let name = EncodingName.canonical(label), let entry = EncodingName.entry(name) else { return nil }
        let ordered: String
        switch entry.layout {
        case .utf16UnknownOrder:
            switch prologue.layout {
            case .utf16LittleEndian: ordered = "utf-16le"
            case .utf16BigEndian: ordered = "utf-16be"
            default:
                let guess = bytes.withUnsafeBufferPointer { CharsetRecogniser.wideEncoding($0) }
                ordered = guess == "utf-16le" ? "utf-16le" : "utf-16be"   // RFC 2781: big-endian by default
            }
        case .utf32UnknownOrder:
            switch prologue.layout {
            case .utf32LittleEndian: ordered = "utf-32le"
            case .utf32BigEndian: ordered = "utf-32be"
            default:
                let guess = bytes.withUnsafeBufferPointer { CharsetRecogniser.wideEncoding($0) }
                ordered = guess == "utf-32le" ? "utf-32le" : "utf-32be"
            }
        default:
            return entry
        }
        return EncodingName.entry(ordered)
    }

    private mutating func attempt(named name: String, because reason: String,
                                  repairing policy: InvalidBytePolicy = .fail,
                                  rejectingUndefinedBytes: Bool = false) -> EncodingDecision? {
        guard let entry = EncodingName.decodingEntry(name) else { return nil }
        return attempt(entry, because: reason, repairing: policy, rejectingUndefinedBytes: rejectingUndefinedBytes)
    }

    /// Decodes the document in one encoding; nil (with a note) when it does not decode.
    private mutating func attempt(_ entry: EncodingEntry, because reason: String,
                                  repairing policy: InvalidBytePolicy = .fail,
                                  rejectingUndefinedBytes: Bool = false) -> EncodingDecision? {
        let key = "\(entry.name) \(policy) \(rejectingUndefinedBytes)"
        guard tried.insert(key).inserted else { return nil }
        if let mark = prologue.byteOrderMark, mark.encoding != entry.name {
            notes.append("\(entry.name) (\(reason)) cannot read a document that starts with a \(mark.encoding) byte order mark")
            return nil
        }
        if let layout = prologue.layout, layout != entry.layout {
            notes.append("\(entry.name) (\(reason)) cannot read a document whose first bytes are \(describe(layout))")
            return nil
        }
        guard let transcoder = Transcoder(entry: entry, invalidBytes: policy,
                                          rejectingUndefinedWindows1252Bytes: rejectingUndefinedBytes) else {
            notes.append("\(entry.name) (\(reason)) cannot be decoded on this system")
            return nil
        }
        let markLength = prologue.byteOrderMark?.length ?? 0
        let output: [UInt8]
        do {
            output = markLength == 0
                ? try transcoder.decode(bytes, final: isComplete)
                : try transcoder.decode(bytes[markLength...], final: isComplete)
        } catch {
            let offset = error.offset + markLength
            let byte = offset < bytes.count ? " 0x" + String(bytes[offset], radix: 16, uppercase: true) : ""
            notes.append("\(entry.name) (\(reason)) cannot decode the byte\(byte) at offset \(offset)"
                         + (error.truncated ? ": the document ends inside a character" : ""))
            return nil
        }
        if transcoder.repairedCount > 0 {
            recovered = true
            let first = (transcoder.firstRepairedOffset ?? 0) + markLength
            notes.append("read as \(entry.name) (\(reason)); \(transcoder.repairedCount) undecodable byte(s) repaired, the first at offset \(first)")
        }
        return EncodingDecision(transcoder: transcoder, output: output, recovered: recovered, notes: notes)
    }

    /// The layout's encoding with U+FFFD for what does not decode; else windows-1252, which reads every byte.
    private mutating func lastResort() -> EncodingDecision {
        if let name = prologue.layoutEncoding,
           let decision = attempt(named: name, because: "the layout of its first bytes", repairing: .replace) {
            return decision
        }
        notes.append("no encoding could read the document; its bytes are read as windows-1252")
        let transcoder = Transcoder.windows1252()
        let output = (try? transcoder.decode(bytes, final: true)) ?? []
        return EncodingDecision(transcoder: transcoder, output: output, recovered: true, notes: notes)
    }

    /// Many well-formed multi-byte sequences and few stray bytes: UTF-8 with a few bytes of
    /// windows-1252 pasted in, not another encoding.
    private func isMostlyUTF8() -> Bool {
        let survey = bytes.withUnsafeBufferPointer { UTF8Validation.survey($0) }
        return survey.multiByteSequences > 0 && survey.multiByteSequences >= 4 * survey.invalidBytes
    }

    private func describe(_ layout: ByteLayout) -> String {
        switch layout {
        case .asciiCompatible: "ASCII characters"
        case .utf16LittleEndian: "laid out as UTF-16LE"
        case .utf16BigEndian: "laid out as UTF-16BE"
        case .utf32LittleEndian: "laid out as UTF-32LE"
        case .utf32BigEndian: "laid out as UTF-32BE"
        case .ebcdic: "EBCDIC"
        case .utf16UnknownOrder, .utf32UnknownOrder: "laid out as UTF-16 or UTF-32"
        }
    }
}

extension Transcoder {
    /// The hand-written windows-1252 decoder, which needs no iconv and reads every byte.
    static func windows1252() -> Transcoder {
        let entry = EncodingEntry(name: "windows-1252", decoder: .windows1252, layout: .asciiCompatible)
        guard let transcoder = Transcoder(entry: entry, invalidBytes: .decodeAsWindows1252) else {
            preconditionFailure("the windows-1252 transcoder is built without iconv")
        }
        return transcoder
    }
}
