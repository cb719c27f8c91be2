import FeedXML

/// RSS 2.0 (the RSS Advisory Board's specification) with RSS 0.91–0.94, and the RDF family:
/// RSS 1.0 and RSS 0.90. They share their leaf elements (title, link, description, …), so one
/// rules type reads them all; `Dialect` decides which elements exist and which are required.
final class RSSRules: FormatRules {
    static let rss10Namespace = "http://purl.org/rss/1.0/"
    static let rss090Namespace = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    enum Dialect: Equatable {
        /// RSS 0.91–2.0: elements in no namespace.
        case rss
        case rss10
        case rss090
    }

    enum Role: UInt8 {
        case rss, rdf, channel, item, image, textInput, cloud, skipHours, skipDays, items, sequence, listItem,
             title, link, description, language, copyright, managingEditor, webMaster, pubDate, lastBuildDate,
             category, generator, docs, ttl, rating, hour, day, url, width, height, name, author, comments,
             enclosure, guid, source, imageReference, textInputReference

        var isContainer: Bool {
            switch self {
            case .rss, .rdf, .channel, .item, .image, .textInput, .skipHours, .skipDays, .items, .sequence: true
            default: false
            }
        }
    }

    private(set) var dialect: Dialect
    /// The namespace of the format's own elements (decided by the root, or by RDF's channel).
    private var coreNamespace: String?
    private let isRSS2: Bool
    private var podcast = NamespaceRules.PodcastFacts()
    private var channelHasSelf = false
    private var item = ItemFacts()
    private var itemsWithoutEnclosure: [(position: SourcePosition, path: String)] = []
    private var guids: Set<String> = []
    /// RSS 1.0: the items the channel lists, and the items the document holds.
    private var listedItems: [(resource: String, position: SourcePosition, path: String)] = []
    private var documentItems: [(about: String, position: SourcePosition, path: String)] = []
    private var itemAbouts: Set<String> = []
    private var hasItemsElement = false

    private struct ItemFacts {
        var hasTitleText = false
        var hasBodyText = false
        var hasEnclosure = false
    }

    init(dialect: Dialect, coreNamespace: String?, isRSS2: Bool) {
        self.dialect = dialect
        self.coreNamespace = coreNamespace
        self.isRSS2 = isRSS2
    }

    private var specName: String {
        switch dialect {
        case .rss: isRSS2 ? "RSS 2.0" : "RSS 0.9x"
        case .rss10: "RSS 1.0"
        case .rss090: "RSS 0.90"
        }
    }

    // MARK: Which elements exist where

    private static let leafRoles: [String: Role] = [
        "title": .title, "link": .link, "description": .description, "language": .language, "copyright": .copyright,
        "managingEditor": .managingEditor, "webMaster": .webMaster, "pubDate": .pubDate, "lastBuildDate": .lastBuildDate,
        "category": .category, "generator": .generator, "docs": .docs, "ttl": .ttl, "rating": .rating, "hour": .hour,
        "day": .day, "url": .url, "width": .width, "height": .height, "name": .name, "author": .author,
        "comments": .comments, "enclosure": .enclosure, "guid": .guid, "source": .source, "cloud": .cloud,
        "skipHours": .skipHours, "skipDays": .skipDays, "item": .item, "image": .image, "textInput": .textInput,
        "textinput": .textInput, "channel": .channel, "items": .items,
    ]

    /// The children a parent allows in this dialect, with whether each may appear only once.
    private func allowed(_ child: Role, in parent: Role, localName: String) -> (allowed: Bool, single: Bool) {
        switch (dialect, parent) {
        case (.rss, .rss):
            return (child == .channel, true)
        case (.rss, .channel):
            switch child {
            case .item, .category: return (true, false)
            case .textInput: return (localName == "textInput" || !isRSS2, true)
            case .title, .link, .description, .language, .copyright, .managingEditor, .webMaster, .pubDate,
                 .lastBuildDate, .generator, .docs, .cloud, .ttl, .image, .rating, .skipHours, .skipDays:
                return (true, true)
            default: return (false, false)
            }
        case (.rss, .item):
            switch child {
            case .category, .enclosure: return (true, false)
            case .title, .link, .description, .author, .comments, .guid, .pubDate, .source: return (true, true)
            default: return (false, false)
            }
        case (.rss, .image):
            return ([.url, .title, .link, .width, .height, .description].contains(child), true)
        case (_, .textInput):
            return ([.title, .description, .name, .link].contains(child), true)
        case (.rss, .skipHours):
            return (child == .hour, false)
        case (.rss, .skipDays):
            return (child == .day, false)
        case (_, .rdf):
            switch child {
            case .channel, .image: return (true, true)
            case .textInput: return (localName == "textinput", true)
            case .item: return (true, false)
            default: return (false, false)
            }
        case (.rss10, .channel):
            switch child {
            case .title, .link, .description, .items: return (true, true)
            case .image, .textInput: return (localName == "image" || localName == "textinput", true)
            default: return (false, false)
            }
        case (.rss090, .channel):
            return ([.title, .link, .description].contains(child), true)
        case (_, .item):
            return ([.title, .link, .description].contains(child), true)
        case (_, .image):
            return ([.title, .url, .link].contains(child), true)
        default:
            return (false, false)
        }
    }

