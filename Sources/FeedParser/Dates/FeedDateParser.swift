import FeedModel

/// Reads the dates feeds carry, in every shape they have been seen in, as forgiving as
/// feedparser but refusing anything it cannot read with confidence.
///
/// Shapes: RFC 3339 and the rest of ISO 8601 / W3C-DTF (`ISO8601DateParser`), RFC 822 and its
/// relatives — asctime, RFC 850, Perforce, month-first, Greek names (`RFC822DateParser`), and two
/// Korean forms (`KoreanDateParser`). A date that names no zone is UTC; an impossible date
/// (month 13, February 30, an offset of -99:99) or an unknown zone name gives nil.
///
/// Works on UTF-8 bytes without Foundation, regular expressions or allocation (beyond a
/// fraction of a second longer than 15 digits), so it can run for every date of every feed.
public enum FeedDateParser {
    /// Texts longer than this are not dates; refusing them keeps the cost bounded on any input.
    public static let maximumLength = 256

    /// Every date shape feeds use; nil when the text is no date we can read with confidence.
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The same as `parse(_:)`, for callers that hold the text as UTF-8 bytes.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var start = 0
        var end = bytes.count
        while start < end, ASCII.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        guard end > start, end - start <= maximumLength else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])

        let first = trimmed[0]
        if ASCII.isDigit(first) {
            if let stamp = ISO8601DateParser.parseRFC3339(trimmed) ?? ISO8601DateParser.parse(trimmed) {
                return stamp
            }
            return KoreanDateParser.parse(trimmed) ?? RFC822DateParser.parse(trimmed)
        }
        if first == ASCII.minus { return ISO8601DateParser.parse(trimmed) }
        return RFC822DateParser.parse(trimmed)
    }
}
