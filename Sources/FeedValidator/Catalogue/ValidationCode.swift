/// One rule the validator checks: its stable code, how serious breaking it is, the section of
/// the specification behind it, and what it checks. `docs/validation-codes.md` documents every
/// code with a bad and a good example; a test keeps the two in step.
///
/// ## Topics
/// - ``all``
/// - ``named(_:)``
public struct ValidationCode: Sendable, Hashable, Identifiable {
    /// Kebab-case and stable: scripts and CI annotations match on it.
    public let id: String
    public let severity: ValidationSeverity
    /// The specification sections behind the rule (`RFC 4287 §4.1.1`).
    public let specification: String
    /// What the rule checks, in one sentence.
    public let summary: String

    init(_ id: String, _ severity: ValidationSeverity, _ specification: String, _ summary: String) {
        self.id = id
        self.severity = severity
        self.specification = specification
        self.summary = summary
    }

    /// The code with this id, or nil.
    public static func named(_ id: String) -> ValidationCode? { byID[id] }

    private static let byID: [String: ValidationCode] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
}

extension ValidationCode {
    // MARK: Bytes and encoding

    static let declarationMismatch = ValidationCode(
        "declaration-mismatch", .error, "XML 1.0 §4.3.3, Appendix F",
        "The byte order mark or the layout of the first bytes contradicts the encoding declaration, or a UTF-16 document has no byte order mark.")
    static let invalidByte = ValidationCode(
        "invalid-byte", .error, "XML 1.0 §4.3.3",
        "The document holds bytes that are not legal in the encoding it is read in.")
    static let unknownEncoding = ValidationCode(
        "unknown-encoding", .error, "XML 1.0 §4.3.3",
        "The declared encoding, or the HTTP charset, names no known encoding.")
    static let charsetMismatch = ValidationCode(
        "charset-mismatch", .warning, "RFC 3023 §3.1",
        "The charset of the HTTP Content-Type contradicts the encoding the document gives itself; the charset wins, so readers that ignore it decode differently.")

    // MARK: Well-formedness

    static let notWellFormed = ValidationCode(
        "not-well-formed", .error, "XML 1.0 §2.1; Namespaces in XML 1.0",
        "libxml2 found the document not well-formed XML (every error it reports, with its line and column).")
    static let undeclaredEntity = ValidationCode(
        "undeclared-entity", .error, "XML 1.0 §4.1 (WFC: Entity Declared)",
        "A named entity such as &nbsp; is used but never declared, and no external DTD could declare it.")
    static let externalDTDEntity = ValidationCode(
        "external-dtd-entity", .warning, "XML 1.0 §4.1 (VC: Entity Declared)",
        "A named entity is declared only in an external DTD, which feed readers never load.")
    static let limitExceeded = ValidationCode(
        "limit-exceeded", .error, "XML 1.0 §4.4.3 (entity expansion); a safety limit of this validator",
        "The document was refused: too large, nested too deeply, an entity expansion bomb, or an external entity (XXE).")
    static let notAFeed = ValidationCode(
        "not-a-feed", .error, "RFC 4287 §4.1.1; RSS 2.0 §What is RSS; RSS 1.0 §5.1",
        "The root element is not rss, rdf:RDF, feed or entry (an HTML page, another XML vocabulary, no element at all).")

    // MARK: Structure

