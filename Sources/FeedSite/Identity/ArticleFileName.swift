import FeedModel

/// What an article's file name says: an optional Jekyll-style date prefix
/// (`2017-01-09-jack-ma-meets-trump.txt`), the name's stem without it, and the extension.
///
/// The date prefix is the last place a publication date can come from when the file states none
/// (see `SiteArticleReader`); it names a UTC day and reads as midnight UTC.
public struct ArticleFileName: Sendable, Hashable {
    /// The file name without folders.
    public let name: String
    /// The name without date prefix and extension: what the slug is made from.
    public let stem: String
    /// The extension, lowercased, without the dot; empty when there is none.
    public let fileExtension: String
    /// Midnight UTC of the day in the prefix; nil when there is no valid date prefix.
    public let date: Timestamp?

    public init(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        self.name = name
        var base = name
        var ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            base = String(name[..<dot])
            ext = String(name[name.index(after: dot)...]).lowercased()
        }
        fileExtension = ext
        let (date, rest) = Self.splitDatePrefix(base)
        self.date = date
        stem = rest
    }

    /// `YYYY-MM-DD-rest` → (the date, `rest`); anything else → (nil, the whole name). A prefix
    /// that looks like a date but is none (`2017-02-30-`) is left in the stem.
    private static func splitDatePrefix(_ base: String) -> (Timestamp?, String) {
        let bytes = Array(base.utf8)
        guard bytes.count >= 11 else { return (nil, base) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let hyphen = UInt8(ascii: "-")
        guard bytes[4] == hyphen, bytes[7] == hyphen, bytes[10] == hyphen,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let date = Timestamp(year: year, month: month, day: day)
        else { return (nil, base) }
        return (date, String(decoding: bytes[11...], as: UTF8.self))
    }
}
