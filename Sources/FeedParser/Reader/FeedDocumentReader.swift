import FeedModel
import FeedXML

/// Turns the XML event stream of an RSS, RDF or Atom document into the model, in one pass.
///
/// Elements are matched by namespace URI and local name (see `Vocabulary`), and only where they
/// belong: a `title` inside an item's `image` is not the item's title. Each element's effect is
/// decided at its start (structure, attributes) or at its end (text). Entries are handed to
/// `onEntry` as each one ends, so memory does not grow with the feed's length; without `onEntry`
/// the reader keeps them itself, for a caller that wants the whole feed.
final class FeedDocumentReader: XMLEventHandler {
    /// What the children of an element are read as.
    enum Context: Equatable {
        case document, rssRoot, rdfRoot, feed, entry, source, person, image, ignored, field
        /// `media:group` and the like: children belong to the enclosing context.
        case transparent
    }

    struct Frame {
        var context: Context
        var tag: Tag
        var isAtom: Bool
        /// Index of the base URL in scope in `baseValues`, and of the language in `langValues`:
        /// frames share those values instead of each holding (and reference counting) its own.
        var baseIndex: Int32
        var langIndex: Int32
        /// This element set the base (or language) itself: it is removed with the element.
        var ownsBase = false
        var ownsLang = false
        /// Where the element starts: worked out for the root and for dates, which may need it.
        var position: SourcePosition?
        /// For person frames: contributor rather than author.
        var contributor = false
    }

    /// The field being captured: fields never nest (inside one, child elements are markup), so
    /// its text mode and the attributes it needs when it ends (category scheme, guid permalink
    /// flag, …) live here rather than in every frame, which keeps frames free of references
    /// and cheap to push and pop.
    @exclusivity(unchecked) private var fieldMode: TextMode = .text
    @exclusivity(unchecked) private var fieldAttributeA: String?
    @exclusivity(unchecked) private var fieldAttributeB: String?

    let options: FeedParserOptions
    let documentBaseURL: String?
    private let onEntry: ((consuming Entry) -> Void)?
    /// The finished entries when there is no `onEntry`. Appending here rather than through a
    /// closure moves each entry into place; the closure's thunk copied it, field by field.
    @exclusivity(unchecked) private var collectedEntries: [Entry] = []

    @exclusivity(unchecked) private(set) var format: FeedFormat?
    @exclusivity(unchecked) private(set) var rejection: FeedParseError?
    /// The parser feeding this reader (it owns the reader, hence weak).
    private weak var parser: XMLStreamParser?
    @exclusivity(unchecked) private(set) var diagnostics: [ParseDiagnostic] = []
    @exclusivity(unchecked) private(set) var wellFormed = true
    @exclusivity(unchecked) private(set) var entryCount = 0

    @exclusivity(unchecked) private var classes = ElementClassCache()
    @exclusivity(unchecked) private var capture = TextCapture()
    @exclusivity(unchecked) private var capturing = false
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The base URLs and languages in scope, shared by frames (see `Frame.baseIndex`).
    @exclusivity(unchecked) private var baseValues: [String?]
    @exclusivity(unchecked) private var langValues: [String?] = [nil]

    @inline(__always) private func base(_ frame: Frame) -> String? { baseValues[Int(frame.baseIndex)] }

    @exclusivity(unchecked) private var parsedBase = URLResolver.ParsedBase()

    private func resolveURL(_ reference: String, against base: String?) -> String {
        URLResolver.resolve(reference, against: base, reusing: &parsedBase)
    }
    private func resolveURL(utf8 reference: UnsafeBufferPointer<UInt8>, against base: String?) -> String {
        URLResolver.resolve(utf8: reference, against: base, reusing: &parsedBase)
    }
    @inline(__always) private func lang(_ frame: Frame) -> String? { langValues[Int(frame.langIndex)] }

    @exclusivity(unchecked) var feedMeta = MetadataBuilder()
    @exclusivity(unchecked) private var entryMeta = MetadataBuilder()
    @exclusivity(unchecked) private var sourceMeta = MetadataBuilder()
    @exclusivity(unchecked) private var inEntry = false
    @exclusivity(unchecked) private var inSource = false
    @exclusivity(unchecked) private var person = PersonBuilder()
    @exclusivity(unchecked) private var sawRoot = false

    /// True once the document's root element was read.
    var sawRootElement: Bool { sawRoot }
    @exclusivity(unchecked) private var rootLang: String?

    init(options: FeedParserOptions, baseURL: String?, onEntry: ((consuming Entry) -> Void)? = nil) {
        self.options = options
        self.documentBaseURL = baseURL
        self.baseValues = [baseURL]
        self.onEntry = onEntry
        // A reader serves one parse: room from the start saves regrowing these on every parse.
        frames.reserveCapacity(16)
        baseValues.reserveCapacity(4)
        langValues.reserveCapacity(4)
        // Entries: room for the usual length of a feed (10 from WordPress, 15 to 30 from most
        // other publishers); a longer one doubles from there.
        if onEntry == nil { collectedEntries.reserveCapacity(32) }
    }

    /// The entries collected so far (only without `onEntry`), leaving none behind: the caller
    /// gets the only reference, so changing them copies nothing.
    func takeEntries() -> [Entry] {
        collectedEntries.takeAll()
    }