    static let obsoleteFormat = ValidationCode(
        "obsolete-format", .error, "RFC 4287 §1.2 (the Atom 1.0 namespace)",
        "The feed is Atom 0.3, a draft replaced by Atom 1.0 (RFC 4287).")
    static let wrongNamespace = ValidationCode(
        "wrong-namespace", .error, "RFC 4287 §1.2; RSS 1.0 §5.2",
        "A feed element is in no namespace or the wrong one.")
    static let undefinedElement = ValidationCode(
        "undefined-element", .error, "RFC 4287 §6.2; RSS 2.0 §Extending RSS; RSS 1.0 §5",
        "An element in the format's own namespace that the specification does not define there (unknown, misspelt or misplaced).")
    static let missingElement = ValidationCode(
        "missing-element", .error, "RFC 4287 §3.2.1, §4.1.1, §4.1.2; RSS 2.0 §Required channel elements, §<item>, §<image>, §<textInput>; RSS 1.0 §5.3–5.6",
        "A required child element is missing.")
    static let duplicateElement = ValidationCode(
        "duplicate-element", .error, "RFC 4287 §3.2, §4.1.1, §4.1.2, §4.2.11; RSS 2.0 §Required channel elements, §<item>; RSS 1.0 §5",
        "An element allowed at most once appears again.")
    static let missingAttribute = ValidationCode(
        "missing-attribute", .error, "RFC 4287 §4.2.2.1, §4.2.7.1; RSS 2.0 §What is RSS, §<enclosure>, §<cloud>, §<source>; RSS 1.0 §5.3–5.6",
        "A required attribute is missing (link href, category term, enclosure url/length/type, rdf:about, …).")
    static let missingAuthor = ValidationCode(
        "missing-author", .error, "RFC 4287 §4.1.1, §4.1.2",
        "An Atom entry has no author, and neither its source nor the feed provides one.")
    static let duplicateAlternateLink = ValidationCode(
        "duplicate-alternate-link", .error, "RFC 4287 §4.1.1, §4.1.2",
        "Two alternate links of a feed or entry share the same type and hreflang.")
    static let missingContentOrAlternate = ValidationCode(
        "missing-content-or-alternate", .error, "RFC 4287 §4.1.2",
        "An Atom entry has neither content nor an alternate link.")
    static let missingSummary = ValidationCode(
        "missing-summary", .error, "RFC 4287 §4.1.2",
        "An Atom entry whose content has src, or is Base64 (not text, not XML), has no summary.")
    static let invalidTextType = ValidationCode(
        "invalid-text-type", .error, "RFC 4287 §3.1.1",
        "The type of a text construct is not text, html or xhtml.")
    static let missingXHTMLDiv = ValidationCode(
        "missing-xhtml-div", .error, "RFC 4287 §3.1.1.3, §4.1.3.3",
        "xhtml text or content is not exactly one XHTML div element.")
    static let childElementsInText = ValidationCode(
        "child-elements-in-text", .error, "RFC 4287 §3.1.1.1, §3.1.1.2, §4.1.3.3; RSS 2.0 §Extending RSS",
        "An element that holds text (Atom text or html, a date, an id, an RSS title or description) contains child elements: markup that should have been escaped.")
    static let contentSrcNotEmpty = ValidationCode(
        "content-src-not-empty", .error, "RFC 4287 §4.1.3.2",
        "atom:content with a src attribute is not empty.")
    static let invalidBase64 = ValidationCode(
        "invalid-base64", .error, "RFC 4287 §4.1.3.3",
        "atom:content of a non-text, non-XML media type is not valid Base64.")

    // MARK: Values

    static let invalidDate = ValidationCode(
        "invalid-date", .error, "RFC 4287 §3.3; RFC 3339 §5.6",
        "An Atom date is not an RFC 3339 date-time (uppercase T and Z, seconds, a time zone).")
    static let invalidRFC822Date = ValidationCode(
        "invalid-rfc822-date", .error, "RSS 2.0 §Optional channel elements (RFC 822 §5)",
        "An RSS date (pubDate, lastBuildDate) is not an RFC 822 date-time, or names the wrong weekday.")
    static let invalidW3CDTFDate = ValidationCode(
        "invalid-w3cdtf-date", .error, "DCMI Terms (W3C NOTE-datetime)",
        "A Dublin Core date is not in W3CDTF (a time needs a time zone).")
    static let invalidID = ValidationCode(
        "invalid-id", .error, "RFC 4287 §4.2.6",
        "atom:id is not an absolute IRI.")
    static let invalidURI = ValidationCode(
        "invalid-uri", .error, "RFC 3987 §2.2; RFC 4287 §3.2.2, §4.2.7.1; RSS 2.0 §<enclosure>",
        "A URI or IRI does not parse (spaces, bad characters or percent-escapes, a broken scheme), or an enclosure url is not an http URL.")
    static let invalidMediaType = ValidationCode(
        "invalid-media-type", .error, "RFC 4287 §4.1.3.1, §4.2.7.3; RSS 2.0 §<enclosure>",
        "A type attribute is not a MIME media type, or atom:content names a composite type or text/html/xhtml beside src.")
    static let invalidLength = ValidationCode(
        "invalid-length", .error, "RFC 4287 §4.2.7.6; RSS 2.0 §<enclosure>",
        "A length is not a non-negative whole number of bytes.")
    static let invalidLinkRelation = ValidationCode(
        "invalid-link-relation", .error, "RFC 4287 §4.2.7.2",
        "A link rel is empty, or is neither a simple name nor an absolute IRI.")
    static let unregisteredLinkRelation = ValidationCode(
        "unregistered-link-relation", .warning, "RFC 4287 §4.2.7.2, §7.1",
        "A link rel is a simple name that the IANA registry of link relations does not list.")
    static let invalidEmail = ValidationCode(
        "invalid-email", .error, "RFC 4287 §3.2.3; RSS 2.0 §Optional channel elements, §<item>",
        "An email element holds no e-mail address (Atom: an addr-spec; RSS: an address, optionally with a name).")
    static let invalidLanguage = ValidationCode(
        "invalid-language", .error, "RFC 4287 §4.2.7.4 (RFC 3066); RSS 2.0 §Optional channel elements",
        "A language is not a language tag such as en or pt-BR.")
    static let invalidGUID = ValidationCode(
        "invalid-guid", .error, "RSS 2.0 §<guid>",
        "A guid that is a permalink (the default) is not an absolute URL.")
    static let invalidValue = ValidationCode(
        "invalid-value", .error, "RSS 2.0 §What is RSS, §<ttl>, §<skipHours>, §<skipDays>, §<image>, §<cloud>, §<guid>",
        "A value outside what the RSS specification allows (version, ttl, hour, day, image size, cloud protocol or port, isPermaLink).")

