import Foundation

/// The last path segment of an article's address and of its tag URI: lowercase ASCII letters and
/// digits, words joined by single hyphens (`Jack Ma meets Trump!` → `jack-ma-meets-trump`).
///
/// Letters with accents lose them (`Café` → `cafe`: the text is decomposed, NFD, and the
/// combining marks dropped); every other character that is not an ASCII letter or digit separates
/// words. The rule is deliberately plain so that a reader can predict the slug from the file name.
public struct Slug: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// The slug of `text`; nil when nothing of it survives (a name made only of punctuation, or
    /// of letters outside the Latin alphabet).
    public init?(normalising text: String) {
        var out = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let value = scalar.value
            let isDigit = (0x30...0x39).contains(value)
            let isUpper = (0x41...0x5A).contains(value)
            let isLower = (0x61...0x7A).contains(value)
            if isDigit || isUpper || isLower {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(Character(Unicode.Scalar(UInt8(isUpper ? value + 0x20 : value))))
            } else {
                pendingHyphen = true
            }
        }
        guard !out.isEmpty else { return nil }
        self.value = out
    }

    public var description: String { value }
}