    // MARK: XMLEventHandler

    func problem(_ problem: XMLProblem) {
        if problem.breaksWellFormedness { wellFormed = false }
        let code: String
        switch problem.kind {
        case .libxml2(let c): code = c == 4 ? "empty-document" : "xml-\(c)"
        case .undeclaredEntityResolved: code = "undeclared-entity"
        case .limitExceeded(let limit):
            code = "limit-exceeded"
            if rejection == nil { rejection = .limitExceeded(limit: limit.rawValue, message: problem.message, position: problem.position) }
        }
        if diagnostics.count < options.maxDiagnostics {
            diagnostics.append(ParseDiagnostic(severity: problem.level == .warning ? .warning : .error, code: code,
                                               message: problem.message, position: problem.position))
        }
    }

    /// Text outside any element the reader keeps; kept text goes to `textBuffer` directly.
    func characters(_ text: XMLCharacters) {}

    /// Where the XML layer puts the text of the element being captured.
    var textBuffer: XMLTextBuffer { capture.buffer }

    func startElement(_ name: XMLName, attributes: XMLAttributes, location: XMLLocation) {
        if rejection != nil { return }
        if capturing {
            if let top = frames.indices.last, frames[top].context == .person {
                // An Atom person: its children are fields, not markup.
                capturing = false
                capture.stop()
                person.hasChildElements = true
            } else {
                capture.startChild(name, attributes: attributes)
                return
            }
        }
        let cls = elementClass(name)
        let top = frames.indices.last
        var baseIndex = top.map { frames[$0].baseIndex } ?? 0
        var langIndex = top.map { frames[$0].langIndex } ?? 0
        var ownsBase = false, ownsLang = false
        if !attributes.isEmpty {
            let (xmlBase, xmlLang) = attributes.xmlBaseAndLanguage
            if let xmlBase {
                baseValues.append(resolveURL(xmlBase, against: baseValues[Int(baseIndex)]))
                baseIndex = Int32(baseValues.count - 1)
                ownsBase = true
            }
            if let xmlLang {
                langValues.append(Self.normaliseLanguage(xmlLang))
                langIndex = Int32(langValues.count - 1)
                ownsLang = true
            }
        }
        var frame = Frame(context: .ignored, tag: cls.tag, isAtom: cls.isAtom, baseIndex: baseIndex,
                          langIndex: langIndex, ownsBase: ownsBase, ownsLang: ownsLang,
                          position: top == nil || cls.tag.isDate ? location.position : nil)
        let context: Context
        if let top {
            context = frames[top].context == .transparent ? enclosingContext() : frames[top].context
        } else {
            context = .document
        }
        switch context {
        case .document:
            startRoot(name, cls, attributes, &frame)
        case .rssRoot, .rdfRoot:
            startInRoot(cls, attributes, &frame, rdf: context == .rdfRoot)
        case .feed, .entry, .source:
            startInMetadata(cls, attributes, &frame, context: context)
        case .person:
            switch cls.tag {
            case .name, .email, .uri, .url, .itunesName, .itunesEmail: beginField(&frame, mode: .text)
            default: frame.context = .ignored
            }
        case .image:
            if cls.tag == .url { beginField(&frame, mode: .text) } else { frame.context = .ignored }
        case .ignored, .field, .transparent:
            frame.context = .ignored
        }
        frames.append(frame)
    }

    func endElement(_ name: XMLName) {
        if capturing, capture.endChild(name) { return }
        // `removeLast` rather than `popLast`: an optional frame is destroyed through the generic
        // value witness, several times the cost, once per end tag.
        guard !frames.isEmpty else { return }
        let frame = frames.removeLast()
        defer {
            if frame.ownsBase { baseValues.removeLast() }
            if frame.ownsLang { langValues.removeLast() }
        }
        switch frame.context {
        case .field:
            capturing = false
            capture.stop()
            // A readable date, and a person's address, are taken from the bytes: no string is
            // built for the text itself.
            let readFromBytes = (frame.tag.isDate && endDateField(frame))
                || ((frame.tag == .uri || frame.tag == .url) && endPersonAddress(frame))
            if !readFromBytes { endField(frame, value: capture.trimmedString) }
            // Most fields have neither: checked, not assigned, which would release a nil each time.
            if fieldAttributeA != nil { fieldAttributeA = nil }
            if fieldAttributeB != nil { fieldAttributeB = nil }
        case .entry where frame.tag == .item || frame.tag == .entry:
            finishEntry(frame)
        case .source:
            inSource = false
            let source = sourceMeta.makeSource()
            if !source.isEmpty { entryMeta.source = source }
        case .person:
            if capturing {
                capturing = false
                capture.stop()
                if !person.hasChildElements { person.text = capture.string }
            }
            let p = person.take()
            if inSource {
                sourceMeta.addPerson(p, contributor: frame.contributor)
            } else if inEntry {
                entryMeta.addPerson(p, contributor: frame.contributor)
            } else {
                feedMeta.addPerson(p, contributor: frame.contributor)
            }
        default:
            break
        }
    }

    // MARK: Structure

