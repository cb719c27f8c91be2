import CLibXML2

/// Reading character data ahead of libxml2.
///
/// libxml2 2.9 reads text one character at a time, through a function call each, once a run of
/// text holds a character outside ASCII, and hands every reference (`&lt;`) over as a text event
/// of its own. Escaped HTML, the usual content of a feed, is mostly that: more than half of
/// libxml2's time on an Atom feed goes into the text of its `content` and `summary` elements.
///
/// So when a reference has just been handed over into a collecting text buffer, the text that
/// follows is read here instead: plain runs are copied, the five predefined entities and
/// character references are resolved, and libxml2's cursor (and line and column) is moved past
/// what was read. It stops at markup or at any other reference, and leaves the whole run of
/// text it is in to libxml2 when it meets what it does not read exactly as libxml2 would: a
/// carriage return (libxml2 normalises line ends), `]]>`, a control character, bytes that are not
/// well-formed UTF-8 or a character XML does not allow. What the buffer receives is what
/// libxml2's events would have put there.
///
/// Only in element content of the document itself (not inside an entity), for a document that
/// declares no entities, and into a buffer that collects text as it is (not escaping markup or
/// dropping white space, which depend on how the text is split into events). Fed in pieces,
/// libxml2 holds only what came so far: a reference cut off by its end is left to libxml2, which
/// waits for the rest, and so is a run that reaches it.
extension XMLParserState {
    /// Reads on after the reference whose expansion libxml2 just handed over as `chars`.
    func readTextAhead(after chars: UnsafePointer<UInt8>, count: Int, into buffer: XMLTextBuffer) {
        // After bytes that are not UTF-8 libxml2 reads on as ISO-8859-1, a column per byte.
        guard let ctxt, ctxt.pointee.instate == XML_PARSER_CONTENT, ctxt.pointee.inputNr == 1,
              ctxt.pointee.charset == Int32(XML_CHAR_ENCODING_UTF8.rawValue),
              let input = ctxt.pointee.input, let start = input.pointee.cur, let base = input.pointee.base,
              let end = input.pointee.end, start > base, start <= end,
              // A reference's expansion comes from libxml2's tables or its stack, never the input.
              chars < base || chars >= end,
              Self.referenceEnds(at: start, after: base, expandingTo: UnsafeBufferPointer(start: chars, count: count))
        else { return }
        var p = start
        var runStart = start
        var lines: Int32 = 0
        var lineStart: UnsafePointer<UInt8>? = nil
        // Bytes since `lineStart` (or `start`) that continue a character: libxml2 counts columns
        // in characters.
        var continuationBytes = 0
        var delivered = 0
        // Where the reading may stop: the start of the current run, with the line count there.
        // libxml2 reads a run from its start; a run ending in something left to it (a carriage
        // return, `]]>`, a bad byte, the end of the input) goes back to it whole, since how
        // libxml2 reads the start of a run can depend on its end (before `]]>` it drops it).
        var committed = (p: start, lines: lines, lineStart: lineStart, continuationBytes: continuationBytes)

        func flushRun() {
            let length = p - runStart
            if length > 0 {
                buffer.appendCharacters(runStart, length, fromReference: false)
                delivered &+= length
            }
        }

        scan: while true {
            // Eight plain ASCII bytes at a time: no control character, `<`, `&` or `]`.
            while end - p >= 8 {
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
                if !ByteWord.isASCII(word) || ByteWord.containsByte(below: 0x20, in: word)
                    || ByteWord.contains(UInt8(ascii: "<"), in: word) || ByteWord.contains(UInt8(ascii: "&"), in: word)
                    || ByteWord.contains(UInt8(ascii: "]"), in: word) {
                    break
                }
                p += 8
            }
            guard p < end else { break scan }
            let byte = p.pointee
            switch byte {
            case UInt8(ascii: "<"):
                flushRun()
                committed = (p, lines, lineStart, continuationBytes)
                break scan
            case UInt8(ascii: "&"):
                flushRun()
                committed = (p, lines, lineStart, continuationBytes)
                var expansion: (UInt64, Int) = (0, 0)
                guard let next = Self.reference(at: p, end: end, expansion: &expansion) else { break scan }
                withUnsafeBytes(of: expansion.0) { bytes in
                    // As the event for a character reference would arrive (see `text` in XMLCallbacks).
                    guard let utf8 = bytes.bindMemory(to: UInt8.self).baseAddress else { return }
                    buffer.appendCharacters(utf8, expansion.1, fromReference: expansion.1 == 2)
                }
                delivered &+= expansion.1
                p = next
                runStart = p
                committed = (p, lines, lineStart, continuationBytes)
            case UInt8(ascii: "]"):
                if end - p >= 3, p[1] == UInt8(ascii: "]"), p[2] == UInt8(ascii: ">") { break scan }
                p += 1
            case 0x0A:
                lines += 1
                p += 1
                lineStart = p
                continuationBytes = 0
            case 0x09, 0x20..<0x80:
                p += 1
            case 0x80...:
                let length = Self.characterLength(at: p, end: end)
                guard length > 0 else { break scan }
                p += length
                continuationBytes += length - 1
            default:
                break scan   // a carriage return or another control character
            }
        }
        guard committed.p > start else { return }
        input.pointee.cur = committed.p
        if let lineStart = committed.lineStart {
            input.pointee.line += committed.lines
            input.pointee.col = Int32(truncatingIfNeeded: committed.p - lineStart - committed.continuationBytes + 1)
        } else {
            input.pointee.col += Int32(truncatingIfNeeded: committed.p - start - committed.continuationBytes)
        }
        textDelivered &+= delivered
        if textDelivered > textAllowed {
            stop(.entityAmplification,
                 "entity expansion produced \(textDelivered) bytes of text from \(bytesFed) bytes of input")
        }
    }

