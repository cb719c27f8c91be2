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
    /// The collected UTF-8 lives in memory this buffer manages itself: appending a one-byte run
    /// (libxml2 hands every `&lt;` over alone) must cost a store, not an array's uniqueness and
    /// capacity checks.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Bytes collected so far (computed, for the reason given at `isCollecting`).
    public var count: Int { used }
    @exclusivity(unchecked) private var used = 0
    /// When false, character data goes to the handler's `characters` instead.
    ///
    /// This flag and `sawLatinReference` are computed over internal storage: `@exclusivity(unchecked)`
    /// holds only inside this module, so a reader in another module that set or read a public
    /// stored property directly would pay a dynamic exclusivity check (about 70 instructions) for
    /// each field it captures; through an accessor it pays a call.
    public var isCollecting: Bool {
        get { collecting }
        set { collecting = newValue }
    }
    @exclusivity(unchecked) private var collecting = false
    /// Escape `&`, `<` and `>` on the way in: the buffer holds markup, not text.
    @exclusivity(unchecked) public var escapesMarkup = false
    /// Drop runs that are only white space (the space around Atom's xhtml wrapper `div`).
    @exclusivity(unchecked) public var dropsWhitespaceRuns = false
    /// A character reference to a character between U+0080 and U+00FF was read.
    public var sawLatinReference: Bool {
        get { latinReference }
        set { latinReference = newValue }
    }
    @exclusivity(unchecked) private var latinReference = false
    /// The document going into the parser is known to be valid UTF-8 (the caller validated or
    /// transcoded it), so what the parser hands over is too and need not be validated again.
    @exclusivity(unchecked) public var inputIsValidUTF8 = false

    public init() {
        capacity = 4096
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// A copy of the collected bytes.
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// Runs `body` on the collected bytes (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage, count: used))
    }

    /// The last byte collected, if any.
    public var last: UInt8? { used > 0 ? storage[used - 1] : nil }

    /// Forgets everything collected.
    public func removeAll() { used = 0 }

    /// Forgets the last `n` bytes.
    public func removeLast(_ n: Int = 1) { used = max(0, used - n) }

    // Counts here are sizes of memory the buffer holds, far from overflowing: wrapping
    // arithmetic spares the overflow checks on the path every piece of text takes.
    @inline(__always) private func reserve(_ extra: Int) {
        if used &+ extra > capacity { grow(toHold: used &+ extra) }
    }

    /// Out of line: rare, and kept off the inlined path.
    @inline(never) private func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: used)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    @inline(__always) public func append(_ byte: UInt8) {
        reserve(1)
        storage[used] = byte
        used &+= 1
    }

    @inline(__always) func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let base = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (storage + used).update(from: base, count: run.count)
        used &+= run.count
    }

    /// Appends markup as it is.
    public func appendMarkup(_ markup: String) {
        // Read in place: `withUTF8` would need a mutable copy of the string.
        if markup.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var copy = markup
            copy.withUTF8 { append($0) }
        }
    }

    /// Appends markup written in the source as it is.
    public func appendMarkup(_ markup: StaticString) {
        markup.withUTF8Buffer { append($0) }
    }

    /// The collected text without leading and trailing XML white space.
    public func trimmedString() -> String {
        withTrimmedBytes { inputIsValidUTF8 ? UTF8Text.string(validUTF8: $0) : UTF8Text.string($0) }
    }

    /// Runs `body` on the collected bytes without leading and trailing XML white space.
    public func withTrimmedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var start = 0
        var end = used
        while start < end, Self.isSpace(storage[start]) { start += 1 }
        while end > start, Self.isSpace(storage[end - 1]) { end -= 1 }
        return try body(UnsafeBufferPointer(start: storage + start, count: end - start))
    }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    /// Empties the buffer and starts collecting.
    public func begin(escapingMarkup: Bool, droppingWhitespaceRuns: Bool) {
        used = 0
        isCollecting = true
        escapesMarkup = escapingMarkup
        dropsWhitespaceRuns = droppingWhitespaceRuns
        sawLatinReference = false
    }

    /// Text from the document.
    @inline(__always)
    func appendCharacters(_ base: UnsafePointer<UInt8>, _ length: Int, fromReference: Bool, fromCDATA: Bool = false) {
        if length == 1 {
            appendCharacter(base.pointee)
            return
        }
        if fromReference {
            let lead = base[0], trail = base[1]
            if lead == 0xC2, trail >= 0x80, trail <= 0x9F, let mapped = Self.windows1252Control(trail) {
                sawLatinReference = true
                mapped.withUnsafeBufferPointer { appendText($0) }
                return
            }
            if lead == 0xC2 || lead == 0xC3 { sawLatinReference = true }
        }
        let run = UnsafeBufferPointer(start: base, count: length)
        if dropsWhitespaceRuns, XMLCharacters.isWhitespace(run) { return }
        if escapesMarkup, fromCDATA {
            // In element content libxml2 never hands over `&` or `<` inside a longer run: each
            // comes from a reference and arrives alone (see `appendCharacter`). Only CDATA needs
            // looking at (`>` may stay as it is in text).
            appendEscaped(run)
        } else {
            append(run)
        }
    }

    /// One character of text, as a reference delivers it (`&lt;` arrives as `<` alone):
    /// escaped when collecting markup, and dropped when it is white space that runs are dropped
    /// for.
    @inline(__always)
    private func appendCharacter(_ byte: UInt8) {
        guard escapesMarkup else { return append(byte) }
        if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
            appendEscape(byte)
        } else if !(dropsWhitespaceRuns && Self.isSpace(byte)) {
            append(byte)
        }
    }

    /// Text the handler adds (escaped when `escapesMarkup`).
    public func appendText(_ text: String) {
        var text = text
        text.withUTF8 { appendText($0) }
    }

    func appendText(_ run: UnsafeBufferPointer<UInt8>) {
        if escapesMarkup { appendEscaped(run) } else { append(run) }
    }

    /// Appends `run` with `&`, `<`, `>` (and `"` with `quotes`) escaped, copying the stretches
    /// between them in one go. Eight bytes at a time are skipped while none of them needs
    /// escaping, and the last few bytes are checked as the word that ends the run.
    func appendEscaped(_ run: UnsafeBufferPointer<UInt8>, quotes: Bool = false) {
        guard let base = run.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var i = 0
        let n = run.count
        while i < n {
            if i + 8 <= n {
                if !Self.mayNeedEscaping(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
            } else if n >= 8, !Self.mayNeedEscaping(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) {
                // The tail, read as the last eight bytes: those before it were already looked at.
                break
            }
            let end = min(i + 8, n)
            while i < end {
                let b = base[i]
                if b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                    || (quotes && b == UInt8(ascii: "\"")) {
                    if i > runStart { append(UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                    appendEscape(b)
                    runStart = i + 1
                }
                i += 1
            }
        }
        if n > runStart { append(UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }

    /// True when one of the eight bytes of `word` may be `&`, `<`, `>` or `"`: two tests, since
    /// `<` (3C) and `>` (3E) differ only in bit 1, and `"` (22) and `&` (26) only in bit 2. A
    /// `"` found when quotes stay as they are costs a look at eight bytes, nothing more.
    @inline(__always) private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWord.contains(UInt8(ascii: ">"), in: word | 0x0202_0202_0202_0202)
            || ByteWord.contains(UInt8(ascii: "&"), in: word | 0x0404_0404_0404_0404)
    }

    /// An attribute written as ` name="value"`, the value escaped.
    public func appendAttribute(_ name: String, _ value: String) {
        append(UInt8(ascii: " "))
        appendMarkup(name)
        appendMarkup("=\"")
        var value = value
        value.withUTF8 { appendEscaped($0, quotes: true) }
        append(UInt8(ascii: "\""))
    }

    /// Escapes what is already collected and escapes from now on: the text turned out to sit
    /// among markup.
    public func switchToMarkup() {
        guard !escapesMarkup else { return }
        let raw = bytes
        used = 0
        raw.withUnsafeBufferPointer { appendEscaped($0) }
        escapesMarkup = true
    }

    /// The escape of `&`, `<`, `>` or `"`, written as one 8-byte store of its bytes (the bytes
    /// past the escape land in spare capacity and are overwritten by what follows).
    @inline(__always) private func appendEscape(_ b: UInt8) {
        let escape: UInt64, length: Int
        switch b {
        case UInt8(ascii: "&"): (escape, length) = (0x3B_70_6D_61_26, 5)        // &amp;
        case UInt8(ascii: "<"): (escape, length) = (0x3B_74_6C_26, 4)           // &lt;
        case UInt8(ascii: ">"): (escape, length) = (0x3B_74_67_26, 4)           // &gt;
        default: (escape, length) = (0x3B_74_6F_75_71_26, 6)                  // &quot;
        }
        reserve(8)
        UnsafeMutableRawPointer(storage + used).storeBytes(of: escape.littleEndian, as: UInt64.self)
        used &+= length
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
