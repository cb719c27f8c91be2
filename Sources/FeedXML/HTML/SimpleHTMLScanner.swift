/// A tokenizer for the markup most feed entries carry: well-nested tags from a fixed list of
/// elements, quoted or plain attributes, character references, comments. For such a fragment it
/// produces exactly the token stream libxml2's HTML parser produces through `HTMLTokenizerState`
/// (the same implied paragraphs, auto-closed elements, void elements, decoded references), at a
/// small fraction of the cost: libxml2 reads HTML a character at a time through function calls.
///
/// Anything outside that subset makes `scan` return false, and the caller hands the fragment to
/// libxml2: a tag or attribute it cannot read the same way, an element it has no table entry
/// for, a declaration, a processing instruction, a reference it does not know, a control
/// character, markup nested deeper than 200. Nothing is delivered before the whole fragment has
/// been read, so giving up costs only the reading.
///
/// What it reproduces, from libxml2 2.9's `HTMLparser.c` (options as `HTMLTokenizer` sets them,
/// `HTML_PARSE_NOIMPLIED` among them), checked against the library by the tests:
/// - leading blanks, and blanks after comments that open the fragment, are skipped;
/// - text (or a reference) where no element is open opens an implied `p` (not reported), unless
///   the text is only blanks followed by a tag or the end;
/// - a start tag first closes the open elements it auto-closes (`Tables.closers`), innermost
///   first, as long as the innermost is one;
/// - a void element, or one written `<x/>`, ends at once;
/// - an end tag closes the innermost open element of its name and those inside it, unless one
///   of those has a higher end priority (`htmlEndPriority`), or it is not open: then it is
///   ignored;
/// - names are lower-cased; a repeated attribute keeps its first value;
/// - `&name;` is decoded when the name is in libxml2's table, `&#…;` when the value is a valid
///   character; `&word` without `;` and `&` before a non-letter stay as they are.
struct SimpleHTMLScanner {
    enum TokenKind: UInt8 { case start, end, text, comment }

    /// A start tag (`lower..<upper` in `attributes`), an end tag, or text or a comment
    /// (`lower..<upper` in `bytes`).
    struct Token {
        var kind: TokenKind
        var element: UInt8
        var lower: Int32
        var upper: Int32
    }

    struct Attribute {
        var nameLower: Int32
        var nameUpper: Int32
        /// -1 when the attribute has no value.
        var valueLower: Int32
        var valueUpper: Int32
    }

    private(set) var tokens: [Token] = []
    private(set) var attributes: [Attribute] = []
    /// Decoded text, comments, attribute names and values.
    private(set) var bytes: [UInt8] = []

    /// Whether the last token is text that more text may extend (no event in between, reported
    /// or not, such as an implied paragraph).
    private var textIsOpen = false
    /// Open elements, innermost last; `stack[0]` may be an implied paragraph.
    private var stack: [UInt8] = []
    private var bottomIsImplied = false

    private static let maximumDepth = 200

    /// Reads the whole fragment; false when it is outside the subset (the tokens are then
    /// meaningless).
    mutating func scan(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        // SAFETY: every read below is at an index checked against `count` first (`byte(at:)`
        // returns 0 past the end, and no scan continues past a 0).
        tokens.reserveCapacity(64)
        bytes.reserveCapacity(input.count)
        let count = input.count
        @inline(__always) func byte(at index: Int) -> UInt8 { index < count ? input[index] : 0 }

        var index = 0
        // A byte order mark would be dropped by the parser's UTF-8 set-up.
        if byte(at: 0) == 0xEF, byte(at: 1) == 0xBB, byte(at: 2) == 0xBF { return false }
        index = skipBlanks(input, from: index)
        while byte(at: index) == UInt8(ascii: "<"), byte(at: index + 1) == UInt8(ascii: "!") {
            guard let next = comment(input, at: index) else { return false }
            index = skipBlanks(input, from: next)
        }

        while index < count {
            let current = input[index]
            if current == UInt8(ascii: "<") {
                let next = byte(at: index + 1)
                if Self.isLetter(next) {
                    guard let after = startTag(input, at: index) else { return false }
                    index = after
                } else if next == UInt8(ascii: "/") {
                    guard let after = endTag(input, at: index) else { return false }
                    index = after
                } else if next == UInt8(ascii: "!") {
                    guard let after = comment(input, at: index) else { return false }
                    index = after
                } else {
                    return false
                }
            } else if current == UInt8(ascii: "&") {
                if stack.isEmpty { openImpliedParagraph() }
                let start = bytes.count
                guard let after = reference(input, at: index) else { return false }
                appendText(from: start)
                index = after
            } else {
                guard let after = characterData(input, from: index) else { return false }
                index = after
            }
        }
        // Elements left open end with the fragment, innermost first.
        while !stack.isEmpty { closeInnermost() }
        return true
    }

