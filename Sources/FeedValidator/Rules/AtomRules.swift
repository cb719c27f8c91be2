import FeedXML

/// RFC 4287: every MUST and SHOULD that can be checked in one pass over the events.
///
/// Element-level rules run when an element ends; rules about a feed, entry or source run when
/// it ends; the author rule for entries waits for the end of the feed, since the feed's own
/// author may come after its entries.
final class AtomRules: FormatRules {
    static let namespace = "http://www.w3.org/2005/Atom"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    enum Role: UInt8 {
        case feed, entry, source, author, contributor, name, email, uri, id, title, subtitle, summary, rights,
             content, updated, published, link, category, generator, icon, logo

    }

    /// How a text construct or content element is to be read (a frame's `mode`).
    enum TextMode: UInt8 {
        case text, html, xhtml
        /// atom:content of an XML media type: child elements are its document.
        case xml
        /// atom:content of another `text/` type.
        case otherText
        /// atom:content of any other media type: Base64.
        case base64
    }

    private struct Container {
        var hasAuthor = false
        var hasSelf = false
        var alternates: Set<String> = []
        var hasAlternate = false
        var hasContent = false
        var needsSummary = false
        var hasSummary = false
        var hasTextualContent = false
        var titleIsEmpty = true
        var id: String?
        var updated: String?
    }

    private var roles: [Role?] = []
    private var known: [Bool] = []
    private var feed = Container()
    private var entry = Container()
    private var source = Container()
    private let isEntryDocument: Bool
    /// Entries without an author, waiting for the feed's end to learn whether it has one.
    private var entriesWithoutAuthor: [(position: SourcePosition, path: String)] = []
    /// Entry ids seen, with their updated dates.
    private var entryIDs: [String: String] = [:]

    init(isEntryDocument: Bool) {
        self.isEntryDocument = isEntryDocument
    }

    private static let byLocalName: [String: Role] = [
        "feed": .feed, "entry": .entry, "source": .source, "author": .author, "contributor": .contributor,
        "name": .name, "email": .email, "uri": .uri, "id": .id, "title": .title, "subtitle": .subtitle,
        "summary": .summary, "rights": .rights, "content": .content, "updated": .updated, "published": .published,
        "link": .link, "category": .category, "generator": .generator, "icon": .icon, "logo": .logo,
    ]

    /// The Atom role of a name, or nil for another namespace; `undefined` for an Atom name RFC 4287 lacks.
    private func atomRole(_ name: XMLName) -> (isAtom: Bool, role: Role?) {
        let id = name.id
        if id >= 0, id < known.count, known[id] { return (name.namespace == Self.namespace, roles[id]) }
        let isAtom = name.namespace == Self.namespace
        let role = isAtom ? Self.byLocalName[name.localName] : nil
        if id >= 0 {
            if id >= known.count {
                known.append(contentsOf: repeatElement(false, count: id - known.count + 1))
                roles.append(contentsOf: repeatElement(nil, count: id - roles.count + 1))
            }
            known[id] = true
            roles[id] = role
        }
        return (isAtom, role)
    }

    /// Which Atom children each container allows, and which at most once.
    private static func allowed(_ child: Role, in parent: Role) -> (allowed: Bool, single: Bool) {
        switch parent {
        case .feed:
            switch child {
            case .author, .category, .contributor, .link, .entry: return (true, false)
            case .generator, .icon, .id, .logo, .rights, .subtitle, .title, .updated: return (true, true)
            default: return (false, false)
            }
        case .entry:
            switch child {
            case .author, .category, .contributor, .link: return (true, false)
            case .content, .id, .published, .rights, .source, .summary, .title, .updated: return (true, true)
            default: return (false, false)
            }
        case .source:
            switch child {
            case .author, .category, .contributor, .link: return (true, false)
            case .generator, .icon, .id, .logo, .rights, .subtitle, .title, .updated: return (true, true)
            default: return (false, false)
            }
        case .author, .contributor:
            switch child {
            case .name, .email, .uri: return (true, true)
            default: return (false, false)
            }
        default:
            return (false, false)
        }
    }

    private static func section(_ parent: Role) -> String {
        switch parent {
        case .feed: "RFC 4287 §4.1.1"
        case .entry: "RFC 4287 §4.1.2"
        case .source: "RFC 4287 §4.2.11"
        case .author, .contributor: "RFC 4287 §3.2"
        default: "RFC 4287 §4"
        }
    }

