import FeedXML

/// The namespaces the reader understands, recognised by URI (never by prefix), including the
/// wrong or outdated URIs that real feeds carry.
enum Vocabulary: UInt8, Sendable {
    /// No namespace, or one of the namespaces that RSS 0.9x/1.0/2.0 and Atom put their own
    /// elements in: the elements are told apart by local name, as every forgiving reader does.
    case core
    case dublinCore
    case dublinCoreTerms
    case content
    case itunes
    case media
    case slash
    case wellFormedWeb
    case xhtml
    case rdf
    case creativeCommons
    case xml
    case other

    /// The kind of core namespace, where it matters (Atom text constructs vs RSS text).
    enum CoreFlavour: UInt8, Sendable {
        case none, rss, rss090, rss10, atom10, atom03
    }

    static let atom10URI = "http://www.w3.org/2005/Atom"
    static let atom03URI = "http://purl.org/atom/ns#"
    static let rss10URI = "http://purl.org/rss/1.0/"
    static let rss090URI = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdfURI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// The same, for attribute lookups that read it from static memory.
    static let rdfNamespace: StaticString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtmlURI = "http://www.w3.org/1999/xhtml"

    /// Namespace URI (compared lower-cased, without a trailing slash) to vocabulary.
    private static let byURI: [String: (Vocabulary, CoreFlavour)] = {
        var table: [String: (Vocabulary, CoreFlavour)] = [:]
        func add(_ uri: String, _ vocabulary: Vocabulary, _ flavour: CoreFlavour = .none) {
            table[normalise(uri)] = (vocabulary, flavour)
        }
        add("", .core, .none)
        add(atom10URI, .core, .atom10)
        add("http://www.w3.org/2005/atom", .core, .atom10)
        add("http://purl.org/atom/ns#draft-ietf-atompub-format-08", .core, .atom10)
        add(atom03URI, .core, .atom03)
        add("http://purl.org/atom/ns", .core, .atom03)
        add("http://example.com/newformat#", .core, .atom03)
        // names the Atom drafts went by before 0.3
        add("http://purl.org/echo/", .core, .atom03)
        add("http://purl.org/pie/", .core, .atom03)
        add(rss10URI, .core, .rss10)
        add("http://purl.org/rss/1.0", .core, .rss10)
        add(rss090URI, .core, .rss090)
        add("http://backend.userland.com/rss2", .core, .rss)
        add("http://backend.userland.com/rss", .core, .rss)
        add("http://blogs.law.harvard.edu/tech/rss", .core, .rss)
        add("http://purl.org/net/rss1.1#", .core, .rss10)
        add("http://my.netscape.com/publish/formats/rss-0.91.dtd", .core, .rss)
        add("http://purl.org/dc/elements/1.1/", .dublinCore)
        add("http://purl.org/dc/elements/1.0/", .dublinCore)
        add("http://purl.org/dc/terms/", .dublinCoreTerms)
        add("http://purl.org/rss/1.0/modules/content/", .content)
        add("http://www.itunes.com/dtds/podcast-1.0.dtd", .itunes)
        add("http://www.itunes.com/dtds/podcast-1.0.dtd/", .itunes)
        add("http://example.com/dtds/podcast-1.0.dtd", .itunes)
        add("http://search.yahoo.com/mrss/", .media)
        add("http://search.yahoo.com/mrss", .media)
        add("http://video.search.yahoo.com/mrss", .media)
        add("http://tools.search.yahoo.com/mrss/", .media)
        add("http://purl.org/rss/1.0/modules/slash/", .slash)
        add("http://wellformedweb.org/commentapi/", .wellFormedWeb)
        add(xhtmlURI, .xhtml)
        add(rdfURI, .rdf)
        add("http://web.resource.org/cc/", .creativeCommons)
        add("http://backend.userland.com/creativecommonsrssmodule", .creativeCommons)
        add("http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html", .creativeCommons)
        add(xmlNamespaceURI, .xml)
        return table
    }()

    private static func normalise(_ uri: String) -> String {
        var u = uri.lowercased()
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }

    static func classify(namespace: String) -> (Vocabulary, CoreFlavour) {
        if namespace.isEmpty { return (.core, .none) }
        return byURI[normalise(namespace)] ?? (.other, .none)
    }
}

/// Every element the reader acts on. Core elements are named by local name alone; extension
/// elements carry their vocabulary in the case name.
enum Tag: UInt8, Sendable {
    case unknown
    // core: RSS and Atom
    case rss, rdf, channel, feed, item, entry, title, link, description, language, copyright,
         managingEditor, webMaster, pubDate, lastBuildDate, category, generator, ttl, image, url,
         textInput, guid, enclosure, source, comments, author, id, updated, published, issued,
         modified, created, summary, content, subtitle, tagline, rights, icon, logo, contributor,
         name, email, uri, info, fullitem, body, items, cloud, skipHours, skipDays, docs, rating,
         width, height, license, tags
    // Dublin Core and terms
    case dcCreator, dcDate, dcSubject, dcRights, dcLanguage, dcContributor, dcTitle, dcDescription,
         dcPublisher, dctermsIssued, dctermsModified, dctermsCreated, dctermsAvailable, dctermsRights
    // extensions
    case contentEncoded
    case itunesAuthor, itunesSummary, itunesSubtitle, itunesCategory, itunesImage, itunesKeywords,
         itunesOwner, itunesName, itunesEmail
    case mediaContent, mediaThumbnail, mediaGroup, mediaCategory, mediaTitle, mediaDescription, mediaKeywords
    case slashComments, wfwCommentRss
    case xhtmlBody, xhtmlDiv
    case ccLicense
    case rdfLi, rdfSeq

