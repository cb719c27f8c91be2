import FeedXML

/// How documents are validated. The defaults suit `feed validate`.
public struct FeedValidatorOptions: Sendable {
    /// Size, depth and entity-expansion bounds (the parser's own; a refused document is an error).
    public var limits: XMLParseLimits
    /// The document's own address, when known: relative URLs resolve against it, so they are
    /// not reported as having no base.
    public var documentURL: String?
    /// Seconds since 1970 that count as "now" for `future-date`; nil turns that check off.
    /// Tests pin it; the command line uses the clock.
    public var now: Int64?

    public init(limits: XMLParseLimits = XMLParseLimits(), documentURL: String? = nil, now: Int64? = nil) {
        self.limits = limits
        self.documentURL = documentURL
        self.now = now
    }
}