    // MARK: FormatRules

    func collectsText(_ role: UInt8) -> Bool {
        switch Role(rawValue: role) {
        case .feed, .entry, .source, .author, .contributor, .link, .category, nil: false
        default: true
        }
    }

    func childRole(_ name: XMLName, index: Int, parent: inout Frame, location: XMLLocation, session: ValidationSession) -> UInt8? {
        guard let parentRole = Role(rawValue: parent.role) else { return nil }
        switch parentRole {
        case .feed, .entry, .source, .author, .contributor:
            let (isAtom, role) = atomRole(name)
            guard isAtom else { return nil }   // extension elements: any other namespace
            guard let role, Self.allowed(role, in: parentRole).allowed else {
                session.report(.undefinedElement,
                               "\(parent.name.localName) has no child <\(name.qualifiedName)> (\(Self.section(parentRole)))",
                               at: location.position, child: (name, index))
                return nil
            }
            if !parent.childRoles.insert(role.rawValue), Self.allowed(role, in: parentRole).single {
                session.report(.duplicateElement,
                               "\(parent.name.localName) has more than one <\(name.qualifiedName)> (\(Self.section(parentRole)))",
                               at: location.position, child: (name, index))
            }
            return role.rawValue
        case .link, .category:
            return nil   // undefined content is allowed
        case .content where parent.mode == TextMode.xml.rawValue:
            return nil
        case .title, .subtitle, .summary, .rights, .content:
            if parent.mode == TextMode.xhtml.rawValue {
                let isDiv = name.namespace == Self.xhtmlNamespace && name.localName == "div"
                if !isDiv || parent.childElements > 1 {
                    reportOnce(&parent, .missingXHTMLDiv,
                               "xhtml \(parent.name.localName) must hold exactly one xhtml:div, not <\(name.qualifiedName)> (RFC 4287 §3.1.1.3)",
                               at: location.position, session: session)
                }
                return nil
            }
            reportOnce(&parent, .childElementsInText,
                       "\(parent.name.localName) of type \(Self.typeName(parent)) holds the element <\(name.qualifiedName)>; markup must be escaped (\(parentRole == .content ? "RFC 4287 §4.1.3.3" : "RFC 4287 §3.1.1"))",
                       at: location.position, session: session)
            return nil
        default:
            reportOnce(&parent, .childElementsInText,
                       "\(parent.name.localName) holds text only, not the element <\(name.qualifiedName)> (\(Self.sectionOfLeaf(parentRole)))",
                       at: location.position, session: session)
            return nil
        }
    }

    private func reportOnce(_ parent: inout Frame, _ code: ValidationCode, _ message: String, at position: SourcePosition,
                            session: ValidationSession) {
        guard parent.flags & Frame.reportedChildFlag == 0 else { return }
        parent.flags |= Frame.reportedChildFlag
        session.report(code, message, at: position)
    }

    private static func typeName(_ frame: Frame) -> String {
        switch TextMode(rawValue: frame.mode) {
        case .html: "html"
        case .otherText, .base64: frame.attributeA ?? "text"
        default: "text"
        }
    }

    private static func sectionOfLeaf(_ role: Role) -> String {
        switch role {
        case .id: "RFC 4287 §4.2.6"
        case .updated, .published: "RFC 4287 §3.3"
        case .name, .email, .uri: "RFC 4287 §3.2"
        case .generator: "RFC 4287 §4.2.4"
        case .icon: "RFC 4287 §4.2.5"
        case .logo: "RFC 4287 §4.2.8"
        default: "RFC 4287"
        }
    }

