import FeedXML

/// Something the parser noticed and recovered from: an ill-formed construct, an undeclared
/// entity, a date it could not read, bytes re-decoded in another encoding.
public struct ParseDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// A stable kebab-case name (`undeclared-entity`, `unreadable-date`, `xml-76`, …).
    public var code: String
    public var message: String
    /// Where it was found, when the parser knows.
    public var position: SourcePosition?

    public init(severity: Severity, code: String, message: String, position: SourcePosition? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
    }

    /// `line:column: severity: message [code]`, as compilers print.
    public var description: String {
        let place = position.map { "\($0.line):\($0.column): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(code)]"
    }
}

/// Why a document gave no feed at all. Everything short of this is recovered from and reported
/// as a `ParseDiagnostic` instead.
public enum FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document is empty or only white space.
    case empty
    /// The document is readable but is no feed (an HTML page, another XML vocabulary, text).
    case notAFeed(reason: String, position: SourcePosition?)
    /// The bytes are not a document at all (binary data, or XML too broken to find a root).
    case unreadable(reason: String, position: SourcePosition?)
    /// A safety limit stopped the parse (size, depth, entity amplification).
    case limitExceeded(limit: String, message: String, position: SourcePosition?)
    /// A JSON document that is not a JSON Feed, or not valid JSON.
    case invalidJSON(reason: String)

    public var position: SourcePosition? {
        switch self {
        case .notAFeed(_, let p), .unreadable(_, let p), .limitExceeded(_, _, let p): return p
        case .empty, .invalidJSON: return nil
        }
    }

    /// One line, without the file name.
    public var message: String {
        switch self {
        case .empty: return "the document is empty"
        case .notAFeed(let reason, _): return reason
        case .unreadable(let reason, _): return reason
        case .limitExceeded(_, let message, _): return "refused: \(message)"
        case .invalidJSON(let reason): return reason
        }
    }

    public var description: String {
        if let position { return "\(position.line):\(position.column): \(message)" }
        return message
    }
}