    private func section(for parent: Role) -> String {
        switch (dialect, parent) {
        case (.rss, .rss): "\(specName) §What is RSS"
        case (.rss, .channel): "\(specName) §Required channel elements"
        case (.rss, .item): "\(specName) §Elements of <item>"
        case (.rss, .image): "\(specName) §<image> sub-element of <channel>"
        case (.rss, .textInput): "\(specName) §<textInput> sub-element of <channel>"
        case (.rss, .skipHours), (.rss, .skipDays): "\(specName) §Optional channel elements"
        case (.rss10, .rdf): "RSS 1.0 §5.2"
        case (.rss10, .channel): "RSS 1.0 §5.3"
        case (.rss10, .image): "RSS 1.0 §5.4"
        case (.rss10, .item): "RSS 1.0 §5.5"
        case (.rss10, .textInput): "RSS 1.0 §5.6"
        case (.rss10, .items), (.rss10, .sequence): "RSS 1.0 §5.3.5"
        default: specName
        }
    }

    // MARK: FormatRules

    func collectsText(_ role: UInt8) -> Bool {
        if let own = Role(rawValue: role) {
            switch own {
            case .enclosure, .cloud, .imageReference, .textInputReference, .listItem: return false
            default: return !own.isContainer
            }
        }
        return NamespaceRules.Role(rawValue: role).map(NamespaceRules.collectsText) ?? false
    }

    func childRole(_ name: XMLName, index: Int, parent: inout Frame, location: XMLLocation, session: ValidationSession) -> UInt8? {
        guard let parentRole = Role(rawValue: parent.role) else {
            // inside a namespace element: text only (dc:date, content:encoded, …)
            if let namespaceRole = NamespaceRules.Role(rawValue: parent.role), NamespaceRules.collectsText(namespaceRole) {
                reportChildInText(name, index: index, parent: &parent, location: location, session: session)
            }
            return nil
        }
        if parentRole == .items || parentRole == .sequence {
            return rdfSequenceChild(name, index: index, parentRole: parentRole, location: location, session: session)
        }
        if parentRole == .rdf, coreNamespace == nil {
            // RDF's dialect is told by the namespace of its first RSS element.
            switch name.namespace {
            case Self.rss10Namespace:
                coreNamespace = name.namespace
            case Self.rss090Namespace:
                coreNamespace = name.namespace
                dialect = .rss090
                session.setFormat("rss0.90")
            default:
                if name.localName == "channel" {
                    session.report(.wrongNamespace, "channel is not in the RSS 1.0 namespace \(Self.rss10Namespace) (RSS 1.0 §5.2)",
                                   at: location.position, child: (name, index))
                    return nil
                }
            }
        }
        guard parentRole.isContainer else {
            reportChildInText(name, index: index, parent: &parent, location: location, session: session)
            return nil
        }
        if name.namespace == (coreNamespace ?? "") {
            guard let role = Self.leafRoles[name.localName], allowed(role, in: parentRole, localName: name.localName).allowed else {
                let parentName = parent.name.qualifiedName
                session.report(.undefinedElement, "\(parentName) has no child <\(name.qualifiedName)> in \(specName) (\(section(for: parentRole)))",
                               at: location.position, child: (name, index))
                return nil
            }
            var effective = role
            if dialect != .rss, parentRole == .channel, role == .image { effective = .imageReference }
            if dialect != .rss, parentRole == .channel, role == .textInput { effective = .textInputReference }
            if !parent.childRoles.insert(effective.rawValue), allowed(role, in: parentRole, localName: name.localName).single {
                session.report(.duplicateElement, "\(parent.name.qualifiedName) has more than one <\(name.qualifiedName)> (\(section(for: parentRole)))",
                               at: location.position, child: (name, index))
            }
            return effective.rawValue
        }
        switch NamespaceRules.lookup(name) {
        case .role(let role):
            if role == .contentEncoded, !parent.childRoles.insert(role.rawValue) {
                session.report(.duplicateElement, "\(parent.name.qualifiedName) has more than one <\(name.qualifiedName)> (RSS content module)",
                               at: location.position, child: (name, index))
            }
            return role.rawValue
        case .undefined(let section):
            session.report(.undefinedElement, "<\(name.qualifiedName)> is not an element of its namespace \(name.namespace) (\(section))",
                           at: location.position, child: (name, index))
            return nil
        case .extensionElement:
            return nil
        }
    }

