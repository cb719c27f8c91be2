import FeedXML

/// Recognises the format from the root element, as the parser does, and chooses its rules.
enum FormatRecognition {
    static let atom03Namespace = "http://purl.org/atom/ns#"

    struct Choice {
        var rules: FormatRules
        var rootRole: UInt8?
    }

    static func rules(forRoot name: XMLName, attributes: XMLAttributes, position: SourcePosition,
                      session: ValidationSession) -> Choice? {
        let root = (name, 1)
        switch (name.namespace, name.localName) {
        case (AtomRules.namespace, "feed"):
            session.setFormat("atom1.0")
            return Choice(rules: AtomRules(isEntryDocument: false), rootRole: AtomRules.Role.feed.rawValue)
        case (AtomRules.namespace, "entry"):
            session.setFormat("atom1.0")
            return Choice(rules: AtomRules(isEntryDocument: true), rootRole: AtomRules.Role.entry.rawValue)
        case (atom03Namespace, "feed"):
            session.setFormat("atom0.3")
            session.report(.obsoleteFormat, "this is an Atom 0.3 feed; Atom 0.3 was a draft, replaced by Atom 1.0 in the namespace \(AtomRules.namespace) (RFC 4287 §1.2)",
                           at: position, child: root)
        case ("", "feed") where attributes.value(of: "version") == "0.3":
            session.setFormat("atom0.3")
            session.report(.obsoleteFormat, "this is an Atom 0.3 feed; Atom 0.3 was a draft, replaced by Atom 1.0 in the namespace \(AtomRules.namespace) (RFC 4287 §1.2)",
                           at: position, child: root)
        case (_, "feed"), (_, "entry"):
            session.setFormat("atom1.0")
            let place = name.namespace.isEmpty ? "in no namespace" : "in the namespace \(name.namespace)"
            session.report(.wrongNamespace, "\(name.localName) is \(place); Atom elements belong to \(AtomRules.namespace) (RFC 4287 §1.2)",
                           at: position, child: root)
        case (_, "rss"):
            let version = attributes.value(of: "version")?.trimmingSpaces()
            let format: String
            switch version {
            case "2.0", "2.0.1", "2.00": format = "rss2.0"
            case "0.91": format = "rss0.91"
            case "0.92": format = "rss0.92"
            case "0.93": format = "rss0.93"
            case "0.94": format = "rss0.94"
            default: format = "rss"
            }
            session.setFormat(format)
            let rules = RSSRules(dialect: .rss, coreNamespace: name.namespace, isRSS2: format == "rss2.0" || format == "rss")
            return Choice(rules: rules, rootRole: RSSRules.Role.rss.rawValue)
        case (RSSRules.rdfNamespace, "RDF"):
            session.setFormat("rss1.0")
            return Choice(rules: RSSRules(dialect: .rss10, coreNamespace: nil, isRSS2: false), rootRole: RSSRules.Role.rdf.rawValue)
        case (_, "html"), (_, "HTML"):
            session.report(.notAFeed, "this is an HTML page, not a feed (root element <\(name.qualifiedName)>)", at: position, child: root)
        default:
            session.report(.notAFeed, "the root element <\(name.qualifiedName)> is not rss, rdf:RDF, feed or entry: the document is not a feed",
                           at: position, child: root)
        }
        return nil
    }
}
