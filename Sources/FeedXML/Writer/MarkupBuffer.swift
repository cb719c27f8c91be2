/// Markup being written as UTF-8 bytes, with text escaped on the way in: what the HTML sanitizer
/// builds its output in.
///
/// Escaping writes `&`, `<` and `>` (and `"` in an attribute value) as `&amp;`, `&lt;`, `&gt;`
/// (`&quot;`), and CR LF as LF; every other character is copied as it is. Text is scanned eight
/// bytes at a time and copied in runs, which matters because nearly all of a feed's markup is
/// text that needs nothing.
///
/// A class with memory of its own, as `XMLTextBuffer` is: markup is written a few bytes at a time
/// (`<`, a tag name, `="`), and each of those appends must cost a store and a bounds check, not
/// an array's uniqueness and capacity checks. Not Sendable: one writer owns it.
public final class MarkupBuffer {
    // Only this class touches its storage, one call at a time.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Bytes written so far.
    @exclusivity(unchecked) public private(set) var count = 0

    public init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The markup as a string.
    public var string: String {
        UTF8Text.string(UnsafeBufferPointer(start: storage, count: count))
    }

    @inline(__always) private func reserve(_ extra: Int) {
        let needed = count + extra
        if needed <= capacity { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    /// Appends one byte of markup (an ASCII delimiter).
    @inline(__always) public func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always) private func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let base = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (storage + count).update(from: base, count: run.count)
        count += run.count
    }

    /// Appends markup as it is.
    public func append(_ markup: String) {
        var markup = markup
        markup.withUTF8 { append($0) }
    }

    /// Appends markup bytes as they are.
    public func append(contentsOf markup: some Sequence<UInt8>) {
        for byte in markup { append(byte) }
    }

    /// `<name`: a start tag, to be followed by `appendAttribute` calls and `closeStartTag`.
    public func appendStartTag(_ name: String) {
        append(UInt8(ascii: "<"))
        append(name)
    }

    /// ` name="value"`, the value escaped, or copied as it is when `escaping` is false (a value
    /// known to need nothing, such as a namespace name).
    public func appendAttribute(_ name: String, value: String, escaping: Bool = true) {
        append(UInt8(ascii: " "))
        append(name)
        append(UInt8(ascii: "="))
        append(UInt8(ascii: "\""))
        if escaping { appendEscaped(value, inAttribute: true) } else { append(value) }
        append(UInt8(ascii: "\""))
    }

    /// `>`, or ` />` for an element without end tag.
    public func closeStartTag(selfClosing: Bool) {
        if selfClosing {
            append(UInt8(ascii: " "))
            append(UInt8(ascii: "/"))
        }
        append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    public func appendEndTag(_ name: String) {
        append(UInt8(ascii: "<"))
        append(UInt8(ascii: "/"))
        append(name)
        append(UInt8(ascii: ">"))
    }

    /// Appends `text` escaped (see the type's description).
    public func appendEscaped(_ text: String, inAttribute: Bool) {
        var text = text
        text.withUTF8 { appendEscaped($0, inAttribute: inAttribute) }
    }

    /// Appends UTF-8 text escaped (see the type's description).
    public func appendEscaped(_ text: Span<UInt8>, inAttribute: Bool) {
        text.withUnsafeBufferPointer { appendEscaped($0, inAttribute: inAttribute) }
    }

    private func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        guard let base = text.baseAddress else { return }
        // SAFETY: `loadUnaligned` reads eight bytes at `index` only when `index + 8 <= count`, and
        // single bytes are read at indices below `count`.
        let raw = UnsafeRawPointer(base)
        let count = text.count
        reserve(count)
        var runStart = 0
        var index = 0
        while index < count {
            if index + 8 <= count && !Self.mayNeedEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
            case 0x0D where index + 1 < count && text[index + 1] == 0x0A:
                // CR before LF is dropped; a CR on its own stays.
                replacement = ""
            default:
                index += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: text[runStart..<index]))
            replacement.withUTF8Buffer { append($0) }
            index += 1
            runStart = index
        }
        append(UnsafeBufferPointer(rebasing: text[runStart..<count]))
    }

    /// Whether any of the eight bytes in `word` is `&`, `<`, `>`, `"` or CR.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWord.contains(0x26, in: word) || ByteWord.contains(0x3C, in: word) || ByteWord.contains(0x3E, in: word)
            || ByteWord.contains(0x22, in: word) || ByteWord.contains(0x0D, in: word)
    }

    /// The markup without white space at either end, trimmed as `Character.isWhitespace` trims.
    public func trimmedString() -> String {
        // Trimmed as bytes when both ends are ASCII: a Character there is that one byte (an ASCII
        // character never joins the characters around it, CR LF aside, which is white space as a
        // whole), so the result is what trimming Characters gives. Otherwise it trims Characters.
        var start = 0
        var end = count
        while start < end, Self.isASCIIWhitespace(storage[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(storage[end - 1]) { end -= 1 }
        if start == end { return "" }
        if storage[start] < 0x80 && storage[end - 1] < 0x80 {
            return UTF8Text.string(UnsafeBufferPointer(start: storage + start, count: end - start))
        }
        let markup = string
        guard let first = markup.firstIndex(where: { !$0.isWhitespace }),
              let last = markup.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(markup[first...last])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