    // MARK: Text

    private mutating func characterData(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = input.baseAddress else { return nil }
        // SAFETY: eight bytes are loaded at `index` only when `index + 8 <= count`; single bytes
        // are read below `count`.
        let raw = UnsafeRawPointer(base)
        let count = input.count
        var index = start
        while index < count {
            if index + 8 <= count && !Self.mayEndText(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let current = input[index]
            if current == UInt8(ascii: "<") || current == UInt8(ascii: "&") { break }
            if current < 0x20 {
                // Control characters other than tab, LF and CR: the parser drops them.
                guard Self.isBlank(current) else { return nil }
            } else if current == 0xEF, index + 2 < count, input[index + 1] == 0xBF, input[index + 2] >= 0xBE {
                // U+FFFE and U+FFFF are not characters; the parser drops them.
                return nil
            }
            index += 1
        }
        if stack.isEmpty {
            // Blanks before a tag or the end, where no element is open, are ignorable white space
            // to libxml2 (reported, but opening no paragraph); it judges runs of up to 1000 bytes
            // at a time, which this does not reproduce.
            let blank = UnsafeBufferPointer(rebasing: input[start..<index]).allSatisfy(Self.isBlank)
            if blank && index - start >= 900 { return nil }
            if !(blank && (index == count || input[index] == UInt8(ascii: "<"))) {
                openImpliedParagraph()
            }
        }
        let textStart = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
        appendText(from: textStart)
        return index
    }

    /// Whether any of the eight bytes in `word` may end a run of text or need a closer look: `<`,
    /// `&`, a byte below 0x20, 0xEF. Never misses one; a true answer is checked byte by byte.
    @inline(__always)
    private static func mayEndText(_ word: UInt64) -> Bool {
        ByteWord.containsByte(below: 0x20, in: word) || ByteWord.contains(0x3C, in: word)
            || ByteWord.contains(0x26, in: word) || ByteWord.contains(0xEF, in: word)
    }

    /// Makes `bytes[start...]` text: a token of its own, or the end of the text token before it.
    private mutating func appendText(from start: Int) {
        guard bytes.count > start else { return }
        if textIsOpen, let last = tokens.indices.last {
            tokens[last].upper = Int32(bytes.count)
        } else {
            tokens.append(Token(kind: .text, element: 0, lower: Int32(start), upper: Int32(bytes.count)))
            textIsOpen = true
        }
    }

    private mutating func openImpliedParagraph() {
        stack.append(Tables.paragraph)
        bottomIsImplied = true
        textIsOpen = false
    }

    /// A character or entity reference at `start` (an `&`), decoded into `bytes`.
    private mutating func reference(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        @inline(__always) func byte(at index: Int) -> UInt8 { index < count ? input[index] : 0 }
        var index = start + 1
        if byte(at: index) == UInt8(ascii: "#") {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            if byte(at: index) == UInt8(ascii: "x") || byte(at: index) == UInt8(ascii: "X") {
                index += 1
                while let digit = Self.hexValue(byte(at: index)) {
                    value = value &* 16 &+ UInt32(digit)
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits <= 6 else { return nil }
            } else {
                while case let digit = byte(at: index), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                    value = value &* 10 &+ UInt32(digit - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits <= 7 else { return nil }
            }
            guard byte(at: index) == UInt8(ascii: ";"), Self.isXMLCharacter(value) else { return nil }
            appendUTF8(value)
            return index + 1
        }
        // libxml2's htmlParseName: an ASCII name start, then ASCII name characters, ending at an
        // ASCII character (a name running into non-ASCII takes a path not reproduced here).
        let first = byte(at: index)
        guard Self.isNameStart(first) else {
            guard first < 0x80 else { return nil }
            // Not a name: the `&` is text.
            bytes.append(UInt8(ascii: "&"))
            return index
        }
        let nameStart = index
        while Self.isNameCharacter(byte(at: index)) { index += 1 }
        let terminator = byte(at: index)
        guard terminator != 0, terminator < 0x80 else { return nil }
        guard terminator == UInt8(ascii: ";") else {
            // `&name` without `;` is text, as written.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
            return index
        }
        guard index - nameStart <= 32,
              let value = Tables.entity(UnsafeBufferPointer(rebasing: input[nameStart..<index])) else { return nil }
        appendUTF8(value)
        return index + 1
    }

    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    // MARK: Comments

    /// `<!-- … -->` at `start`, without `--` inside (whose handling differs between libxml2
    /// versions); anything else starting `<!` is not in the subset.
    private mutating func comment(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        guard start + 4 <= count, input[start + 2] == UInt8(ascii: "-"), input[start + 3] == UInt8(ascii: "-") else {
            return nil
        }
        let bodyStart = start + 4
        var index = bodyStart
        while index < count {
            let current = input[index]
            if current == UInt8(ascii: "-") {
                guard index + 1 < count, input[index + 1] == UInt8(ascii: "-") else {
                    index += 1
                    continue
                }
                // The first `--` must be the end, `-->`, with something before it.
                guard index > bodyStart, index + 2 < count, input[index + 2] == UInt8(ascii: ">") else { return nil }
                let bodyEnd = index
                if input[bodyStart] == UInt8(ascii: ">") { return nil }
                let textStart = bytes.count
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[bodyStart..<bodyEnd]))
                tokens.append(Token(kind: .comment, element: 0, lower: Int32(textStart), upper: Int32(bytes.count)))
                textIsOpen = false
                return index + 3
            }
            if current < 0x20 && !Self.isBlank(current) { return nil }
            if current == 0xEF, index + 2 < count, input[index + 1] == 0xBF, input[index + 2] >= 0xBE { return nil }
            index += 1
        }
        return nil
    }

    // MARK: Tags

    /// Reads a tag or attribute name of ASCII letters and digits starting at `start`, lower-cased
    /// into `name` (at most 16 bytes). Returns the index after it.
    private static func name(_ input: UnsafeBufferPointer<UInt8>, at start: Int,
                             into name: inout Tables.Name) -> Int? {
        var index = start
        let count = input.count
        while index < count {
            let current = input[index]
            guard isLetter(current) || (current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9")) else { break }
            guard name.append(current | (isLetter(current) ? 0x20 : 0)) else { return nil }
            index += 1
        }
        return index
    }

    private mutating func startTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        @inline(__always) func byte(at index: Int) -> UInt8 { index < count ? input[index] : 0 }
        var tagName = Tables.Name()
        guard var index = Self.name(input, at: start + 1, into: &tagName) else { return nil }
        // The name must end where libxml2's ends (it also reads `: - _ .`).
        let terminator = byte(at: index)
        guard Self.isBlank(terminator) || terminator == UInt8(ascii: ">") || terminator == UInt8(ascii: "/"),
              let element = Tables.element(tagName) else { return nil }

        // Auto-closing, innermost first, while the innermost is closed by the new element.
        while let top = stack.last, Tables.closes(element, top) {
            closeInnermost()
        }

        let firstAttribute = attributes.count
        index = skipBlanks(input, from: index)
        var selfClosing = false
        while true {
            let current = byte(at: index)
            if current == UInt8(ascii: ">") {
                index += 1
                break
            }
            if current == UInt8(ascii: "/") {
                guard byte(at: index + 1) == UInt8(ascii: ">") else { return nil }
                index += 2
                selfClosing = true
                break
            }
            guard let after = attribute(input, at: index, firstAttribute: firstAttribute) else { return nil }
            index = skipBlanks(input, from: after)
        }

        guard stack.count < Self.maximumDepth else { return nil }
        tokens.append(Token(kind: .start, element: element, lower: Int32(firstAttribute), upper: Int32(attributes.count)))
        textIsOpen = false
        if selfClosing || Tables.isVoid[Int(element)] {
            tokens.append(Token(kind: .end, element: element, lower: 0, upper: 0))
        } else {
            stack.append(element)
        }
        return index
    }

    /// One attribute at `start`: a name, and an optional `= value`. Returns the index after it.
    private mutating func attribute(_ input: UnsafeBufferPointer<UInt8>, at start: Int, firstAttribute: Int) -> Int? {
        let count = input.count
        @inline(__always) func byte(at index: Int) -> UInt8 { index < count ? input[index] : 0 }
        // libxml2's htmlParseHTMLName: ASCII letters, digits and `: - _ .`, at most 100 of them.
        var index = start
        guard Self.isAttributeNameStart(byte(at: index)) else { return nil }
        let nameStart = bytes.count
        var hasUpperCase = false
        while Self.isAttributeNameCharacter(byte(at: index)) {
            if input[index] >= UInt8(ascii: "A") && input[index] <= UInt8(ascii: "Z") { hasUpperCase = true }
            index += 1
        }
        if hasUpperCase {
            for current in UnsafeBufferPointer(rebasing: input[start..<index]) {
                bytes.append(current >= UInt8(ascii: "A") && current <= UInt8(ascii: "Z") ? current | 0x20 : current)
            }
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
        }
        guard bytes.count - nameStart < 100 else { return nil }
        let nameEnd = bytes.count
        index = skipBlanks(input, from: index)
        var valueStart: Int32 = -1
        var valueEnd: Int32 = -1
        if byte(at: index) == UInt8(ascii: "=") {
            index = skipBlanks(input, from: index + 1)
            valueStart = Int32(bytes.count)
            let quote = byte(at: index)
            let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
            if quoted { index += 1 }
            while true {
                // A run of plain bytes is copied at once.
                var runEnd = index
                if quoted, let base = input.baseAddress {
                    // SAFETY: eight bytes are loaded at `runEnd` only when `runEnd + 8 <= count`.
                    let raw = UnsafeRawPointer(base)
                    while runEnd + 8 <= count {
                        let word = raw.loadUnaligned(fromByteOffset: runEnd, as: UInt64.self)
                        if Self.mayEndText(word) || ByteWord.contains(quote, in: word) { break }
                        runEnd += 8
                    }
                }
                while runEnd < count {
                    let current = input[runEnd]
                    // Above `>` only 0xEF needs a look; below it, the delimiters do.
                    if current > UInt8(ascii: ">") && current != 0xEF {
                        runEnd += 1
                        continue
                    }
                    if quoted ? current == quote : (current == UInt8(ascii: ">") || Self.isBlank(current)) { break }
                    if current == UInt8(ascii: "&") || current == UInt8(ascii: "<") || current < 0x20 || current == 0xEF {
                        break
                    }
                    runEnd += 1
                }
                if runEnd > index {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<runEnd]))
                    index = runEnd
                }
                let current = byte(at: index)
                if current == 0 { return nil }
                if quoted ? current == quote : (current == UInt8(ascii: ">") || Self.isBlank(current)) { break }
                guard let after = valueCharacter(input, at: index) else { return nil }
                index = after
            }
            if quoted { index += 1 }
            valueEnd = Int32(bytes.count)
        }
        // After an attribute: blanks, then the end of the tag or another attribute.
        let next = byte(at: skipBlanks(input, from: index))
        guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || Self.isAttributeNameStart(next) else {
            return nil
        }
        let name = bytes[nameStart..<nameEnd]
        let repeated = attributes[firstAttribute...].contains { bytes[Int($0.nameLower)..<Int($0.nameUpper)].elementsEqual(name) }
        if repeated {
            // libxml2 keeps the first value of a repeated attribute.
            bytes.removeSubrange(nameStart...)
        } else {
            attributes.append(Attribute(nameLower: Int32(nameStart), nameUpper: Int32(nameEnd),
                                        valueLower: valueStart, valueUpper: valueEnd))
        }
        return index
    }

    /// One character of an attribute value at `index`, decoded into `bytes`.
    private mutating func valueCharacter(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let current = input[index]
        if current == UInt8(ascii: "&") { return reference(input, at: index) }
        // `<!` in a value is left to libxml2: callers that repair comments and declarations with
        // a plain search for `<!` (the sanitizer) would find it there.
        if current == UInt8(ascii: "<"), index + 1 < input.count, input[index + 1] == UInt8(ascii: "!") { return nil }
        if current < 0x20 && !Self.isBlank(current) { return nil }
        if current == 0xEF, index + 2 < input.count, input[index + 1] == 0xBF, input[index + 2] >= 0xBE { return nil }
        bytes.append(current)
        return index + 1
    }

    private mutating func endTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        guard start + 2 < count, Self.isLetter(input[start + 2]) else { return nil }
        var tagName = Tables.Name()
        guard let nameEnd = Self.name(input, at: start + 2, into: &tagName) else { return nil }
        let terminator = nameEnd < count ? input[nameEnd] : 0
        guard Self.isBlank(terminator) || terminator == UInt8(ascii: ">") else { return nil }
        let close = skipBlanks(input, from: nameEnd)
        guard close < count, input[close] == UInt8(ascii: ">") else { return nil }

        guard let element = Tables.element(tagName) else {
            // Not an element this scanner opens, so not open: libxml2 ignores the end tag, except
            // for the few names it treats specially.
            return tagName.isSpecialEndTag ? nil : close + 1
        }
        // libxml2's htmlAutoCloseOnClose: an end tag closes the innermost open element of its
        // name and everything inside it, unless something inside has a higher end priority
        // (a `</div>` does not close a table cell's content); then it is ignored.
        guard let match = stack.lastIndex(of: element) else { return close + 1 }
        let priority = Tables.endPriority[Int(element)]
        if stack[(match + 1)...].contains(where: { Tables.endPriority[Int($0)] > priority }) { return close + 1 }
        while stack.count > match { closeInnermost() }
        return close + 1
    }

    private mutating func closeInnermost() {
        let element = stack.removeLast()
        textIsOpen = false
        if stack.isEmpty && bottomIsImplied {
            // The implied paragraph: libxml2 reports its end, `HTMLTokenizerState` hides it.
            bottomIsImplied = false
            return
        }
        tokens.append(Token(kind: .end, element: element, lower: 0, upper: 0))
    }

    // MARK: Bytes

    private func skipBlanks(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count, Self.isBlank(input[index]) { index += 1 }
        return index
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always) private static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    @inline(__always) private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    @inline(__always) private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    @inline(__always) private static func isAttributeNameCharacter(_ byte: UInt8) -> Bool {
        isNameCharacter(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// XML's Char production, which libxml2 checks character references against.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

extension SimpleHTMLScanner {
    /// What the scanner knows of libxml2's element and entity tables.
    enum Tables {
        /// A lower-cased ASCII name of up to 16 bytes, packed for hashing.
        struct Name: Hashable {
            private var low: UInt64 = 0
            private var high: UInt64 = 0
            private var length: UInt8 = 0

            init() {}

            init(_ string: String) {
                for byte in string.utf8 { _ = append(byte) }
            }

            /// False when the name would be longer than 16 bytes.
            mutating func append(_ byte: UInt8) -> Bool {
                if length < 8 {
                    low |= UInt64(byte) << (8 * UInt64(length))
                } else if length < 16 {
                    high |= UInt64(byte) << (8 * UInt64(length - 8))
                } else {
                    return false
                }
                length += 1
                return true
            }

            /// A slot in a table of `mask + 1` slots.
            @inline(__always) func slot(mask: Int) -> Int {
                let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
                return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            }

            /// End tags libxml2 handles apart from the open elements (`html`, `head`, `body`).
            var isSpecialEndTag: Bool {
                self == Name("html") || self == Name("head") || self == Name("body")
            }
        }

        /// The elements the scanner handles, and, for each, the elements whose start tag closes
        /// it, as probed from libxml2 2.9.14 (`htmlStartClose`); the tests probe them again.
        /// Elements libxml2 does not know (`figure`, `section`, …) close nothing and are closed
        /// by nothing. `script` and `style` (raw text), `html`, `head`, `body` (moved or dropped)
        /// and `meta` (encoding) are left out on purpose.
        static let closers: KeyValuePairs<String, [String]> = [
            "a": ["a", "table", "td", "th", "fieldset"],
            "abbr": [], "acronym": [],
            "address": ["dd", "dl", "dt", "li", "ul"],
            "article": [], "aside": [], "audio": [],
            "b": ["center", "p", "td", "th"],
            "bdi": [], "bdo": [],
            "big": ["p"],
            "blockquote": [], "br": [],
            "caption": ["col", "colgroup", "tbody", "tfoot", "thead", "tr"],
            "center": [], "cite": [], "code": [], "col": [],
            "colgroup": ["colgroup", "tbody", "tfoot", "thead", "tr"],
            "dd": ["dt"],
            "del": [], "details": [], "dfn": [],
            "dir": ["dd", "dl", "dt", "ul"],
            "div": [],
            "dl": ["li"],
            "dt": ["dd", "dl"],
            "em": [], "embed": [], "fieldset": [], "figcaption": [], "figure": [],
            "font": ["center", "td", "th"],
            "footer": [],
            "h1": ["li", "p", "table", "fieldset"],
            "h2": ["li", "p", "table", "fieldset"],
            "h3": ["li", "p", "table", "fieldset"],
            "h4": ["li", "p", "table", "fieldset"],
            "h5": ["li", "p", "table", "fieldset"],
            "h6": ["li", "p", "table", "fieldset"],
            "header": [], "hgroup": [], "hr": [],
            "i": ["center", "p", "td", "th"],
            "iframe": [], "img": [], "ins": [], "kbd": [], "label": [],
            "legend": ["fieldset"],
            "li": ["li"],
            "main": [], "mark": [],
            "menu": ["dd", "dl", "dt", "ul"],
            "nav": [], "noscript": [], "object": [],
            "ol": ["ul"],
            "p": ["address", "blockquote", "caption", "center", "col", "colgroup", "dd", "dir", "div", "dl", "dt",
                  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "menu", "ol", "p", "pre", "table", "tbody", "td",
                  "tfoot", "th", "tr", "ul", "fieldset"],
            "param": [], "picture": [],
            "pre": ["dd", "dl", "dt", "li", "table", "ul", "fieldset"],
            "q": [],
            "s": ["p"],
            "samp": [], "section": [],
            "small": ["p"],
            "source": [],
            "span": ["td", "th"],
            "strike": ["p"],
            "strong": [], "sub": [], "summary": [], "sup": [], "table": [],
            "tbody": ["tbody", "tfoot"],
            "td": ["tbody", "td", "tfoot", "th", "tr"],
            "tfoot": ["tbody"],
            "th": ["tbody", "td", "tfoot", "th", "tr"],
            "thead": ["tbody", "tfoot"],
            "time": [],
            "tr": ["tbody", "tfoot", "tr"],
            "tt": ["p"],
            "u": ["p", "td", "th"],
            "ul": ["address", "menu", "ol", "pre"],
            "var": [], "video": [], "wbr": [],
        ]

        /// Elements libxml2 ends as soon as they start (its table's `empty`), among `closers`.
        static let voidNames: Set<String> = ["br", "col", "hr", "img", "param"]

        /// libxml2's `htmlEndPriority`; 100 for every other element.
        static let endPriorities: [String: Int] = [
            "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
        ]

        static let endPriority: [Int] = names.map { endPriorities[$0] ?? 100 }

        /// Element names by number.
        static let names: [String] = closers.map(\.key)

        /// Element numbers by name, in an open-addressed table: a look-up costs a multiply and a
        /// compare or two, where a `Dictionary` would run a full hasher for every tag.
        private static let slots: [UInt8] = {
            var slots = [UInt8](repeating: 0, count: slotCount)
            for (number, name) in names.enumerated() {
                var slot = Name(name).slot(mask: slotCount - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
                slots[slot] = UInt8(number + 1)
            }
            return slots
        }()

        private static let slotCount = 512
        private static let keys: [Name] = names.map(Name.init)

        /// The number of the element called `name`, nil for one the scanner does not handle.
        static func element(_ name: Name) -> UInt8? {
            let slots = Self.slots
            let keys = Self.keys
            var slot = name.slot(mask: slotCount - 1)
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if keys[Int(entry - 1)] == name { return entry - 1 }
                slot = (slot + 1) & (slotCount - 1)
            }
        }

        static let paragraph: UInt8 = element(Name("p")) ?? 0

        static let isVoid: [Bool] = names.map { voidNames.contains($0) }

        /// `closing[new * count + old]`: the start of `new` closes an open `old`.
        private static let closing: [Bool] = {
            var table = [Bool](repeating: false, count: names.count * names.count)
            for (oldIndex, entry) in closers.enumerated() {
                for new in entry.value {
                    if let newIndex = names.firstIndex(of: new) { table[newIndex * names.count + oldIndex] = true }
                }
            }
            return table
        }()

        @inline(__always) static func closes(_ new: UInt8, _ old: UInt8) -> Bool {
            closing[Int(new) * names.count + Int(old)]
        }

        /// The code point of an entity libxml2's HTML parser knows, nil for any other name.
        static func entity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
            let key = String(decoding: name, as: UTF8.self)
            if let value = xmlEntities[key] { return value }
            return HTMLEntityTable.codePoints[key]
        }

        /// The five XML entities, which libxml2's HTML table holds too.
        static let xmlEntities: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39]
    }
}

