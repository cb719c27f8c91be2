/// A forward-only cursor over the UTF-8 bytes of a date, with the few reads every date shape needs.
///
/// Reading past the end yields the byte 0, which no date grammar accepts, so callers can look ahead
/// without bounds checks of their own; whether the text is used up is always asked with `isAtEnd`.
struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte `ahead` places after the cursor, or 0 past the end.
    @inline(__always)
    func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : 0
    }

    @inline(__always)
    mutating func advance(_ count: Int = 1) {
        position += count
    }

    /// Consumes `byte` when it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `sequence` when the bytes that follow are exactly it.
    mutating func consume(_ sequence: [UInt8]) -> Bool {
        guard position + sequence.count <= bytes.count else { return false }
        for (offset, byte) in sequence.enumerated() where bytes[position + offset] != byte { return false }
        position += sequence.count
        return true
    }

    /// How many ASCII digits follow the cursor (not consumed), counting at most `limit`.
    func digitRunLength(limit: Int = 16) -> Int {
        var count = 0
        while count < limit, ASCII.isDigit(peek(count)) { count += 1 }
        return count
    }

    /// Reads exactly `count` digits the caller has already seen with `digitRunLength`.
    @inline(__always)
    mutating func readDigits(_ count: Int) -> Int {
        var value = 0
        for _ in 0..<count {
            value = value &* 10 &+ Int(peek() &- ASCII.zero)
            position += 1
        }
        return value
    }

    /// Reads a number of `minDigits...maxDigits` digits; nil (nothing consumed) when the run of
    /// digits is shorter or longer, so "123" is never read as "12" followed by "3".
    mutating func readNumber(minDigits: Int, maxDigits: Int) -> Int? {
        let run = digitRunLength(limit: maxDigits + 1)
        guard run >= minDigits, run <= maxDigits else { return nil }
        return readDigits(run)
    }

    /// Skips spaces, tabs and line breaks; returns whether any were skipped.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while ASCII.isWhitespace(peek()) { position += 1 }
        return position > start
    }

    /// Skips whitespace and commas, the separators of the RFC 822 family; returns whether any were skipped.
    @discardableResult
    mutating func skipSeparators() -> Bool {
        let start = position
        while ASCII.isWhitespace(peek()) || peek() == ASCII.comma { position += 1 }
        return position > start
    }

    /// Reads a word: ASCII letters and any non-ASCII bytes (Greek, Hungarian and Korean names).
    mutating func readWord() -> Range<Int> {
        let start = position
        while ASCII.isLetter(peek()) || peek() >= 0x80 { position += 1 }
        return start..<position
    }

    /// Reads a run of ASCII letters only.
    mutating func readASCIIWord() -> Range<Int> {
        let start = position
        while ASCII.isLetter(peek()) { position += 1 }
        return start..<position
    }

    /// Whether the bytes in `range` equal `lowercase`, ignoring ASCII case; `lowercase` must hold
    /// lowercase ASCII letters or non-ASCII bytes (compared as they are).
    func matches(_ range: Range<Int>, _ lowercase: [UInt8]) -> Bool {
        guard range.count == lowercase.count else { return false }
        var index = range.lowerBound
        for expected in lowercase {
            if ASCII.lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// The bytes in `range` as text (used for fraction digits, which are short).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Byte constants and classes used by the date grammars.
enum ASCII {
    static let zero = UInt8(ascii: "0")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let space = UInt8(ascii: " ")
    static let openParenthesis = UInt8(ascii: "(")
    static let closeParenthesis = UInt8(ascii: ")")

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || (byte &- 9) < 5 }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }

    /// Whether `byte` is `lowercaseLetter` in either case (`lowercaseLetter` must be a letter).
    @inline(__always)
    static func isLetter(_ byte: UInt8, ignoringCase lowercaseLetter: Unicode.Scalar) -> Bool {
        byte | 0x20 == UInt8(ascii: lowercaseLetter)
    }
}
