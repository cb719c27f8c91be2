import FeedXML

/// Checks every format applies the same way: URLs, dates, text hazards and Atom-style links.
extension ValidationSession {
    /// A URL or IRI reference. `what` names it in messages (`link href`, `<comments>`).
    /// Relative references are legal where the format allows them; without a base in scope
    /// they are a warning. `absoluteRequirement` names the rule that forbids them instead.
    func checkURI(_ raw: String, what: String, section: String, at position: SourcePosition, hasBase: Bool,
                  absoluteRequirement: String? = nil) {
        let value = raw.trimmingSpaces()
        if ValueSyntax.isJavaScript(value) {
            report(.javascriptURI, "\(what) is a javascript: URL, which readers strip or run (\(section))", at: position)
            return
        }
        switch ValueSyntax.iri(value) {
        case .invalid(let why):
            report(.invalidURI, "\(what) \"\(abbreviate(value))\" is not a valid URI: \(why) (\(section))", at: position)
        case .relative:
            if let absoluteRequirement {
                report(.invalidURI, "\(what) \"\(abbreviate(value))\" must be an absolute URL (\(absoluteRequirement))", at: position)
            } else if !hasBase {
                report(.relativeURI, "\(what) \"\(abbreviate(value))\" is relative and no xml:base is in scope (\(section))", at: position)
            }
        case .absolute:
            break
        }
    }

    /// Plain text: markup and entities are shown as written, so either is a sign of a mistake.
    func checkPlainText(_ text: ArraySlice<UInt8>, what: String, section: String, at position: SourcePosition) {
        if let tag = TextHazards.htmlTag(in: text) {
            report(.markupInText, "\(what) is plain text but holds the markup \(tag), which readers show as written (\(section))", at: position)
        }
        if let entity = TextHazards.doubleEscape(in: text, isHTML: false) {
            report(.doubleEscaped, "\(what) is plain text but holds the escaped entity \(entity): it was escaped twice (\(section))", at: position)
        }
    }

    /// HTML: an entity for an escape, escaped tags, or a javascript: URL.
    func checkHTMLText(_ text: ArraySlice<UInt8>, what: String, section: String, at position: SourcePosition) {
        if let entity = TextHazards.doubleEscape(in: text, isHTML: true) {
            report(.doubleEscaped, "\(what) holds \(entity): the HTML was escaped twice and readers show the entity (\(section))", at: position)
        }
        if TextHazards.containsJavaScriptURL(text) {
            report(.javascriptURI, "\(what) holds a javascript: URL, which readers strip or run (\(section))", at: position)
        }
    }

    /// Warns about a date more than a day ahead of the validator's clock.
    func checkNotFuture(_ instant: Int64, what: String, at position: SourcePosition) {
        guard let now = options.now, instant > now + 86_400 else { return }
        report(.futureDate, "\(what) is in the future; readers sort such entries first or drop them", at: position)
    }

    /// The attributes of an `atom:link`, in an Atom feed or in RSS. Returns the relation
    /// (`alternate` when absent) for the caller's own rules.
    @discardableResult
    func checkAtomLink(_ attributes: XMLAttributes, at position: SourcePosition, hasBase: Bool) -> AtomLinkFacts {
        var facts = AtomLinkFacts()
        if let href = attributes.value(of: "href") {
            facts.href = href
            checkURI(href, what: "link href", section: "RFC 4287 §4.2.7.1", at: position, hasBase: hasBase)
        } else {
            report(.missingAttribute, "link has no href attribute (RFC 4287 §4.2.7.1)", at: position)
        }
        if let rel = attributes.value(of: "rel") {
            facts.rel = rel
            checkLinkRelation(rel, at: position)
        }
        if let type = attributes.value(of: "type") {
            facts.type = type
            if !ValueSyntax.isMediaType(type) {
                report(.invalidMediaType, "link type \"\(abbreviate(type))\" is not a media type (RFC 4287 §4.2.7.3)", at: position)
            }
        }
        if let hreflang = attributes.value(of: "hreflang") {
            facts.hreflang = hreflang
            if !ValueSyntax.isLanguageTag(hreflang) {
                report(.invalidLanguage, "link hreflang \"\(abbreviate(hreflang))\" is not a language tag (RFC 4287 §4.2.7.4)", at: position)
            }
        }
        if let length = attributes.value(of: "length"), ValueSyntax.nonNegativeInteger(length) == nil {
            report(.invalidLength, "link length \"\(abbreviate(length))\" is not a whole number of bytes (RFC 4287 §4.2.7.6)", at: position)
        }
        return facts
    }

    private func checkLinkRelation(_ rel: String, at position: SourcePosition) {
        switch ValueSyntax.iri(rel) {
        case .absolute:
            return
        case .invalid, .relative:
            // isegment-nz-nc: a non-empty path segment without ':' (and without '/').
            let isSimpleName = !rel.isEmpty && !rel.contains("/") && !rel.contains("?") && !rel.contains("#")
            if case .invalid = ValueSyntax.iri(rel) {
                report(.invalidLinkRelation, "link rel \"\(abbreviate(rel))\" is neither a name nor an absolute IRI (RFC 4287 §4.2.7.2)", at: position)
            } else if !isSimpleName {
                report(.invalidLinkRelation, "link rel \"\(abbreviate(rel))\" is neither a name nor an absolute IRI (RFC 4287 §4.2.7.2)", at: position)
            } else if !LinkRelations.registered.contains(rel.lowercased()) {
                report(.unregisteredLinkRelation, "link rel \"\(abbreviate(rel))\" is not a registered relation; use an absolute IRI for an extension (RFC 4287 §4.2.7.2)", at: position)
            }
        }
    }

    func abbreviate(_ value: String) -> String {
        let oneLine = value.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "…" : String(oneLine)
    }
}

/// What an `atom:link` said, for the rules about alternates and self links.
struct AtomLinkFacts {
    var href: String?
    var rel = "alternate"
    var type: String?
    var hreflang: String?
}