    private func rdfSequenceChild(_ name: XMLName, index: Int, parentRole: Role, location: XMLLocation,
                                  session: ValidationSession) -> UInt8? {
        if name.namespace == Self.rdfNamespace {
            if parentRole == .items, name.localName == "Seq" { return Role.sequence.rawValue }
            if parentRole == .sequence, name.localName == "li" { return Role.listItem.rawValue }
        }
        if name.namespace == coreNamespace || name.namespace == Self.rdfNamespace {
            session.report(.undefinedElement, "<\(name.qualifiedName)> does not belong in the items sequence (RSS 1.0 §5.3.5)",
                           at: location.position, child: (name, index))
        }
        return nil
    }

    private func reportChildInText(_ name: XMLName, index: Int, parent: inout Frame, location: XMLLocation, session: ValidationSession) {
        guard parent.flags & Frame.reportedChildFlag == 0 else { return }
        parent.flags |= Frame.reportedChildFlag
        session.report(.childElementsInText,
                       "\(parent.name.qualifiedName) holds text only, not the element <\(name.qualifiedName)>; escape the markup or use CDATA (\(specName))",
                       at: location.position, child: (name, index))
    }

    func start(_ frame: inout Frame, attributes: XMLAttributes, session: ValidationSession) {
        guard let role = Role(rawValue: frame.role) else {
            if let role = NamespaceRules.Role(rawValue: frame.role),
               let link = NamespaceRules.start(role, &frame, attributes: attributes, podcast: &podcast, session: session),
               link.rel == "self", Role(rawValue: session.ancestor(0)?.role ?? 255) == .channel {
                channelHasSelf = true
            }
            return
        }
        switch role {
        case .rss:
            startRSS(frame, attributes: attributes, session: session)
        case .channel, .item, .image, .textInput:
            if role == .item {
                item = ItemFacts()
                session.entryCount += 1
            }
            guard dialect == .rss10 else { return }
            if let about = attributes.value("about", namespace: Self.rdfNamespace) {
                if role == .item { noteItem(about: about, frame: frame, session: session) }
            } else {
                session.report(.missingAttribute, "\(frame.name.qualifiedName) has no rdf:about attribute (\(section(for: role)))", at: frame.position)
            }
        case .imageReference, .textInputReference:
            if attributes.value("resource", namespace: Self.rdfNamespace) == nil {
                session.report(.missingAttribute, "channel \(frame.name.qualifiedName) has no rdf:resource attribute (RSS 1.0 §5.3)", at: frame.position)
            }
        case .items:
            hasItemsElement = true
        case .listItem:
            if let resource = attributes.value("resource", namespace: Self.rdfNamespace) ?? attributes.value(of: "resource") {
                listedItems.append((resource, frame.position, session.path(appending: (frame.name, frame.index))))
            } else {
                session.report(.missingAttribute, "rdf:li has no rdf:resource attribute (RSS 1.0 §5.3.5)", at: frame.position)
            }
        case .enclosure:
            item.hasEnclosure = true
            startEnclosure(frame, attributes: attributes, session: session)
        case .cloud:
            startCloud(frame, attributes: attributes, session: session)
        case .source:
            if let url = attributes.value(of: "url") {
                session.checkURI(url, what: "source url", section: "\(specName) §<source>", at: frame.position, hasBase: frame.hasBase)
            } else {
                session.report(.missingAttribute, "source has no url attribute (\(specName) §<source>)", at: frame.position)
            }
        case .guid:
            if let permalink = attributes.value(of: "isPermaLink") {
                frame.attributeA = permalink
                if permalink != "true" && permalink != "false" {
                    session.report(.invalidValue, "guid isPermaLink \"\(session.abbreviate(permalink))\" is neither true nor false (\(specName) §<guid>)",
                                   at: frame.position)
                }
            }
        default:
            break
        }
    }