extension SimpleHTMLScanner {
    /// Hands the tokens read by a successful `scan` to `handler`, as `HTMLTokenizerState` would.
    func replay(into handler: some HTMLTokenHandler) {
        bytes.withUnsafeBufferPointer { buffer in
            // SAFETY: the ranges were recorded by `scan` as it appended to `bytes`, so they lie
            // inside it; what they cover is valid UTF-8 (whole runs of a valid string, cut only at
            // ASCII bytes, and encoded scalars).
            @inline(__always) func string(_ lower: Int32, _ upper: Int32) -> String {
                UTF8Text.string(validUTF8: UnsafeBufferPointer(rebasing: buffer[Int(lower)..<Int(upper)]))
            }
            for token in tokens {
                switch token.kind {
                case .start:
                    var list: [HTMLAttribute] = []
                    if token.lower < token.upper {
                        list.reserveCapacity(Int(token.upper - token.lower))
                        for attribute in attributes[Int(token.lower)..<Int(token.upper)] {
                            let value = attribute.valueLower < 0 ? nil : string(attribute.valueLower, attribute.valueUpper)
                            list.append(HTMLAttribute(name: string(attribute.nameLower, attribute.nameUpper), value: value))
                        }
                    }
                    handler.startTag(Tables.names[Int(token.element)], attributes: list)
                case .end:
                    handler.endTag(Tables.names[Int(token.element)])
                case .text:
                    handler.text(utf8: UnsafeBufferPointer(rebasing: buffer[Int(token.lower)..<Int(token.upper)]).span)
                case .comment:
                    handler.comment(string(token.lower, token.upper))
                }
            }
        }
    }
}