    /// Ties the reader to the parser that feeds it. The reader uses the class cache kept with the
    /// parser's name table, whose ids it will see (a parser that reuses a pooled table brings the
    /// classes its earlier documents worked out), and stops the parser when the document turns
    /// out not to be a feed.
    func attach(to parser: XMLStreamParser) {
        if let kept = parser.nameTableAttachment as? ElementClassCache {
            classes = kept
        } else {
            parser.nameTableAttachment = classes
        }
        self.parser = parser
    }

    @inline(__always) private func elementClass(_ name: XMLName) -> ElementClass {
        classes.classify(name)
    }

    private func enclosingContext() -> Context {
        var i = frames.count - 1
        while i >= 0 {
            if frames[i].context != .transparent { return frames[i].context }
            i -= 1
        }
        return .document
    }

    private func startRoot(_ name: XMLName, _ cls: ElementClass, _ attributes: XMLAttributes, _ frame: inout Frame) {
        sawRoot = true
        rootLang = lang(frame)
        switch cls.tag {
        case .rss where cls.vocabulary == .core:
            format = Self.rssFormat(version: attributes.value(of: "version"))
            frame.context = .rssRoot
        case .rdf:
            format = cls.flavour == .rss090 ? .rss090 : .rss10
            frame.context = .rdfRoot
        case .feed where cls.vocabulary == .core:
            if cls.flavour == .atom03 || (cls.flavour != .atom10 && attributes.value(of: "version") == "0.3") {
                format = .atom03
            } else {
                format = .atom10
            }
            frame.context = .feed
            frame.isAtom = true
            feedMeta.language = lang(frame)
        case .channel where cls.vocabulary == .core:
            format = .rss
            frame.context = .feed
        default:
            rejection = .notAFeed(reason: Self.describeRoot(name), position: frame.position)
            parser?.stop()
        }
    }

    private func startInRoot(_ cls: ElementClass, _ attributes: XMLAttributes, _ frame: inout Frame, rdf: Bool) {
        guard cls.vocabulary == .core else { frame.context = .ignored; return }
        switch cls.tag {
        case .channel:
            if rdf, cls.flavour == .rss090 { format = .rss090 }
            frame.context = .feed
            if rdf, let about = attributes.value(of: "about", namespace: Vocabulary.rdfNamespace) {
                setOnce(&feedMeta.id, about)
            }
        case .item, .entry:
            beginEntry(&frame)
            // RSS 1.0 names each item by its rdf:about; it is the entry's id unless one is given.
            if rdf, let about = attributes.value(of: "about", namespace: Vocabulary.rdfNamespace) {
                entryMeta.id = about
            }
        case .image:
            frame.context = .image
        default:
            frame.context = .ignored
        }
    }

    private func beginEntry(_ frame: inout Frame) {
        frame.context = .entry
        // `entryMeta` is empty already: it starts empty, only an entry writes to it, and
        // taking the entry at its end empties it.
        inEntry = true
    }

    private func finishEntry(_ frame: Frame) {
        inEntry = false
        let inheritsAuthors = format?.isAtom == true || frame.isAtom
        entryCount += 1
        // Handed over as a temporary, so the entry moves into place.
        let language = lang(frame)
        let authors = inheritsAuthors ? feedMeta.authors : nil
        if let onEntry {
            onEntry(entryMeta.takeEntry(language: language, authors: authors))
        } else {
            collectedEntries.append(entryMeta.takeEntry(language: language, authors: authors))
        }
    }

    /// Runs `body` on the metadata that elements in `context` describe.
    private func withMeta<R>(_ context: Context, _ body: (inout MetadataBuilder) -> R) -> R {
        switch context {
        case .entry: return body(&entryMeta)
        case .source: return body(&sourceMeta)
        default: return body(&feedMeta)
        }
    }

    /// Reads like Atom: in an Atom namespace, or no namespace inside an Atom feed.
    private func atomLike(_ cls: ElementClass) -> Bool {
        cls.isAtom || (cls.flavour == .none && format?.isAtom == true)
    }

    private func startInMetadata(_ cls: ElementClass, _ attributes: XMLAttributes, _ frame: inout Frame,
                                 context: Context) {
        withMeta(context) { m in startInMetadata(cls, attributes, &frame, context: context, meta: &m) }
    }