    private func startRSS(_ frame: Frame, attributes: XMLAttributes, session: ValidationSession) {
        guard let version = attributes.value(of: "version") else {
            session.report(.missingAttribute, "rss has no version attribute (RSS 2.0 §What is RSS)", at: frame.position)
            return
        }
        if !["2.0", "2.0.1", "2.00", "0.91", "0.92", "0.93", "0.94"].contains(version.trimmingSpaces()) {
            session.report(.invalidValue, "rss version \"\(session.abbreviate(version))\" is not a version of RSS (RSS 2.0 §What is RSS)",
                           at: frame.position)
        }
    }

    private func startEnclosure(_ frame: Frame, attributes: XMLAttributes, session: ValidationSession) {
        let section = "\(specName) §<enclosure> sub-element of <item>"
        if let url = attributes.value(of: "url") {
            let value = url.trimmingSpaces()
            if case .absolute(let scheme) = ValueSyntax.iri(value), scheme != "http", scheme != "https" {
                session.report(.invalidURI, "enclosure url \"\(session.abbreviate(value))\" is not an http URL (\(section))", at: frame.position)
            } else {
                session.checkURI(value, what: "enclosure url", section: section, at: frame.position, hasBase: frame.hasBase,
                                 absoluteRequirement: section)
            }
        } else {
            session.report(.missingAttribute, "enclosure has no url attribute (\(section))", at: frame.position)
        }
        if let length = attributes.value(of: "length") {
            if ValueSyntax.nonNegativeInteger(length.trimmingSpaces()) == nil {
                session.report(.invalidLength, "enclosure length \"\(session.abbreviate(length))\" is not a whole number of bytes (\(section))", at: frame.position)
            }
        } else {
            session.report(.missingAttribute, "enclosure has no length attribute (\(section))", at: frame.position)
        }
        if let type = attributes.value(of: "type") {
            if !ValueSyntax.isMediaType(type.trimmingSpaces()) {
                session.report(.invalidMediaType, "enclosure type \"\(session.abbreviate(type))\" is not a MIME type (\(section))", at: frame.position)
            }
        } else {
            session.report(.missingAttribute, "enclosure has no type attribute (\(section))", at: frame.position)
        }
    }

    private func startCloud(_ frame: Frame, attributes: XMLAttributes, session: ValidationSession) {
        let section = "\(specName) §<cloud> sub-element of <channel>"
        for attribute in ["domain", "port", "path", "registerProcedure", "protocol"] where attributes.value(attribute) == nil {
            session.report(.missingAttribute, "cloud has no \(attribute) attribute (\(section))", at: frame.position)
        }
        if let port = attributes.value(of: "port"), let number = ValueSyntax.nonNegativeInteger(port.trimmingSpaces()), number <= 65535 {
            // a port
        } else if let port = attributes.value(of: "port") {
            session.report(.invalidValue, "cloud port \"\(session.abbreviate(port))\" is not a port number (\(section))", at: frame.position)
        }
        if let proto = attributes.value(of: "protocol"), !["xml-rpc", "soap", "http-post"].contains(proto.lowercased()) {
            session.report(.invalidValue, "cloud protocol \"\(session.abbreviate(proto))\" is not xml-rpc, soap or http-post (\(section))", at: frame.position)
        }
    }

    private func noteItem(about: String, frame: Frame, session: ValidationSession) {
        let path = session.path(appending: (frame.name, frame.index))
        if !itemAbouts.insert(about).inserted {
            session.report(.duplicateID, "item repeats the rdf:about \(session.abbreviate(about)); readers keep one of the two (RSS 1.0 §5.5)",
                           at: frame.position, path: path)
        }
        documentItems.append((about, frame.position, path))
    }