    func start(_ frame: inout Frame, attributes: XMLAttributes, session: ValidationSession) {
        guard let role = Role(rawValue: frame.role) else { return }
        switch role {
        case .feed:
            feed = Container()
        case .entry:
            entry = Container()
            session.entryCount += 1
        case .source:
            source = Container()
        case .author:
            switch parentRole(session, levels: 0) {
            case .feed: feed.hasAuthor = true
            case .entry: entry.hasAuthor = true
            case .source: source.hasAuthor = true
            default: entry.hasAuthor = true   // the root of an entry document
            }
        case .title, .subtitle, .summary, .rights:
            let type = attributes.value(of: "type")
            switch type {
            case nil, "text": frame.mode = TextMode.text.rawValue
            case "html": frame.mode = TextMode.html.rawValue
            case "xhtml": frame.mode = TextMode.xhtml.rawValue
            case let other?:
                session.report(.invalidTextType, "\(frame.name.localName) type \"\(session.abbreviate(other))\" is not text, html or xhtml (RFC 4287 §3.1.1)",
                               at: frame.position)
            }
            if role == .summary, parentRole(session, levels: 0) == .entry { entry.hasSummary = true }
        case .content:
            startContent(&frame, attributes: attributes, session: session)
        case .link:
            let facts = session.checkAtomLink(attributes, at: frame.position, hasBase: frame.hasBase)
            noteLink(facts, at: frame.position, session: session)
        case .category:
            if attributes.value(of: "term") == nil {
                session.report(.missingAttribute, "category has no term attribute (RFC 4287 §4.2.2.1)", at: frame.position)
            }
            if let scheme = attributes.value(of: "scheme") {
                session.checkURI(scheme, what: "category scheme", section: "RFC 4287 §4.2.2.2", at: frame.position, hasBase: frame.hasBase)
            }
        case .generator:
            if let uri = attributes.value(of: "uri") {
                session.checkURI(uri, what: "generator uri", section: "RFC 4287 §4.2.4", at: frame.position, hasBase: frame.hasBase)
            }
        default:
            break
        }
    }

    /// The role of the frame `levels` above the innermost (0 while an element starts: its
    /// parent; 1 while it ends).
    private func parentRole(_ session: ValidationSession, levels: Int) -> Role? {
        session.ancestor(levels).flatMap { Role(rawValue: $0.role) }
    }

    private func startContent(_ frame: inout Frame, attributes: XMLAttributes, session: ValidationSession) {
        entry.hasContent = true
        let type = attributes.value(of: "type")
        let src = attributes.value(of: "src")
        frame.attributeA = type
        switch type {
        case nil, "text": frame.mode = TextMode.text.rawValue
        case "html": frame.mode = TextMode.html.rawValue
        case "xhtml": frame.mode = TextMode.xhtml.rawValue
        case let mediaType?:
            let essence = mediaType.lowercased()
            if !ValueSyntax.isMediaType(mediaType) {
                session.report(.invalidMediaType, "content type \"\(session.abbreviate(mediaType))\" is neither text, html, xhtml nor a media type (RFC 4287 §4.1.3.1)",
                               at: frame.position)
                frame.mode = TextMode.otherText.rawValue
            } else if essence.hasPrefix("multipart/") || essence.hasPrefix("message/") {
                session.report(.invalidMediaType, "content type \"\(session.abbreviate(mediaType))\" is a composite type, which Atom forbids (RFC 4287 §4.1.3.1)",
                               at: frame.position)
                frame.mode = TextMode.otherText.rawValue
            } else if ValueSyntax.isXMLMediaType(mediaType) {
                frame.mode = TextMode.xml.rawValue
            } else if essence.hasPrefix("text/") {
                frame.mode = TextMode.otherText.rawValue
            } else {
                frame.mode = TextMode.base64.rawValue
                entry.needsSummary = true
            }
        }
        if let src {
            frame.flags |= Frame.hasSourceFlag
            entry.needsSummary = true
            session.checkURI(src, what: "content src", section: "RFC 4287 §4.1.3.2", at: frame.position, hasBase: frame.hasBase)
            if let type, type == "text" || type == "html" || type == "xhtml" {
                session.report(.invalidMediaType, "content with src must give a media type, not \"\(type)\" (RFC 4287 §4.1.3.1)", at: frame.position)
            }
        }
    }

