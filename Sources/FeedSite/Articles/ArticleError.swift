/// What is wrong with an article's text, and where: a line number (1-based) when the problem has
/// one. Parsers of article text throw it; `SiteArticleReader` adds the file to make an
/// `ArticleError`.
public struct ArticleProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\($0): \(message)" } ?? message
    }
}

/// Why one article file could not be turned into an entry, printed as one compiler-style line:
/// `feeds/articles/x.md:4: unknown front matter key 'titel'`.
public struct ArticleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the file could not be read at all, or was read and found wrong. The command line
    /// maps the first to an I/O failure (exit 2) and the second to a bad article (exit 1).
    public enum Kind: Sendable, Hashable {
        case unreadable
        case invalid
    }

    public var kind: Kind
    /// The file as the caller named it.
    public var file: String
    public var line: Int?
    public var message: String

    public init(kind: Kind = .invalid, file: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    init(file: String, _ problem: ArticleProblem) {
        self.init(kind: .invalid, file: file, line: problem.line, message: problem.message)
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
