import FeedXML

/// How a document is read. The defaults suit a feed reader; every field is documented with the
/// reason for its default.
public struct FeedParserOptions: Sendable {
    /// Clean HTML and XHTML values as a reader must before showing them (scripts, event handlers,
    /// `javascript:` URLs removed; relative URLs made absolute). Off by default: a store or a
    /// converter wants the publisher's markup as it was.
    public var sanitize: Bool
    /// Size, depth and entity-amplification bounds for the XML reader.
    public var limits: XMLParseLimits
    /// The most diagnostics kept for one document; a badly broken file can otherwise produce one
    /// per line.
    public var maxDiagnostics: Int

    public init(sanitize: Bool = false, limits: XMLParseLimits = XMLParseLimits(), maxDiagnostics: Int = 200) {
        self.sanitize = sanitize
        self.limits = limits
        self.maxDiagnostics = maxDiagnostics
    }
}
