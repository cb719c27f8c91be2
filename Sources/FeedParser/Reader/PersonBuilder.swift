import FeedModel

/// Collects one author or contributor: an Atom person's `name`, `email` and `uri` children, or
/// the single line of text RSS uses (`jane@example.com (Jane Doe)`).
struct PersonBuilder {
    var name: String?
    var email: String?
    var uri: String?
    /// The element's own text, read when it had no child elements.
    var text: String?
    var hasChildElements = false

    /// The person, leaving the builder's fields empty: they move into the person uncopied.
    mutating func take() -> Person {
        if !hasChildElements, let text = text.take() {
            return Self.parse(text)
        }
        return Person(name: name.take(), email: email.take(), uri: uri.take())
    }

    /// Reads the one-line forms of a person: `email (Name)`, `Name <email>`, `Name (email)`,
    /// a bare email address, or a bare name.
    static func parse(_ raw: String) -> Person {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return Person() }
        // Most RSS authors are a bare name: no address to look for.
        let hasAt = text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "@")) }
            ?? text.utf8.contains(UInt8(ascii: "@"))
        if !hasAt { return Person(name: text) }
        guard let (email, range) = findEmail(in: text) else {
            return Person(name: text)
        }
        var rest = text
        rest.removeSubrange(range)
        // What remains around the address is the name, without its brackets.
        let name = rest.trimmingWhitespace()
            .trimmingCharacters(in: "()<>[]\"' ,:-")
            .trimmingWhitespace()
        return Person(name: name.isEmpty ? nil : name, email: email)
    }

    /// The first thing shaped like an email address, and the range it (with `mailto:`) covers.
    private static func findEmail(in text: String) -> (String, Range<String.Index>)? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        func isAddressChar(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || "._%+-'!#$&*=?^`{|}~".contains(c)
        }
        var start = at
        while start > text.startIndex, isAddressChar(text[text.index(before: start)]) {
            start = text.index(before: start)
        }
        var end = text.index(after: at)
        while end < text.endIndex, isAddressChar(text[end]) || text[end] == "@" {
            end = text.index(after: end)
        }
        var email = String(text[start..<end])
        while let last = email.last, last == "." || last == "-" { email.removeLast(); end = text.index(before: end) }
        guard start < at, text.index(after: at) < end, email.contains(".") || email.split(separator: "@").count == 2
        else { return nil }
        var rangeStart = start
        let mailto = "mailto:"
        if text[..<start].lowercased().hasSuffix(mailto) {
            rangeStart = text.index(start, offsetBy: -mailto.count)
        }
        return (email, rangeStart..<end)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
