/// The lines of an article file, with the byte-level accidents of editors removed: a UTF-8 byte
/// order mark, and CR LF or lone CR line ends (all read as LF).
struct ArticleText {
    /// The lines without their line ends; `lines[0]` is line 1.
    let lines: [Substring]

    init(_ text: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // `\r\n` is one Character in Swift, so `isNewline` splits on it, `\n` and `\r` alike.
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
    }

    /// True when the line holds nothing but spaces and tabs.
    static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func trimmed(_ text: Substring) -> String {
        var slice = text[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