    // MARK: Feed-level SHOULDs and readers

    static let duplicateEntry = ValidationCode(
        "duplicate-entry", .warning, "RFC 4287 §4.1.1",
        "Two Atom entries have the same id and the same updated date.")
    static let rdfItemsMismatch = ValidationCode(
        "rdf-items-mismatch", .warning, "RSS 1.0 §5.3.5",
        "The channel's items sequence and the document's items do not list the same rdf:about values.")
    static let missingSelfLink = ValidationCode(
        "missing-self-link", .warning, "RFC 4287 §4.1.1; RSS Best Practices Profile §atom:link",
        "The feed has no link with rel=\"self\" giving its own address.")
    static let itunesRequirement = ValidationCode(
        "itunes-requirement", .warning, "Apple Podcasts RSS feed requirements",
        "A podcast (a feed using the iTunes namespace) lacks what a podcast directory requires, or gives it a value it does not accept.")
    static let relativeURI = ValidationCode(
        "relative-uri", .warning, "RFC 3986 §5.1",
        "A URL is relative and no xml:base (or document address) is in scope to resolve it.")
    static let markupInText = ValidationCode(
        "markup-in-text", .warning, "RFC 4287 §3.1.1.1; RSS Best Practices Profile",
        "Plain text holds what looks like HTML markup, which readers show as tags.")
    static let doubleEscaped = ValidationCode(
        "double-escaped", .warning, "RFC 4287 §3.1.1.1, §3.1.1.2; RSS Best Practices Profile",
        "Text was escaped twice (&amp;amp;, &amp;lt;): readers show the entity instead of the character.")
    static let javascriptURI = ValidationCode(
        "javascript-uri", .warning, "RFC 4287 §8.1 (security)",
        "A link or a URL in the markup uses the javascript: scheme, which readers strip or which runs script.")
    static let futureDate = ValidationCode(
        "future-date", .warning, "RFC 4287 §3.3; RSS 2.0 §<item>",
        "A date lies more than a day in the future.")
    static let duplicateID = ValidationCode(
        "duplicate-id", .warning, "RFC 4287 §4.2.6; RSS 2.0 §<guid>; RSS 1.0 §5.5",
        "Two entries share an id, guid or rdf:about: readers keep one of them.")
    static let emptyEntry = ValidationCode(
        "empty-entry", .warning, "RFC 4287 §4.1.2; RSS 2.0 §Elements of <item>",
        "An entry or item has neither a non-empty title nor any content, summary or description.")

    /// Every code, in the order the documentation lists them.
    public static let all: [ValidationCode] = [
        declarationMismatch, invalidByte, unknownEncoding, charsetMismatch,
        notWellFormed, undeclaredEntity, externalDTDEntity, limitExceeded, notAFeed,
        obsoleteFormat, wrongNamespace, undefinedElement, missingElement, duplicateElement, missingAttribute,
        missingAuthor, duplicateAlternateLink, missingContentOrAlternate, missingSummary, invalidTextType,
        missingXHTMLDiv, childElementsInText, contentSrcNotEmpty, invalidBase64,
        invalidDate, invalidRFC822Date, invalidW3CDTFDate, invalidID, invalidURI, invalidMediaType, invalidLength,
        invalidLinkRelation, unregisteredLinkRelation, invalidEmail, invalidLanguage, invalidGUID, invalidValue,
        duplicateEntry, rdfItemsMismatch, missingSelfLink, itunesRequirement, relativeURI, markupInText,
        doubleEscaped, javascriptURI, futureDate, duplicateID, emptyEntry,
    ]
}
