import FeedXML

/// The bytes-and-encoding layer: judges what the byte order mark, the XML declaration, the
/// layout of the first bytes and the HTTP charset say, reports where they contradict each
/// other, then decodes the document to UTF-8 for libxml2 and reports the first byte that is
/// not legal in the encoding in force (repairing it so the other layers still run).
///
/// The encoding in force follows RFC 3023 as feed readers apply it: the HTTP charset, else the
/// byte order mark, else the declaration, else the layout, else UTF-8. Unlike the parser, a
/// `text/…` type without charset is not taken to mean US-ASCII: validity is about the
/// document, not about how one server labels it.
final class EncodingCheck {
    private let transcoder: Transcoder?
    private let skip: Int
    private var skipped = 0
    private var reportedInvalidByte = false
    /// Raw bytes seen so far and the lines they hold, for the position of an invalid byte.
    private var rawOffset = 0
    private var newlines = 0
    private var lastNewline = -1

    init(head: [UInt8], contentType: String?, session: ValidationSession) {
        let evidence = EncodingEvidence(bytes: head, contentType: contentType)
        let section = "XML 1.0 §4.3.3"
        var declared: String?
        if let label = evidence.declaredEncoding {
            declared = EncodingName.canonical(label)
            if declared == nil {
                session.reportDocument(.unknownEncoding, "the declared encoding \"\(label)\" is not a known character encoding (\(section))")
            }
        }
        var charset: String?
        if let label = evidence.contentTypeCharset {
            charset = EncodingName.canonical(label)
            if charset == nil {
                session.reportDocument(.unknownEncoding, "the HTTP charset \"\(label)\" is not a known character encoding (RFC 3023 §3.1)")
            }
        }
        let bom = evidence.byteOrderMark
        let layout = evidence.layoutEncoding
        var consistentDeclaration = declared
        if let bom, let declared, !Self.sameFamily(bom, declared) {
            session.reportDocument(.declarationMismatch,
                                   "the byte order mark says \(bom) but the XML declaration says \(evidence.declaredEncoding ?? declared) (\(section), Appendix F)")
            consistentDeclaration = nil
        } else if bom == nil, let declared {
            if let layout, !Self.sameFamily(layout, declared) {
                session.reportDocument(.declarationMismatch,
                                       "the first bytes are laid out as \(layout) but the XML declaration says \(evidence.declaredEncoding ?? declared) (\(section), Appendix F)")
                consistentDeclaration = nil
            } else if layout == nil, Self.isWide(declared) {
                session.reportDocument(.declarationMismatch,
                                       "the XML declaration says \(evidence.declaredEncoding ?? declared) but the bytes are not laid out as UTF-16 or UTF-32 (\(section), Appendix F)")
                consistentDeclaration = nil
            } else if declared == "utf-16" {
                session.reportDocument(.declarationMismatch, "a document in UTF-16 must begin with a byte order mark (\(section))")
            }
        }
        if let charset {
            let documentSays = bom ?? declared ?? layout ?? "utf-8"
            if !Self.sameFamily(charset, documentSays) {
                session.reportDocument(.charsetMismatch,
                                       "the HTTP charset \(charset) overrides the document's own encoding \(documentSays); readers that ignore the charset decode it differently (RFC 3023 §3.1)")
            }
        }
        var inForce = charset ?? bom ?? consistentDeclaration ?? layout ?? "utf-8"
        if inForce == "utf-16" { inForce = layout?.hasPrefix("utf-16") == true ? (layout ?? "utf-16be") : "utf-16be" }
        if inForce == "utf-32" { inForce = layout?.hasPrefix("utf-32") == true ? (layout ?? "utf-32be") : "utf-32be" }
        let asciiLayout = layout == nil || layout == "ibm037"
        var transcoder = Transcoder(encoding: inForce, invalidBytes: asciiLayout && !Self.isWide(inForce) ? .decodeAsWindows1252 : .replace)
        if transcoder == nil {
            session.reportDocument(.unknownEncoding, "the encoding \(inForce) cannot be decoded on this system (\(section))")
            transcoder = Transcoder(encoding: "utf-8", invalidBytes: .decodeAsWindows1252)
        }
        self.transcoder = transcoder
        skip = evidence.byteOrderMarkLength
    }

    private static func isWide(_ name: String) -> Bool { name.hasPrefix("utf-16") || name.hasPrefix("utf-32") }

    /// Equal, or a byte-order-free name (`utf-16`) and one with a byte order (`utf-16le`).
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        for family in ["utf-16", "utf-32"] where (a == family && b.hasPrefix(family)) || (b == family && a.hasPrefix(family)) {
            return true
        }
        return false
    }

    /// The UTF-8 for the next piece of the document.
    func decode(_ chunk: [UInt8], final: Bool, session: ValidationSession) -> [UInt8] {
        guard let transcoder else { return [] }
        var input = chunk
        if skipped < skip {
            let n = min(skip - skipped, input.count)
            input.removeFirst(n)
            skipped += n
            rawOffset += n
        }
        let repairsBefore = transcoder.repairedCount
        let output = (try? transcoder.decode(input, final: final)) ?? []
        if !reportedInvalidByte, transcoder.repairedCount > repairsBefore, let first = transcoder.firstRepairedOffset {
            reportedInvalidByte = true
            let offset = first + skip
            let position = positionOf(rawOffset: offset, in: input, chunkStart: rawOffset)
            let byte = offset - rawOffset >= 0 && offset - rawOffset < input.count
                ? " 0x" + String(input[offset - rawOffset], radix: 16, uppercase: true) : ""
            session.reportDocument(.invalidByte,
                                   "the byte\(byte) is not legal \(transcoder.encoding), the encoding the document is read in (XML 1.0 §4.3.3)",
                                   at: position)
        }
        if !reportedInvalidByte { countLines(input) }
        rawOffset += input.count
        return output
    }

    /// Counts line feeds eight bytes at a time (a byte equal to 0x0A becomes a zero byte, and
    /// zero bytes are counted exactly), then finds the last one from the end.
    private func countLines(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var i = 0
            var found = 0
            let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let nonZero = ((word & lowBits) &+ lowBits) | word
                found += 8 - (nonZero & ~lowBits).nonzeroBitCount
                i += 8
            }
            while i < count {
                if raw[i] == 0x0A { found += 1 }
                i += 1
            }
            guard found > 0 else { return }
            newlines += found
            var j = count - 1
            while j >= 0, raw[j] != 0x0A { j -= 1 }
            lastNewline = rawOffset + j
        }
    }

    /// Line and column of a raw byte, counting earlier chunks' lines and this chunk's up to it.
    private func positionOf(rawOffset offset: Int, in chunk: [UInt8], chunkStart: Int) -> SourcePosition {
        var line = newlines + 1
        var lineStart = lastNewline + 1
        let end = min(max(offset - chunkStart, 0), chunk.count)
        for i in 0..<end where chunk[i] == 0x0A {
            line += 1
            lineStart = chunkStart + i + 1
        }
        return SourcePosition(line: line, column: offset - lineStart + 1)
    }
}