    private func noteLink(_ link: AtomLinkFacts, at position: SourcePosition, session: ValidationSession) {
        guard let parent = parentRole(session, levels: 0) else { return }
        let rel = link.rel
        func note(_ container: inout Container, section: String) {
            if rel == "self" { container.hasSelf = true }
            guard rel == "alternate" || rel == LinkRelations.ianaPrefix + "alternate" else { return }
            container.hasAlternate = true
            let key = (link.type ?? "").lowercased() + "\u{0}" + (link.hreflang ?? "").lowercased()
            if !container.alternates.insert(key).inserted {
                let detail = [link.type.map { "type \"\($0)\"" }, link.hreflang.map { "hreflang \"\($0)\"" }]
                    .compactMap { $0 }.joined(separator: " and ")
                session.report(.duplicateAlternateLink,
                               "a second alternate link with \(detail.isEmpty ? "no type and no hreflang" : "the same \(detail)") (\(section))",
                               at: position)
            }
        }
        switch parent {
        case .feed: note(&feed, section: "RFC 4287 §4.1.1")
        case .entry: note(&entry, section: "RFC 4287 §4.1.2")
        case .source: note(&source, section: "RFC 4287 §4.2.11")
        default: break
        }
    }

    func end(_ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession) {
        guard let role = Role(rawValue: frame.role) else { return }
        switch role {
        case .feed: endFeed(frame, session: session)
        case .entry: endEntry(frame, session: session)
        case .source: break
        case .author, .contributor:
            if !frame.childRoles.contains(Role.name.rawValue) {
                session.report(.missingElement, "\(frame.name.localName) has no <name> (RFC 4287 §3.2.1)", at: frame.position)
            }
        case .id:
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces()
            checkID(value, at: frame.position, session: session)
            if parentRole(session, levels: 1) == .entry { entry.id = value }
        case .updated, .published:
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces()
            if let instant = DateSyntax.rfc3339(value[...]) {
                session.checkNotFuture(instant, what: "\(frame.name.localName) \(value)", at: frame.position)
            } else {
                session.report(.invalidDate,
                               "\(frame.name.localName) \"\(session.abbreviate(value))\" is not an RFC 3339 date-time such as 2003-12-13T18:30:02Z (RFC 4287 §3.3)",
                               at: frame.position)
            }
            if role == .updated, parentRole(session, levels: 1) == .entry {
                entry.updated = value
            }
        case .title, .subtitle, .summary, .rights:
            endText(frame, role: role, text: text, session: session)
        case .content:
            endContent(frame, text: text, session: session)
        case .email:
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces()
            if !ValueSyntax.isAddrSpec(value[...]) {
                session.report(.invalidEmail, "email \"\(session.abbreviate(value))\" is not an e-mail address (RFC 4287 §3.2.3)", at: frame.position)
            }
        case .uri, .icon, .logo:
            let section = role == .uri ? "RFC 4287 §3.2.2" : role == .icon ? "RFC 4287 §4.2.5" : "RFC 4287 §4.2.8"
            session.checkURI(String(decoding: text, as: UTF8.self), what: frame.name.localName, section: section,
                             at: frame.position, hasBase: frame.hasBase)
        case .name, .link, .category, .generator:
            break
        }
    }

    private func checkID(_ value: String, at position: SourcePosition, session: ValidationSession) {
        switch ValueSyntax.iri(value) {
        case .absolute:
            break
        case .relative:
            session.report(.invalidID, value.isEmpty ? "id is empty; it must be an absolute IRI (RFC 4287 §4.2.6)"
                                                     : "id \"\(session.abbreviate(value))\" is not an absolute IRI (RFC 4287 §4.2.6)",
                           at: position)
        case .invalid(let why):
            session.report(.invalidID, "id \"\(session.abbreviate(value))\" is not an IRI: \(why) (RFC 4287 §4.2.6)", at: position)
        }
    }

    private func endText(_ frame: Frame, role: Role, text: ArraySlice<UInt8>, session: ValidationSession) {
        let what = frame.name.localName
        switch TextMode(rawValue: frame.mode) {
        case .html:
            session.checkHTMLText(text, what: what, section: "RFC 4287 §3.1.1.2", at: frame.position)
        case .xhtml:
            checkXHTMLWrapper(frame, text: text, session: session)
        default:
            session.checkPlainText(text, what: what, section: "RFC 4287 §3.1.1.1", at: frame.position)
        }
        let isEmpty = frame.childElements == 0 && text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard parentRole(session, levels: 1) == .entry else { return }
        if role == .title { entry.titleIsEmpty = isEmpty }
        if role == .summary, !isEmpty { entry.hasTextualContent = true }
    }

