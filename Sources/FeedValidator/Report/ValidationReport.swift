/// How much a finding matters. Only `error` makes a document invalid.
public enum ValidationSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Breaks a MUST of the format's specification, or the document is not well-formed XML.
    case error
    /// Legal but likely to break readers, or breaks a SHOULD.
    case warning
    /// Style.
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (a: ValidationSeverity, b: ValidationSeverity) -> Bool { a.rank < b.rank }
}

/// One finding, as the validation-report contract prints it.
public struct ValidationDiagnostic: Sendable, Hashable, Codable {
    public var severity: ValidationSeverity
    /// A stable kebab-case name from ``ValidationCode/all``.
    public var code: String
    /// One line that names the element and the section of the specification.
    public var message: String
    /// 1-based; where the offending element or text starts (1:1 for findings about the whole
    /// document, such as its encoding).
    public var line: Int
    public var column: Int
    /// Where the element sits: `/feed/entry[1]/link[2]` (see ``ValidationPath``); `/` for the
    /// document itself.
    public var path: String

    public init(severity: ValidationSeverity, code: String, message: String, line: Int, column: Int, path: String) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case severity, code, message, line, column, path
    }
}

/// What the validator found in one document: the object `feed validate --format json` prints.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// The name the document was given (a path, a URL, `<stdin>`).
    public var file: String
    /// The format as the parsed-feed contract names it (`atom1.0`, `rss2.0`, `rss1.0`, …), or
    /// `unknown` when the root is no feed.
    public var format: String
    /// True exactly when no diagnostic is an error.
    public var valid: Bool
    /// In document order (findings about the whole document first).
    public var diagnostics: [ValidationDiagnostic]

    public init(file: String, format: String, diagnostics: [ValidationDiagnostic]) {
        self.file = file
        self.format = format
        self.diagnostics = diagnostics
        self.valid = !diagnostics.contains { $0.severity == .error }
    }

    enum CodingKeys: String, CodingKey {
        case file, format, valid, diagnostics
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