    func end(_ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession) {
        guard let role = Role(rawValue: frame.role) else {
            if let role = NamespaceRules.Role(rawValue: frame.role) {
                if role == .contentEncoded, !isBlank(text) { item.hasBodyText = true }
                NamespaceRules.end(role, frame, text: text, session: session)
            }
            return
        }
        let parent = session.ancestor(1).flatMap { Role(rawValue: $0.role) }
        let what = parent.map { "\(parentName($0)) \(frame.name.qualifiedName)" } ?? frame.name.qualifiedName
        let value = { String(decoding: text, as: UTF8.self).trimmingSpaces() }
        switch role {
        case .rss, .rdf:
            requireChildren(frame, [(.channel, "channel")], session: session)
        case .channel:
            endChannel(frame, session: session)
        case .item:
            endItem(frame, session: session)
        case .image:
            requireChildren(frame, [(.url, "url"), (.title, "title"), (.link, "link")], session: session)
        case .textInput:
            requireChildren(frame, [(.title, "title"), (.description, "description"), (.name, "name"), (.link, "link")], session: session)
        case .title:
            if parent == .item, !isBlank(text) { item.hasTitleText = true }
            if let tag = TextHazards.htmlTag(in: text) {
                session.report(.markupInText, "\(what) holds the markup \(tag), which many readers show as written (RSS Best Practices Profile §title)",
                               at: frame.position)
            }
            if let entity = TextHazards.doubleEscape(in: text, isHTML: true) {
                session.report(.doubleEscaped, "\(what) holds \(entity): the text was escaped twice (RSS Best Practices Profile §title)", at: frame.position)
            }
        case .description:
            if parent == .item, !isBlank(text) { item.hasBodyText = true }
            session.checkHTMLText(text, what: what, section: section(for: parent ?? .channel), at: frame.position)
        case .link, .docs, .comments, .url:
            session.checkURI(value(), what: what, section: section(for: parent ?? .channel), at: frame.position, hasBase: frame.hasBase)
        case .language:
            if !ValueSyntax.isLanguageTag(value()) {
                session.report(.invalidLanguage, "language \"\(session.abbreviate(value()))\" is not a language tag such as en-us (\(specName) §Optional channel elements)",
                               at: frame.position)
            }
        case .managingEditor, .webMaster, .author:
            if !ValueSyntax.isRSSEmail(value()) {
                session.report(.invalidEmail, "\(what) \"\(session.abbreviate(value()))\" is not an e-mail address such as jane@example.org (Jane Doe) (\(section(for: parent ?? .channel)))",
                               at: frame.position)
            }
        case .pubDate, .lastBuildDate:
            checkRFC822(value(), what: what, frame: frame, session: session)
        case .ttl:
            if ValueSyntax.nonNegativeInteger(value()) == nil {
                session.report(.invalidValue, "ttl \"\(session.abbreviate(value()))\" is not a whole number of minutes (\(specName) §<ttl> sub-element of <channel>)",
                               at: frame.position)
            }
        case .hour:
            if let hour = ValueSyntax.nonNegativeInteger(value()), hour <= 23 { break }
            session.report(.invalidValue, "skipHours hour \"\(session.abbreviate(value()))\" is not a number from 0 to 23 (\(specName) §skipHours)",
                           at: frame.position)
        case .day:
            if !["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].contains(value()) {
                session.report(.invalidValue, "skipDays day \"\(session.abbreviate(value()))\" is not Monday, Tuesday, …, Sunday (\(specName) §skipDays)",
                               at: frame.position)
            }
        case .width, .height:
            let limit = role == .width ? 144 : 400
            if let number = ValueSyntax.nonNegativeInteger(value()), number >= 1, number <= limit { break }
            session.report(.invalidValue, "image \(frame.name.localName) \"\(session.abbreviate(value()))\" is not a number from 1 to \(limit) (\(specName) §<image> sub-element of <channel>)",
                           at: frame.position)
        case .guid:
            endGUID(frame, value: value(), session: session)
        case .sequence, .items, .listItem, .imageReference, .textInputReference, .skipHours, .skipDays, .cloud,
             .enclosure, .source, .category, .generator, .copyright, .rating, .name:
            break
        }
    }

    private func parentName(_ role: Role) -> String {
        switch role {
        case .channel: "channel"
        case .item: "item"
        case .image: "image"
        case .textInput: "textInput"
        default: ""
        }
    }

