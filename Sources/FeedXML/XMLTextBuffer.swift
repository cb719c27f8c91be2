/// Where character data goes while a handler is collecting an element's text.
///
/// Feeds carry most of their bytes as text, and libxml2 hands text over in many small runs (each
/// entity reference is a run of its own). Appending them here, inside the XML layer, instead of
/// calling the handler for every run, keeps the cost of text close to a `memcpy`. The handler
/// turns collecting on and off and reads `bytes` when the element ends.
///
/// Two recoveries happen on the way in, as HTML parsers do them: a character reference to a C1
/// control (`&#146;`) is read as the windows-1252 character feeds mean (`’`), and runs of a single
/// Latin-1 character (character references) are flagged, so the caller can repair UTF-8 that was
/// escaped byte by byte.
public final class XMLTextBuffer {
    /// The collected UTF-8.
    @exclusivity(unchecked) public var bytes: [UInt8] = []
    /// When false, character data goes to the handler's `characters` instead.
    @exclusivity(unchecked) public var isCollecting = false
    /// Escape `&`, `<` and `>` on the way in: the buffer holds markup, not text.
    @exclusivity(unchecked) public var escapesMarkup = false
    /// Drop runs that are only white space (the space around Atom's xhtml wrapper `div`).
    @exclusivity(unchecked) public var dropsWhitespaceRuns = false
    /// A character reference to a character between U+0080 and U+00FF was read.
    @exclusivity(unchecked) public var sawLatinReference = false

    public init() {}

    /// Empties the buffer and starts collecting.
    public func begin(escapingMarkup: Bool, droppingWhitespaceRuns: Bool) {
        bytes.removeAll(keepingCapacity: true)
        isCollecting = true
        escapesMarkup = escapingMarkup
        dropsWhitespaceRuns = droppingWhitespaceRuns
        sawLatinReference = false
    }

    /// Text from the document.
    func appendCharacters(_ base: UnsafePointer<UInt8>, _ count: Int, fromReference: Bool) {
        if fromReference {
            let lead = base[0], trail = base[1]
            if lead == 0xC2, trail >= 0x80, trail <= 0x9F, let mapped = Self.windows1252Control(trail) {
                sawLatinReference = true
                appendText(mapped)
                return
            }
            if lead == 0xC2 || lead == 0xC3 { sawLatinReference = true }
        }
        let run = UnsafeBufferPointer(start: base, count: count)
        if dropsWhitespaceRuns, XMLCharacters.isWhitespace(run) { return }
        appendText(run)
    }

    /// Text the handler adds (escaped when `escapesMarkup`).
    public func appendText<S: Sequence>(_ text: S) where S.Element == UInt8 {
        if escapesMarkup {
            Self.appendEscaped(text, to: &bytes, quotes: false)
        } else {
            bytes.append(contentsOf: text)
        }
    }

    /// Markup the handler writes as it is.
    public func appendMarkup<S: Sequence>(_ markup: S) where S.Element == UInt8 {
        bytes.append(contentsOf: markup)
    }

    /// An attribute written as ` name="value"`, the value escaped.
    public func appendAttribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "=\"".utf8)
        Self.appendEscaped(value.utf8, to: &bytes, quotes: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Escapes what is already collected and escapes from now on: the text turned out to sit
    /// among markup.
    public func switchToMarkup() {
        guard !escapesMarkup else { return }
        let raw = bytes
        bytes.removeAll(keepingCapacity: true)
        Self.appendEscaped(raw, to: &bytes, quotes: false)
        escapesMarkup = true
    }

    /// Escapes `&`, `<`, `>` (and `"` with `quotes`), copying unescaped stretches in one go.
    public static func appendEscaped<S: Sequence>(_ input: S, to out: inout [UInt8], quotes: Bool) where S.Element == UInt8 {
        let handled: Void? = input.withContiguousStorageIfAvailable { buffer -> Void in
            var runStart = 0
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                if b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                    || (quotes && b == UInt8(ascii: "\"")) {
                    if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i])) }
                    out.append(contentsOf: escape(b))
                    runStart = i + 1
                }
                i += 1
            }
            if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<n])) }
        }
        if handled != nil { return }
        for b in input {
            if b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || (quotes && b == UInt8(ascii: "\"")) {
                out.append(contentsOf: escape(b))
            } else {
                out.append(b)
            }
        }
    }

    private static func escape(_ b: UInt8) -> String.UTF8View {
        switch b {
        case UInt8(ascii: "&"): return "&amp;".utf8
        case UInt8(ascii: "<"): return "&lt;".utf8
        case UInt8(ascii: ">"): return "&gt;".utf8
        default: return "&quot;".utf8
        }
    }

    private static let windows1252Controls: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// windows-1252's character for the byte 0x80–0x9F, as UTF-8; nil for its five holes.
    static func windows1252Control(_ byte: UInt8) -> [UInt8]? {
        let code = windows1252Controls[Int(byte) - 0x80]
        guard code != 0, let scalar = Unicode.Scalar(code) else { return nil }
        return Array(String(Character(scalar)).utf8)
    }

    /// The byte windows-1252 (or Latin-1) writes for a scalar, if it has one.
    public static func windows1252Byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        if let i = windows1252Controls.firstIndex(of: v) { return UInt8(0x80 + i) }
        if v >= 0x80 && v <= 0x9F { return UInt8(v) }
        return nil
    }
}