    private func checkXHTMLWrapper(_ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession) {
        guard frame.flags & Frame.reportedChildFlag == 0 else { return }
        let stray = text.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if frame.childElements == 0 {
            session.report(.missingXHTMLDiv, "xhtml \(frame.name.localName) has no xhtml:div wrapper (RFC 4287 §3.1.1.3)", at: frame.position)
        } else if stray {
            session.report(.missingXHTMLDiv, "xhtml \(frame.name.localName) has text outside its xhtml:div (RFC 4287 §3.1.1.3)", at: frame.position)
        }
    }

    private func endContent(_ frame: Frame, text: ArraySlice<UInt8>, session: ValidationSession) {
        let hasText = text.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if frame.flags & Frame.hasSourceFlag != 0 {
            if hasText || frame.childElements > 0 {
                session.report(.contentSrcNotEmpty, "content with a src attribute must be empty (RFC 4287 §4.1.3.2)", at: frame.position)
            }
            entry.hasTextualContent = true
            return
        }
        if hasText || frame.childElements > 0 { entry.hasTextualContent = true }
        switch TextMode(rawValue: frame.mode) {
        case .html:
            session.checkHTMLText(text, what: "content", section: "RFC 4287 §4.1.3.3", at: frame.position)
        case .xhtml:
            checkXHTMLWrapper(frame, text: text, session: session)
        case .base64:
            if !ValueSyntax.isBase64(text) {
                session.report(.invalidBase64, "content of type \(frame.attributeA ?? "") is not valid Base64 (RFC 4287 §4.1.3.3)", at: frame.position)
            }
        case .text:
            session.checkPlainText(text, what: "content", section: "RFC 4287 §4.1.3.3", at: frame.position)
        default:
            break
        }
    }

    private func endEntry(_ frame: Frame, session: ValidationSession) {
        let section = "RFC 4287 §4.1.2"
        for (role, tag) in [(Role.id, "id"), (.title, "title"), (.updated, "updated")] where !frame.childRoles.contains(role.rawValue) {
            session.report(.missingElement, "entry has no <\(tag)> (\(section))", at: frame.position)
        }
        if !entry.hasAuthor && !source.hasAuthor {
            if isEntryDocument {
                session.report(.missingAuthor, "entry has no <author>, and its source has none (\(section))", at: frame.position)
            } else {
                entriesWithoutAuthor.append((frame.position, session.currentPath))
            }
        }
        source = Container()
        if !entry.hasContent && !entry.hasAlternate {
            session.report(.missingContentOrAlternate, "entry has neither <content> nor a link with rel=\"alternate\" (\(section))", at: frame.position)
        }
        if entry.needsSummary && !entry.hasSummary {
            session.report(.missingSummary, "entry has no <summary>, which content with src or in Base64 requires (\(section))", at: frame.position)
        }
        if entry.titleIsEmpty && !entry.hasTextualContent && frame.childRoles.contains(Role.title.rawValue) {
            session.report(.emptyEntry, "entry has an empty title and no content or summary: readers show nothing (\(section))", at: frame.position)
        }
        if let id = entry.id, !id.isEmpty {
            let updated = entry.updated ?? ""
            if let earlier = entryIDs[id] {
                if earlier == updated {
                    session.report(.duplicateEntry, "entry repeats the id \(session.abbreviate(id)) with the same updated date (RFC 4287 §4.1.1)", at: frame.position)
                } else {
                    session.report(.duplicateID, "entry repeats the id \(session.abbreviate(id)); readers keep one of the two (RFC 4287 §4.2.6)", at: frame.position)
                }
            } else {
                entryIDs[id] = updated
            }
        }
    }

    private func endFeed(_ frame: Frame, session: ValidationSession) {
        let section = "RFC 4287 §4.1.1"
        for (role, tag) in [(Role.id, "id"), (.title, "title"), (.updated, "updated")] where !frame.childRoles.contains(role.rawValue) {
            session.report(.missingElement, "feed has no <\(tag)> (\(section))", at: frame.position)
        }
        if !feed.hasAuthor {
            for pending in entriesWithoutAuthor {
                session.report(.missingAuthor, "entry has no <author>, and neither its source nor the feed has one (RFC 4287 §4.1.2)",
                               at: pending.position, path: pending.path)
            }
        }
        entriesWithoutAuthor = []
        if !feed.hasSelf {
            session.report(.missingSelfLink, "feed has no link with rel=\"self\" giving its own address (\(section))", at: frame.position)
        }
    }

    func finish(session: ValidationSession) {}
}