    /// Elements whose text is a date.
    var isDate: Bool {
        switch self {
        case .updated, .published, .issued, .modified, .created, .pubDate, .lastBuildDate, .dcDate,
             .dctermsIssued, .dctermsModified, .dctermsCreated, .dctermsAvailable:
            return true
        default:
            return false
        }
    }

    private static let core: [String: Tag] = [
        "rss": .rss, "RDF": .rdf, "channel": .channel, "feed": .feed, "item": .item, "entry": .entry,
        "title": .title, "link": .link, "description": .description, "language": .language,
        "copyright": .copyright, "managingEditor": .managingEditor, "webMaster": .webMaster,
        "pubDate": .pubDate, "lastBuildDate": .lastBuildDate, "category": .category,
        "generator": .generator, "ttl": .ttl, "image": .image, "url": .url, "textInput": .textInput,
        "textinput": .textInput, "guid": .guid, "enclosure": .enclosure, "source": .source,
        "comments": .comments, "author": .author, "id": .id, "updated": .updated,
        "published": .published, "issued": .issued, "modified": .modified, "created": .created,
        "summary": .summary, "content": .content, "subtitle": .subtitle, "tagline": .tagline,
        "rights": .rights, "icon": .icon, "logo": .logo, "contributor": .contributor, "name": .name,
        "email": .email, "uri": .uri, "info": .info, "fullitem": .fullitem, "body": .body,
        "items": .items, "cloud": .cloud, "skipHours": .skipHours, "skipDays": .skipDays,
        "docs": .docs, "rating": .rating, "width": .width, "height": .height, "license": .license,
        "tags": .tags, "homepage": .uri,
        // common misspellings of RSS element names in the wild
        "pubdate": .pubDate, "lastbuilddate": .lastBuildDate, "managingeditor": .managingEditor,
    ]
    private static let dublinCore: [String: Tag] = [
        "creator": .dcCreator, "date": .dcDate, "subject": .dcSubject, "rights": .dcRights,
        "language": .dcLanguage, "contributor": .dcContributor, "title": .dcTitle,
        "description": .dcDescription, "publisher": .dcPublisher, "author": .dcCreator,
    ]
    private static let dublinCoreTerms: [String: Tag] = [
        "issued": .dctermsIssued, "modified": .dctermsModified, "created": .dctermsCreated,
        "available": .dctermsAvailable, "rights": .dctermsRights, "date": .dcDate,
        "creator": .dcCreator, "subject": .dcSubject, "language": .dcLanguage, "title": .dcTitle,
        "contributor": .dcContributor, "description": .dcDescription, "publisher": .dcPublisher,
    ]
    private static let itunes: [String: Tag] = [
        "author": .itunesAuthor, "summary": .itunesSummary, "subtitle": .itunesSubtitle,
        "category": .itunesCategory, "image": .itunesImage, "keywords": .itunesKeywords,
        "owner": .itunesOwner, "name": .itunesName, "email": .itunesEmail,
    ]
    private static let media: [String: Tag] = [
        "content": .mediaContent, "thumbnail": .mediaThumbnail, "group": .mediaGroup,
        "category": .mediaCategory, "title": .mediaTitle, "description": .mediaDescription,
        "keywords": .mediaKeywords,
    ]

    static func classify(_ vocabulary: Vocabulary, _ localName: String) -> Tag {
        switch vocabulary {
        case .core: return core[localName] ?? .unknown
        case .dublinCore: return dublinCore[localName] ?? .unknown
        case .dublinCoreTerms: return dublinCoreTerms[localName] ?? .unknown
        case .content: return localName == "encoded" ? .contentEncoded : .unknown
        case .itunes: return itunes[localName] ?? .unknown
        case .media: return media[localName] ?? .unknown
        case .slash: return localName == "comments" ? .slashComments : .unknown
        case .wellFormedWeb: return localName.lowercased() == "commentrss" ? .wfwCommentRss : .unknown
        case .xhtml:
            switch localName {
            case "body": return .xhtmlBody
            case "div": return .xhtmlDiv
            default: return .unknown
            }
        case .rdf:
            switch localName {
            case "RDF": return .rdf
            case "li": return .rdfLi
            case "Seq": return .rdfSeq
            default: return .unknown
            }
        case .creativeCommons: return localName == "license" ? .ccLicense : .unknown
        case .xml, .other: return .unknown
        }
    }
}

/// What the reader knows about one element name: computed once per name and parse.
struct ElementClass: Sendable {
    var vocabulary: Vocabulary
    var flavour: Vocabulary.CoreFlavour
    var tag: Tag

    /// True for elements in an Atom namespace, whose text follows Atom's text construct rules.
    var isAtom: Bool { flavour == .atom10 || flavour == .atom03 }

    init(_ name: XMLName) {
        (vocabulary, flavour) = Vocabulary.classify(namespace: name.namespace)
        tag = Tag.classify(vocabulary, name.localName)
    }
}

/// The classes of the names one `XMLNameTable` has handed out, by `XMLName.id`.
final class ElementClassCache {
    @exclusivity(unchecked) private var classes: [ElementClass?] = []

    @inline(__always) func classify(_ name: XMLName) -> ElementClass {
        let id = name.id
        if id >= 0, id < classes.count, let known = classes[id] { return known }
        let cls = ElementClass(name)
        if id >= 0 {
            if id >= classes.count { classes.append(contentsOf: repeatElement(nil, count: id - classes.count + 1)) }
            classes[id] = cls
        }
        return cls
    }
}