    private func startInMetadata(_ cls: ElementClass, _ attributes: XMLAttributes, _ frame: inout Frame,
                                 context: Context, meta m: inout MetadataBuilder) {
        switch (cls.vocabulary, cls.tag) {
        case (.core, .item), (.core, .entry):
            if context == .feed { beginEntry(&frame) } else { frame.context = .ignored }
        case (.core, .source):
            if context == .entry, atomLike(cls) {
                frame.context = .source
                sourceMeta = MetadataBuilder()
                inSource = true
            } else if context == .entry {
                fieldAttributeA = attributes.value(of: "url")
                beginField(&frame, mode: .text)
            } else {
                frame.context = .ignored
            }
        case (.core, .image):
            frame.context = context == .feed ? .image : .ignored
        case (.core, .textInput), (.core, .cloud), (.core, .skipDays), (.core, .skipHours), (.core, .items),
             (.core, .info):
            frame.context = .ignored
        case (.core, .author), (.core, .contributor):
            frame.context = .person
            frame.contributor = cls.tag == .contributor
            person = PersonBuilder()
            // An RSS author is one line of text; an Atom person has child elements.
            capturing = true
            capture.begin(mode: .text)
        case (.core, .link):
            if let link = makeLink(attributes, base: base(frame)) {
                m.addLink(link)
                frame.context = .ignored
            } else {
                // RSS's text link, or an Atom link that wrongly carries its address as text
                fieldAttributeA = attributes.value(of: "rel")
                fieldAttributeB = attributes.value(of: "type")
                beginField(&frame, mode: .text)
            }
        case (.core, .enclosure):
            if let url = attributes.value(of: "url") ?? attributes.value(of: "href") {
                let length = attributes.value(of: "length").flatMap { Int($0.trimmingWhitespace()) }
                let link = Link(href: resolveURL(url, against: base(frame)), rel: "enclosure",
                                type: attributes.value(of: "type").nonEmpty, length: length)
                m.addLink(link)
            }
            frame.context = .ignored
        case (.core, .category):
            // The three attributes found in one pass: a feed has several categories per entry.
            var term: XMLAttribute?, scheme: XMLAttribute?, label: XMLAttribute?
            for i in 0..<attributes.count {
                guard let attribute = attributes.unqualified(i) else { continue }
                switch attribute.leadByte {
                case UInt8(ascii: "t"): if term == nil, attribute.isNamed("term") { term = attribute }
                case UInt8(ascii: "s"): if scheme == nil, attribute.isNamed("scheme") { scheme = attribute }
                case UInt8(ascii: "l"): if label == nil, attribute.isNamed("label") { label = attribute }
                default: break
                }
            }
            if let term {
                let schemeValue: String? = scheme?.value, labelValue: String? = label?.value
                m.addCategory(Category(term: term.value, scheme: schemeValue.nonEmpty, label: labelValue.nonEmpty))
                frame.context = .ignored
            } else {
                fieldAttributeA = attributes.value(of: "domain")
                beginField(&frame, mode: .text)
            }
        case (.core, .generator):
            fieldAttributeA = attributes.value(of: "uri") ?? attributes.value(of: "url")
            fieldAttributeB = attributes.value(of: "version")
            beginField(&frame, mode: .text)
        case (.core, .guid):
            fieldAttributeA = attributes.value(of: "isPermaLink")
            beginField(&frame, mode: .text)
        case (.core, .content):
            if atomLike(cls) || attributes.contains("type") {
                if let src = attributes.value(of: "src") {
                    fieldAttributeA = resolveURL(src, against: base(frame))
                }
                fieldAttributeB = attributes.value(of: "type")
                beginField(&frame, mode: atomTextMode(attributes, isContent: true, cls: cls))
            } else {
                beginField(&frame, mode: .html)
            }
        case (.core, .description), (.core, .fullitem), (.dublinCore, .dcDescription), (.content, .contentEncoded):
            beginField(&frame, mode: .html)
        case (.xhtml, .xhtmlBody), (.core, .body):
            beginField(&frame, mode: .xhtml(stripWrapper: false))
        case (.core, .title), (.core, .copyright), (.core, .rights), (.core, .summary), (.core, .subtitle),
             (.core, .tagline):
            if atomLike(cls) || attributes.contains("type") {
                beginField(&frame, mode: atomTextMode(attributes, isContent: false, cls: cls))
            } else {
                beginField(&frame, mode: .textOrHTML)
            }
        case (.dublinCore, .dcTitle), (.dublinCore, .dcRights),
             (.dublinCoreTerms, .dctermsRights), (.itunes, .itunesSubtitle), (.itunes, .itunesSummary):
            beginField(&frame, mode: .textOrHTML)
        case (.media, .mediaTitle), (.media, .mediaDescription):
            let type = attributes.value(of: "type")
            beginField(&frame, mode: type == "html" ? .html : .textOrHTML)
        case (.media, .mediaCategory):
            fieldAttributeA = attributes.value(of: "scheme")
            fieldAttributeB = attributes.value(of: "label")
            beginField(&frame, mode: .text)
        case (.media, .mediaGroup):
            frame.context = .transparent
        case (.itunes, .itunesCategory):
            if let text = attributes.value(of: "text"), !text.isEmpty {
                m.addCategory(Category(term: text, scheme: "http://www.itunes.com/"))
            }
            frame.context = .transparent
        case (.itunes, .itunesImage):
            if let href = attributes.value(of: "href") ?? attributes.value(of: "url") {
                setOnce(&m.itunesImage, resolveURL(href, against: base(frame)))
            }
            frame.context = .ignored
        case (.itunes, .itunesAuthor), (.dublinCore, .dcCreator), (.core, .managingEditor),
             (.dublinCore, .dcContributor):
            beginField(&frame, mode: .text)
        case (.creativeCommons, .ccLicense), (.core, .license):
            if let resource = attributes.value(of: "resource", namespace: Vocabulary.rdfNamespace) {
                m.addLink(Link(href: resolveURL(resource, against: base(frame)), rel: "license"))
                frame.context = .ignored
            } else {
                beginField(&frame, mode: .text)
            }
        case (.core, .id), (.core, .updated), (.core, .published), (.core, .issued), (.core, .modified),
             (.core, .pubDate), (.core, .lastBuildDate), (.core, .language), (.core, .ttl), (.core, .icon),
             (.core, .logo), (.core, .comments), (.core, .name), (.core, .email), (.core, .uri),
             (.dublinCore, .dcDate), (.dublinCore, .dcSubject), (.dublinCore, .dcLanguage),
             (.dublinCoreTerms, .dctermsIssued), (.dublinCoreTerms, .dctermsModified),
             (.dublinCoreTerms, .dctermsCreated), (.dublinCoreTerms, .dcDate), (.dublinCoreTerms, .dcSubject),
             (.dublinCoreTerms, .dcLanguage), (.dublinCoreTerms, .dcCreator), (.dublinCoreTerms, .dcTitle),
             (.dublinCoreTerms, .dcContributor), (.dublinCoreTerms, .dcDescription),
             (.itunes, .itunesKeywords), (.core, .tags):
            beginField(&frame, mode: .text)
        default:
            frame.context = .ignored
        }
    }

