import FeedXML

/// The namespaces RSS feeds borrow from: Dublin Core (dates in W3CDTF), `content:encoded`
/// (HTML), `atom:link` (above all `rel="self"`), and iTunes (what a podcast directory needs).
/// Elements of other namespaces are extensions no rule looks at.
enum NamespaceRules {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"

    /// Roles 64 and up belong to the namespaces (the format's own roles stay below).
    enum Role: UInt8 {
        case dcDate = 64, dcText, dctermsDate, contentEncoded, atomLink, itunesImage, itunesCategory, itunesExplicit,
             itunesText
    }

    private static let dublinCoreElements: Set<String> = [
        "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
        "identifier", "source", "language", "relation", "coverage", "rights",
    ]
    private static let dublinCoreTermDates: Set<String> = [
        "date", "created", "issued", "modified", "available", "dateAccepted", "dateCopyrighted", "dateSubmitted",
    ]

    enum Lookup {
        case role(Role)
        /// An element of a known namespace that it does not define.
        case undefined(section: String)
        /// Any other namespace: an extension.
        case extensionElement
    }

    static func lookup(_ name: XMLName) -> Lookup {
        switch name.namespace {
        case dublinCore:
            if name.localName == "date" { return .role(.dcDate) }
            return dublinCoreElements.contains(name.localName) ? .role(.dcText) : .undefined(section: "DCMI Metadata Terms §3")
        case dublinCoreTerms:
            return dublinCoreTermDates.contains(name.localName) ? .role(.dctermsDate) : .extensionElement
        case content:
            return name.localName == "encoded" ? .role(.contentEncoded) : .extensionElement
        case AtomRules.namespace:
            return name.localName == "link" ? .role(.atomLink) : .extensionElement
        case itunes:
            switch name.localName {
            case "image": return .role(.itunesImage)
            case "category": return .role(.itunesCategory)
            case "explicit": return .role(.itunesExplicit)
            case "owner": return .extensionElement
            default: return .role(.itunesText)
            }
        default:
            return .extensionElement
        }
    }

    static func collectsText(_ role: Role) -> Bool {
        switch role {
        case .atomLink, .itunesImage, .itunesCategory: false
        default: true
        }
    }

    /// What a podcast's channel has shown so far.
    struct PodcastFacts {
        var usesITunes = false
        var hasImage = false
        var hasCategory = false
        var hasExplicit = false
    }

    static func start(_ role: Role, _ frame: inout Frame, attributes: XMLAttributes, podcast: inout PodcastFacts,
                      session: ValidationSession) -> AtomLinkFacts? {
        switch role {
        case .atomLink:
            return session.checkAtomLink(attributes, at: frame.position, hasBase: frame.hasBase)
        case .itunesImage:
            podcast.usesITunes = true
            podcast.hasImage = true
            if let href = attributes.value(of: "href") {
                session.checkURI(href, what: "itunes:image href", section: "Apple Podcasts: <itunes:image>", at: frame.position,
                                 hasBase: frame.hasBase)
            } else {
                session.report(.itunesRequirement, "itunes:image has no href attribute (Apple Podcasts: <itunes:image>)", at: frame.position)
            }
        case .itunesCategory:
            podcast.usesITunes = true
            podcast.hasCategory = true
            if attributes.value(of: "text")?.isEmpty != false {
                session.report(.itunesRequirement, "itunes:category has no text attribute (Apple Podcasts: <itunes:category>)", at: frame.position)
            }
        case .itunesExplicit:
            podcast.usesITunes = true
            podcast.hasExplicit = true
        case .itunesText:
            podcast.usesITunes = true
        case .dcDate, .dcText, .dctermsDate, .contentEncoded:
            break
        }
        return nil
    }

    static func end(_ role: Role, _ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession) {
        switch role {
        case .dcDate, .dctermsDate:
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces()
            if let instant = DateSyntax.w3cdtf(value[...]) {
                session.checkNotFuture(instant, what: "\(frame.name.qualifiedName) \(value)", at: frame.position)
            } else {
                session.report(.invalidW3CDTFDate,
                               "\(frame.name.qualifiedName) \"\(session.abbreviate(value))\" is not a W3CDTF date such as 2003-12-13T18:30:02Z (DCMI Terms, W3C NOTE-datetime)",
                               at: frame.position)
            }
        case .contentEncoded:
            session.checkHTMLText(text, what: frame.name.qualifiedName, section: "RSS content module", at: frame.position)
        case .itunesExplicit:
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces().lowercased()
            if !["true", "false", "yes", "no", "clean", "explicit"].contains(value) {
                session.report(.itunesRequirement, "itunes:explicit \"\(session.abbreviate(value))\" is not true or false (Apple Podcasts: <itunes:explicit>)",
                               at: frame.position)
            }
        case .dcText, .atomLink, .itunesImage, .itunesCategory, .itunesText:
            break
        }
    }
}
