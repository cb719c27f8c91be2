/// The `key: value` block at the top of a Markdown article, between two `---` lines — the form
/// Ink's metadata parser reads, checked more strictly:
///
/// ```
/// ---
/// title: Reading every feed format
/// published: 2024-03-02T09:30:00Z
/// categories: [parsing, formats]
/// ---
/// ```
///
/// - The block opens only on line 1 (after a byte order mark); it must be closed by a `---` line.
/// - Each non-blank line inside is one `key: value` pair, split at the first colon (so values may
///   hold colons: times, URLs). Keys are the ones in `knownKeys`, each at most once; any other key
///   is an error naming its line, so a typo (`publised:`) is never ignored silently. Ink would
///   append a line without a colon to the previous value; here it is an error, because such a line
///   is far more often a mistake than a deliberate continuation.
/// - A value wrapped in matching double or single quotes loses them (`title: "[Draft] notes"`).
/// - Lines starting with `#` are comments.
public struct FrontMatter: Sendable, Hashable {
    /// One `key: value` line.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String
        /// The line of the file it is on.
        public var line: Int

        public init(key: String, value: String, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// Every key the front matter may use.
    public static let knownKeys = [
        "title", "author", "email", "uri", "published", "updated", "id", "slug", "categories", "summary",
    ]

    /// The fields in the order written.
    public var fields: [Field]

    public init(fields: [Field] = []) {
        self.fields = fields
    }

    public subscript(key: String) -> Field? {
        fields.first { $0.key == key }
    }

    /// A document split into its front matter and the Markdown after it.
    public struct Split: Sendable, Hashable {
        /// Empty when the document has no front matter.
        public var frontMatter: FrontMatter
        /// The document after the closing `---`, line ends normalised to LF.
        public var body: String
        /// The line of the file `body` starts on.
        public var bodyLine: Int
    }

    /// Separates the front matter from the body and checks every field's key.
    public static func split(_ document: String) throws(ArticleProblem) -> Split {
        let lines = ArticleText(document).lines
        guard let first = lines.first, ArticleText.trimmed(first) == "---" else {
            return Split(frontMatter: FrontMatter(), body: lines.joined(separator: "\n"), bodyLine: 1)
        }
        var fields: [Field] = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            let text = ArticleText.trimmed(line)
            if text == "---" {
                let body = lines[index...].joined(separator: "\n")
                return Split(frontMatter: FrontMatter(fields: fields), body: body, bodyLine: index + 1)
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let colon = text.firstIndex(of: ":") else {
                throw ArticleProblem(line: number, "expected 'key: value' in the front matter, found '\(text)'")
            }
            let key = ArticleText.trimmed(text[..<colon])
            let value = unquoted(ArticleText.trimmed(text[text.index(after: colon)...]))
            guard knownKeys.contains(key) else {
                throw ArticleProblem(line: number, "unknown front matter key '\(key)' (known: \(knownKeys.joined(separator: ", ")))")
            }
            if let earlier = fields.first(where: { $0.key == key }) {
                throw ArticleProblem(line: number, "'\(key)' is given twice (first on line \(earlier.line))")
            }
            guard !value.isEmpty else {
                throw ArticleProblem(line: number, "'\(key)' has no value")
            }
            fields.append(Field(key: key, value: value, line: number))
        }
        throw ArticleProblem(line: 1, "the front matter opened here is never closed by a '---' line")
    }

    /// The `categories` value as a list: `a, b` or `[a, b]`, each name trimmed and unquoted, empty
    /// names and repeats dropped, the order kept.
    public static func list(_ value: String) -> [String] {
        var text = value[...]
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = text.dropFirst().dropLast()
        }
        var names: [String] = []
        for part in text.split(separator: ",") {
            let name = unquoted(ArticleText.trimmed(part))
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }
}