    private func isBlank(_ text: ArraySlice<UInt8>) -> Bool {
        text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    private func requireChildren(_ frame: Frame, _ required: [(Role, String)], session: ValidationSession) {
        guard let role = Role(rawValue: frame.role) else { return }
        for (child, tag) in required where !frame.childRoles.contains(child.rawValue) {
            session.report(.missingElement, "\(frame.name.qualifiedName) has no <\(tag)> (\(section(for: role)))", at: frame.position)
        }
    }

    private func checkRFC822(_ value: String, what: String, frame: Frame, session: ValidationSession) {
        switch DateSyntax.rfc822(value[...]) {
        case .valid(let instant):
            session.checkNotFuture(instant, what: "\(what) \(value)", at: frame.position)
        case .invalid:
            session.report(.invalidRFC822Date,
                           "\(what) \"\(session.abbreviate(value))\" is not an RFC 822 date such as Sat, 07 Sep 2002 09:42:31 GMT (\(specName), RFC 822 §5)",
                           at: frame.position)
        case .wrongWeekday(let written, let actual):
            session.report(.invalidRFC822Date, "\(what) \"\(session.abbreviate(value))\" says \(written), but that date is a \(actual) (\(specName), RFC 2822 §3.3)",
                           at: frame.position)
        }
    }

    private func endGUID(_ frame: Frame, value: String, session: ValidationSession) {
        let section = "\(specName) §<guid> sub-element of <item>"
        if frame.attributeA != "false" {
            if case .absolute = ValueSyntax.iri(value) {
                session.checkURI(value, what: "guid", section: section, at: frame.position, hasBase: true)
            } else {
                session.report(.invalidGUID, "guid \"\(session.abbreviate(value))\" is a permalink (isPermaLink defaults to true) but not an absolute URL; add isPermaLink=\"false\" (\(section))",
                               at: frame.position)
            }
        }
        guard !value.isEmpty else { return }
        if !guids.insert(value).inserted {
            session.report(.duplicateID, "guid \(session.abbreviate(value)) is used by an earlier item too; readers keep one of the two (\(section))",
                           at: frame.position)
        }
    }

    private func endChannel(_ frame: Frame, session: ValidationSession) {
        var required: [(Role, String)] = [(.title, "title"), (.link, "link"), (.description, "description")]
        if dialect == .rss10 { required.append((.items, "items")) }
        requireChildren(frame, required, session: session)
        guard dialect == .rss else { return }
        if !channelHasSelf {
            session.report(.missingSelfLink, "channel has no atom:link with rel=\"self\" giving the feed's own address (RSS Best Practices Profile §atom:link)",
                           at: frame.position)
        }
        if podcast.usesITunes {
            let section = "Apple Podcasts RSS feed requirements"
            var missing: [String] = []
            if !podcast.hasImage { missing.append("<itunes:image>") }
            if !podcast.hasCategory { missing.append("<itunes:category>") }
            if !podcast.hasExplicit { missing.append("<itunes:explicit>") }
            if !frame.childRoles.contains(Role.language.rawValue) { missing.append("<language>") }
            for element in missing {
                session.report(.itunesRequirement, "podcast channel has no \(element), which podcast directories require (\(section))", at: frame.position)
            }
            for pending in itemsWithoutEnclosure {
                session.report(.itunesRequirement, "podcast episode has no <enclosure> with its audio or video (\(section))",
                               at: pending.position, path: pending.path)
            }
        }
    }

    private func endItem(_ frame: Frame, session: ValidationSession) {
        let section = section(for: .item)
        switch dialect {
        case .rss:
            if !frame.childRoles.contains(Role.title.rawValue) && !frame.childRoles.contains(Role.description.rawValue) {
                session.report(.missingElement, "item has neither <title> nor <description> (\(section))", at: frame.position)
            } else if !item.hasTitleText && !item.hasBodyText {
                session.report(.emptyEntry, "item has an empty title and no description or content: readers show nothing (\(section))", at: frame.position)
            }
            if !item.hasEnclosure { itemsWithoutEnclosure.append((frame.position, session.currentPath)) }
        case .rss10, .rss090:
            requireChildren(frame, [(.title, "title"), (.link, "link")], session: session)
        }
    }

    func finish(session: ValidationSession) {
        guard dialect == .rss10 else { return }
        let listed = Set(listedItems.map(\.resource))
        let present = itemAbouts
        for item in documentItems where !listed.contains(item.about) && hasItemsElement {
            session.report(.rdfItemsMismatch, "item \(session.abbreviate(item.about)) is not listed in the channel's items sequence (RSS 1.0 §5.3.5)",
                           at: item.position, path: item.path)
        }
        for entry in listedItems where !present.contains(entry.resource) {
            session.report(.rdfItemsMismatch, "the items sequence lists \(session.abbreviate(entry.resource)), but no item has that rdf:about (RSS 1.0 §5.3.5)",
                           at: entry.position, path: entry.path)
        }
    }
}