    private func beginField(_ frame: inout Frame, mode: TextMode) {
        frame.context = .field
        fieldMode = mode
        capturing = true
        capture.begin(mode: mode)
    }

    /// The text mode of an Atom text construct or content element from `type` (and 0.3's `mode`).
    private func atomTextMode(_ attributes: XMLAttributes, isContent: Bool, cls: ElementClass) -> TextMode {
        // The common case, no `mode` and one of the three types, is read from the bytes, both
        // attributes found in one pass.
        var typeAttribute: XMLAttribute?
        var hasMode = false
        for i in 0..<attributes.count {
            guard let attribute = attributes.unqualified(i) else { continue }
            if attribute.isNamed("type") {
                if typeAttribute == nil { typeAttribute = attribute }
            } else if attribute.isNamed("mode") {
                hasMode = true
            }
        }
        if !hasMode {
            let shape: TextConstructType? = if let typeAttribute {
                typeAttribute.plainValueBytes.flatMap { Self.textConstructType($0) }
            } else {
                .text
            }
            switch shape {
            case .text: return .text
            case .html: return .html
            case .xhtml: return .xhtml(stripWrapper: true)
            case nil: break
            }
        }
        let type = (attributes.value(of: "type") ?? "").trimmingWhitespace().lowercased()
        let mode = attributes.value(of: "mode")?.lowercased()
        let atom03 = cls.flavour == .atom03 || format == .atom03
        if mode == "base64" { return .base64(mime: type.isEmpty ? "text/plain" : type) }
        switch type {
        case "", "text", "text/plain":
            return atom03 && mode == "xml" ? .xhtml(stripWrapper: false) : .text
        case "html", "text/html":
            return atom03 && mode == "xml" ? .xhtml(stripWrapper: false) : .html
        case "xhtml":
            return .xhtml(stripWrapper: true)
        case "application/xhtml+xml":
            if atom03 { return mode == "escaped" ? .html : .xhtml(stripWrapper: false) }
            return .xhtml(stripWrapper: true)
        default:
            if atom03 && mode == "escaped" { return .other(mime: type) }
            if type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml") {
                return .other(mime: type)
            }
            return .base64(mime: type)
        }
    }

    private enum TextConstructType { case text, html, xhtml }

    /// The type a text construct's `type` names when it is `text`, `html` or `xhtml` (in any
    /// case, with ASCII space around it) or absent (text); nil for anything else, which the full
    /// reading handles.
    private static func textConstructType(_ value: UnsafeBufferPointer<UInt8>?) -> TextConstructType? {
        guard let value else { return .text }
        var first = 0, last = value.count
        while first < last, ASCIIByte.isWhitespace(value[first]) { first += 1 }
        while last > first, ASCIIByte.isWhitespace(value[last - 1]) { last -= 1 }
        // Constants for the nested function: captured variables would be boxed and checked.
        let start = first, end = last
        func matches(_ name: StaticString) -> Bool {
            guard name.utf8CodeUnitCount == end - start else { return false }
            return name.withUTF8Buffer { expected in
                (0..<expected.count).allSatisfy { ASCIIByte.lowercased(value[start + $0]) == expected[$0] }
            }
        }
        if start == end || matches("text") { return .text }
        if matches("html") { return .html }
        if matches("xhtml") { return .xhtml }
        return nil
    }

    // MARK: Field values

    private func endField(_ frame: Frame, value raw: consuming String) {
        let parentContext = enclosingContext()
        if parentContext == .person || frame.context == .person {
            endPersonField(frame, value: raw)
            return
        }
        if parentContext == .image {
            if frame.tag == .url, !inEntry {
                setOnce(&feedMeta.imageURL, resolveURL(raw.trimmingWhitespace(), against: base(frame)))
            }
            return
        }
        let value = raw
        withMeta(parentContext) { m in endField(frame, value: value, context: parentContext, meta: &m) }
    }

    private func endField(_ frame: Frame, value: consuming String, context parentContext: Context,
                          meta m: inout MetadataBuilder) {
        switch frame.tag {
        case .title:
            setOnce(&m.title, makeText(frame, value))
        case .dcTitle:
            setOnce(&m.dcTitle, makeText(frame, value))
        case .mediaTitle:
            setOnce(&m.mediaTitle, makeText(frame, value))
        case .subtitle, .tagline:
            setOnce(&m.subtitle, makeText(frame, value))
        case .description:
            if parentContext == .entry {
                setOnce(&m.summary, makeText(frame, value))
            } else {
                setOnce(&m.subtitle, makeText(frame, value))
            }
        case .dcDescription:
            setOnce(&m.dcDescription, makeText(frame, value))
        case .mediaDescription:
            setOnce(&m.mediaDescription, makeText(frame, value))
        case .summary:
            setOnce(&m.summary, makeText(frame, value))
        case .itunesSummary:
            setOnce(&m.itunesSummary, makeText(frame, value))
        case .itunesSubtitle:
            setOnce(&m.itunesSubtitle, makeText(frame, value))
        case .rights, .copyright, .dcRights, .dctermsRights:
            setOnce(&m.rights, makeText(frame, value))
        case .content:
            if let content = makeContent(frame, value) {
                m.offerContent(content, rank: 4)
            }
        case .contentEncoded:
            if let text = makeText(frame, value) { m.offerContent(Content(text), rank: 3) }
        case .xhtmlBody, .body:
            if let text = makeText(frame, value) { m.offerContent(Content(text), rank: 2) }
        case .fullitem:
            if let text = makeText(frame, value) { m.offerContent(Content(text), rank: 1) }
        case .id:
            if !value.isEmpty { setOnce(&m.id, value) }
        case .guid:
            if !value.isEmpty, m.guid == nil {
                m.guid = value
                m.guidBase = base(frame)
                let permaLink = fieldAttributeA?.trimmingWhitespace().lowercased() != "false"
                m.guidIsPermaLink = permaLink
            }
        case .link:
            if !value.isEmpty {
                let rel = fieldAttributeA.nonEmpty ?? "alternate"
                m.addLink(Link(href: resolveURL(value, against: base(frame)), rel: rel,
                               type: fieldAttributeB.nonEmpty))
                if rel == "alternate" { m.hasAlternateFromRSSLink = true }
            }
        case .comments:
            if !value.isEmpty {
                m.addLink(Link(href: resolveURL(value, against: base(frame)), rel: "replies"))
            }
        case .updated, .modified, .published, .issued, .pubDate, .lastBuildDate, .dcDate, .dctermsIssued,
             .dctermsCreated, .dctermsModified:
            if let stamp = date(value, frame) { Self.setDate(stamp, of: frame.tag, in: &m) }
        case .language, .dcLanguage:
            if !value.isEmpty {
                setOnce(&m.language, value)
                // Like xml:lang, an RSS channel's language applies to the text that follows it.
                if parentContext == .feed, let i = frames.lastIndex(where: { $0.context == .feed }),
                   langValues[Int(frames[i].langIndex)] == nil, i == frames.count - 1, !frames[i].ownsLang {
                    langValues.append(Self.normaliseLanguage(value))
                    frames[i].langIndex = Int32(langValues.count - 1)
                    frames[i].ownsLang = true
                }
            }
        case .ttl:
            if let minutes = Int(value) { setOnce(&m.ttl, minutes) }
        case .icon:
            if !value.isEmpty { setOnce(&m.icon, resolveURL(value, against: base(frame))) }
        case .logo:
            if !value.isEmpty { setOnce(&m.logo, resolveURL(value, against: base(frame))) }
        case .generator:
            if !value.isEmpty || fieldAttributeA != nil {
                let uri = fieldAttributeA.map { resolveURL($0, against: base(frame)) }
                setOnce(&m.generator, Generator(name: value, uri: uri, version: fieldAttributeB.nonEmpty))
            }
        case .category:
            m.addCategory(Category(term: value, scheme: fieldAttributeA.nonEmpty))
        case .dcSubject:
            m.addCategory(Category(term: value))
        case .tags:
            for tag in value.split(separator: ",") {
                let term = String(tag).trimmingWhitespace()
                if !term.isEmpty { m.addCategory(Category(term: term)) }
            }
        case .mediaCategory:
            m.addCategory(Category(term: value,
                                                     scheme: fieldAttributeA.nonEmpty ?? "http://search.yahoo.com/mrss/category_schema",
                                                     label: fieldAttributeB.nonEmpty))
        case .itunesKeywords:
            for keyword in value.split(separator: ",") {
                let term = String(keyword).trimmingWhitespace()
                if !term.isEmpty { m.addCategory(Category(term: term, scheme: "http://www.itunes.com/")) }
            }
        case .managingEditor, .dcCreator, .itunesAuthor, .author:
            m.addPerson(PersonBuilder.parse(value), contributor: false)
        case .dcContributor, .contributor:
            m.addPerson(PersonBuilder.parse(value), contributor: true)
        case .source:
            if let source = rssSource(frame, title: value) { m.source = source }
        case .ccLicense, .license:
            if !value.isEmpty {
                m.addLink(Link(href: resolveURL(value, against: base(frame)), rel: "license"))
            }
        default:
            break
        }
    }

    /// Records a date field read straight from the captured bytes. False when it is not one the
    /// metadata keeps here, or not readable: the string path then handles it (and reports it).
    private func endDateField(_ frame: Frame) -> Bool {
        let context = enclosingContext()
        guard context == .feed || context == .entry || context == .source,
              let stamp = capture.buffer.withBytes(FeedDateParser.parse(utf8:)) else { return false }
        return withMeta(context) { m in Self.setDate(stamp, of: frame.tag, in: &m) }
    }

    /// Puts a date where the element that gave it belongs (`MetadataBuilder` applies the
    /// precedence later); a later element of the same kind replaces an earlier one. False for
    /// a tag that is no such date.
    @discardableResult
    private static func setDate(_ stamp: Timestamp, of tag: Tag, in m: inout MetadataBuilder) -> Bool {
        switch tag {
        case .updated, .modified: m.atomUpdated = stamp
        case .published, .issued: m.atomPublished = stamp
        case .pubDate: m.pubDate = stamp
        case .lastBuildDate: m.lastBuildDate = stamp
        case .dcDate: m.dcDate = stamp
        case .dctermsIssued, .dctermsCreated: m.dctermsIssued = stamp
        case .dctermsModified: m.dctermsModified = stamp
        default: return false
        }
        return true
    }

    /// An RSS `source`: its title and the address of the feed it came from. Kept out of
    /// `endField`, where the optimizer destroyed a `Source?` on every field.
    @inline(never)
    private func rssSource(_ frame: Frame, title: String) -> Source? {
        var source = Source(title: title.isEmpty ? nil : Text(title, lang: lang(frame)))
        if let url = fieldAttributeA?.trimmingWhitespace(), !url.isEmpty {
            source.links = [Link(href: resolveURL(url, against: base(frame)), rel: "self")]
        }
        return source.isEmpty ? nil : source
    }

    /// A person's `uri` resolved straight from the captured bytes: a relative address would
    /// otherwise become a string of its own first. False when the field is no person's address,
    /// or its text needs the general path (a double-encoding repair; white space at an end
    /// that is not ASCII, which `trimmingWhitespace` removes and the resolver would not).
    private func endPersonAddress(_ frame: Frame) -> Bool {
        guard enclosingContext() == .person, !capture.buffer.sawLatinReference else { return false }
        // The first address wins: a later one changes nothing.
        if person.uri != nil { return true }
        return capture.buffer.withTrimmedBytes { bytes in
            guard let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 else { return false }
            person.uri = resolveURL(utf8: bytes, against: base(frame))
            return true
        }
    }

    private func endPersonField(_ frame: Frame, value raw: consuming String) {
        let value = raw.trimmingWhitespace()
        switch frame.tag {
        case .name, .itunesName: person.name = person.name ?? value.nonEmpty
        case .email, .itunesEmail: person.email = person.email ?? value.nonEmpty
        case .uri, .url:
            if !value.isEmpty { person.uri = person.uri ?? resolveURL(value, against: base(frame)) }
        default: break
        }
    }

    private func date(_ value: String, _ frame: Frame) -> Timestamp? {
        guard !value.isEmpty else { return nil }
        if let t = FeedDateParser.parse(value) { return t }
        if diagnostics.count < options.maxDiagnostics {
            diagnostics.append(ParseDiagnostic(severity: .warning, code: "unreadable-date",
                                               message: "date '\(value.prefix(60))' could not be read; left out",
                                               position: frame.position))
        }
        return nil
    }

    /// The link a `link` element with an `href` describes; nil without one. The attributes are
    /// looked at in one pass, the address is resolved straight from its bytes, and the usual
    /// `rel` and `type` values are shared strings: a feed has a link or two in every entry.
    private func makeLink(_ attributes: XMLAttributes, base: String?) -> Link? {
        var href: XMLAttribute?, rel: XMLAttribute?, type: XMLAttribute?
        var hreflang: XMLAttribute?, title: XMLAttribute?, length: XMLAttribute?
        for i in 0..<attributes.count {
            guard let attribute = attributes.unqualified(i) else { continue }
            // The first of a repeated attribute counts, as with `value(of:)`.
            switch attribute.leadByte {
            case UInt8(ascii: "h"):
                if attribute.isNamed("href") {
                    if href == nil { href = attribute }
                } else if hreflang == nil, attribute.isNamed("hreflang") {
                    hreflang = attribute
                }
            case UInt8(ascii: "r"):
                if rel == nil, attribute.isNamed("rel") { rel = attribute }
            case UInt8(ascii: "t"):
                if attribute.isNamed("type") {
                    if type == nil { type = attribute }
                } else if title == nil, attribute.isNamed("title") {
                    title = attribute
                }
            case UInt8(ascii: "l"):
                if length == nil, attribute.isNamed("length") { length = attribute }
            default:
                break
            }
        }
        guard let href else { return nil }
        let address = href.plainValueBytes.map { resolveURL(utf8: $0, against: base) } ?? resolveURL(href.value, against: base)
        let relation = rel?.value(preferring: Self.commonRelations).trimmingWhitespace()
        let mediaType: String? = type?.value(preferring: Self.commonMediaTypes)
        let language: String? = hreflang?.value
        let linkTitle: String? = title?.value
        return Link(href: address,
                    rel: (relation?.isEmpty ?? true) ? "alternate" : relation ?? "alternate",
                    type: mediaType.nonEmpty,
                    hreflang: language.nonEmpty,
                    title: linkTitle.nonEmpty,
                    length: length.flatMap { Int($0.value.trimmingWhitespace()) })
    }

    private static let commonRelations = CommonAttributeValues([
        "alternate", "self", "related", "enclosure", "replies", "via", "hub", "license", "edit",
        "next", "previous", "first", "last", "payment", "search",
    ])
    private static let commonMediaTypes = CommonAttributeValues([
        "text/html", "application/atom+xml", "application/rss+xml", "application/xhtml+xml",
        "image/jpeg", "image/png", "image/gif", "image/webp", "audio/mpeg", "audio/mp4", "video/mp4",
        "application/pdf", "application/json", "application/feed+json",
    ])

    /// The Text of a finished field, sanitized when asked.
    private func makeText(_ frame: Frame, _ value: consuming String) -> Text? {
        let kind: Text.Kind
        var value = value
        switch fieldMode {
        case .text:
            kind = capture.sawMarkup ? .html : .text
        case .textOrHTML:
            kind = capture.sawMarkup || MarkupEscaping.looksLikeHTML(value) ? .html : .text
        case .html:
            kind = .html
        case .xhtml:
            kind = .xhtml
        case .base64(let mime):
            value = Base64.decodeText(value) ?? value
            kind = mime.contains("html") ? .html : .text
        case .other(let mime):
            kind = mime.contains("html") ? .html : .text
        }
        if options.sanitize, kind != .text {
            value = kind == .xhtml ? HTMLSanitizer.sanitizeXHTML(value, baseURL: base(frame))
                                   : HTMLSanitizer.sanitize(value, baseURL: base(frame))
        }
        return Text(value, type: kind, lang: lang(frame))
    }

    private func makeContent(_ frame: Frame, _ value: consuming String) -> Content? {
        let src = fieldAttributeA
        switch fieldMode {
        case .base64(let mime) where !(mime.hasPrefix("text/") || mime == "html" || mime == "text"):
            // Decoded when it turns out to be text; binary content stays in base64.
            if let decoded = Base64.decodeText(value) {
                return Content(decoded, type: mime, src: src, lang: lang(frame))
            }
            return Content(value, type: mime, src: src, lang: lang(frame))
        case .other(let mime):
            var content = Content(value, type: mime, src: src, lang: lang(frame))
            if options.sanitize, mime.contains("html") || mime.hasSuffix("xml") {
                content.value = HTMLSanitizer.sanitize(content.value, baseURL: base(frame))
            }
            return content
        default:
            guard let text = makeText(frame, value) else { return nil }
            var type = text.type.rawValue
            if src != nil, let declared = fieldAttributeB?.trimmingWhitespace(), !declared.isEmpty,
               !["text", "html", "xhtml"].contains(declared) {
                type = declared
            }
            return Content(text.value, type: type, src: src, lang: text.lang)
        }
    }

    // MARK: Names

    static func rssFormat(version: String?) -> FeedFormat {
        switch version?.trimmingWhitespace() {
        case nil, "": return .rss
        case "0.90": return .rss090
        case "0.91": return .rss091
        case "0.92": return .rss092
        case "0.93": return .rss093
        case "0.94": return .rss094
        case let v? where v.hasPrefix("2"): return .rss20
        default: return .rss
        }
    }

    /// `en_US` is written `en-US`; an empty `xml:lang` means "no language".
    static func normaliseLanguage(_ value: String) -> String? {
        let v = value.trimmingWhitespace()
        if v.isEmpty { return nil }
        return v.utf8.contains(UInt8(ascii: "_")) ? v.replacingOccurrences(of: "_", with: "-") : v
    }

    private static func describeRoot(_ name: XMLName) -> String {
        let lower = name.localName.lowercased()
        if lower == "html" || name.namespace == XHTMLNames.namespace {
            return "this is an HTML page, not a feed"
        }
        if lower == "opml" { return "this is an OPML outline, not a feed" }
        return "the root element <\(name.qualifiedName)> is not a feed (expected <rss>, <rdf:RDF> or <feed>)"
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or blank strings.
    var nonEmpty: String? {
        guard let s = self?.trimmingWhitespace(), !s.isEmpty else { return nil }
        return s
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    /// The string without leading and trailing white space (Unicode white space and newlines).
    consuming func trimmingWhitespace() -> String {
        // Fast path: most values start and end with a visible ASCII character. Read through
        // contiguous storage: the UTF-8 view's `last` costs a hundred instructions or more, and
        // `withUTF8` needs a mutable copy (a retain and a release).
        // A character that is not ASCII can be white space only if its lead byte is C2 (U+0085,
        // U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or E3 (U+3000): text in most scripts starts
        // and ends with none of those, and is returned without looking up Unicode properties.
        let untouched = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, var lastLead = bytes.last else { return true }
            var i = bytes.count - 1
            while lastLead & 0xC0 == 0x80, i > 0 {
                i -= 1
                lastLead = bytes[i]
            }
            return Self.cannotLeadWhitespace(first) && Self.cannotLeadWhitespace(lastLead)
        } ?? false
        if untouched { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// True when a character whose UTF-8 starts with `byte` is certainly not white space.
    private static func cannotLeadWhitespace(_ byte: UInt8) -> Bool {
        byte < 0x80 ? byte > 0x20 : !(byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3))
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