    /// True when the bytes just before `cursor` are a predefined entity or character reference
    /// that expands to `expansion`: then libxml2 handed over that reference, and its cursor
    /// stands just past it.
    static func referenceEnds(at cursor: UnsafePointer<UInt8>, after base: UnsafePointer<UInt8>,
                              expandingTo expansion: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (cursor - 1).pointee == UInt8(ascii: ";") else { return false }
        // The longest reference read here, `&#x10FFFF;` with leading zeros aside, is short.
        var ampersand = cursor - 1
        while ampersand > base, cursor - ampersand < 12, ampersand.pointee != UInt8(ascii: "&") { ampersand -= 1 }
        guard ampersand.pointee == UInt8(ascii: "&") else { return false }
        var decoded: (UInt64, Int) = (0, 0)
        guard reference(at: ampersand, end: cursor, expansion: &decoded) == cursor, decoded.1 == expansion.count else {
            return false
        }
        return withUnsafeBytes(of: decoded.0) { bytes in
            (0..<expansion.count).allSatisfy { bytes[$0] == expansion[$0] }
        }
    }

    /// The reference starting at `p` (at an `&`), when it is one read here: a predefined entity,
    /// or a character reference to a character XML allows, as libxml2 reads it. Its expansion
    /// (UTF-8 in the low bytes, and its length) goes into `expansion`; the result is where the
    /// reference ends. nil for anything else, left to libxml2.
    static func reference(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>,
                          expansion: inout (UInt64, Int)) -> UnsafePointer<UInt8>? {
        let available = end - p
        guard available >= 4 else { return nil }
        if p[1] == UInt8(ascii: "#") {
            return characterReference(at: p, end: end, expansion: &expansion)
        }
        @inline(__always) func named(_ name: StaticString, _ value: UInt8) -> UnsafePointer<UInt8>? {
            let length = name.utf8CodeUnitCount
            guard available >= length + 2, p[length + 1] == UInt8(ascii: ";") else { return nil }
            let matches = name.withUTF8Buffer { bytes in (0..<length).allSatisfy { p[1 + $0] == bytes[$0] } }
            guard matches else { return nil }
            expansion = (UInt64(value), 1)
            return p + length + 2
        }
        switch p[1] {
        case UInt8(ascii: "l"): return named("lt", UInt8(ascii: "<"))
        case UInt8(ascii: "g"): return named("gt", UInt8(ascii: ">"))
        case UInt8(ascii: "a"): return named("amp", UInt8(ascii: "&")) ?? named("apos", UInt8(ascii: "'"))
        case UInt8(ascii: "q"): return named("quot", UInt8(ascii: "\""))
        default: return nil
        }
    }

    /// `&#…;` or `&#x…;` at `p`, for a character XML allows (libxml2 reports the others).
    private static func characterReference(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>,
                                           expansion: inout (UInt64, Int)) -> UnsafePointer<UInt8>? {
        var q = p + 2
        let hex = q < end && q.pointee == UInt8(ascii: "x")
        if hex { q += 1 }
        var value: UInt32 = 0
        var digits = 0
        while q < end {
            let b = q.pointee
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: digit = 16
            }
            guard digit < 16 else { break }
            value = value &* (hex ? 16 : 10) &+ digit
            digits += 1
            // Past the largest code point (and before any overflow): libxml2's to report.
            guard value <= 0x10FFFF, digits <= 10 else { return nil }
            q += 1
        }
        guard digits > 0, q < end, q.pointee == UInt8(ascii: ";") else { return nil }
        // XML 1.0 Char: tab, line feed, carriage return, and U+0020 on, without the surrogates,
        // U+FFFE and U+FFFF.
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: break
        default: return nil
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        var packed: UInt64 = 0
        var length = 0
        for unit in scalar.utf8 {
            packed |= UInt64(unit) << (8 * length)
            length += 1
        }
        expansion = (packed, length)
        return q + 1
    }

    /// The length of the well-formed UTF-8 character at `p` (whose first byte is not ASCII) that
    /// XML allows; 0 for anything else (libxml2 reports it).
    static func characterLength(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int {
        let available = end - p
        let lead = p[0]
        @inline(__always) func continuation(_ i: Int) -> Bool { p[i] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return available >= 2 && continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard available >= 3, continuation(1), continuation(2) else { return 0 }
            if lead == 0xE0, p[1] < 0xA0 { return 0 }                          // overlong
            if lead == 0xED, p[1] > 0x9F { return 0 }                          // surrogate
            if lead == 0xEF, p[1] == 0xBF, p[2] >= 0xBE { return 0 }           // U+FFFE, U+FFFF
            return 3
        case 0xF0...0xF4:
            guard available >= 4, continuation(1), continuation(2), continuation(3) else { return 0 }
            if lead == 0xF0, p[1] < 0x90 { return 0 }                          // overlong
            if lead == 0xF4, p[1] > 0x8F { return 0 }                          // past U+10FFFF
            return 4
        default:
            return 0
        }
    }
}
