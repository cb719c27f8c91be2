import CLibXML2

/// A streaming, namespace-aware XML reader over libxml2's SAX2 push parser: bytes go in, in pieces
/// of any size, and events come out to an `XMLEventHandler`. It builds no tree.
///
/// Safety: libxml2 runs with `XML_PARSE_NONET` and without entity substitution, DTD loading or
/// the default SAX handlers, so no external entity or DTD is ever read (XXE) and entity bombs
/// are refused; on top of that this type bounds input size, nesting depth and entity
/// amplification (`XMLParseLimits`). Recovery: libxml2's recover mode keeps going after errors;
/// each error reaches the handler as an `XMLProblem` with its line and column, elements left open
/// are closed at the end, and undeclared HTML entities (`&nbsp;`, `&eacute;`) are resolved from
/// the HTML 4 table and reported.
///
/// Contexts for UTF-8 input come from `ParserContextPool` and go back to it when a parse ends
/// normally, with the name table that matches their dictionary.
///
/// Not `Sendable`: one parser belongs to one task, which may carry it across `await`s.
public final class XMLStreamParser {
    private let state: XMLParserState
    private let ctxt: xmlParserCtxtPtr
    private let names: XMLNameTable
    private let initialOptions: Int32
    /// Also whether the context goes back to the pool: only UTF-8 parses take one from it.
    private let inputIsUTF8: Bool
    private var finishedNormally = false
    /// True once libxml2 was told the input ended (see `finish(last:)`).
    private var terminated = false
    /// Chunk size handed to libxml2: its push parser copies each chunk into its own buffer, so
    /// bounded chunks keep that copy small; 64 KiB measured fastest.
    private static let chunkSize = 64 * 1024
    /// The most `finish(last:)` hands libxml2 in one call, and the largest document
    /// `finish(last:from:)` lets it read in place. Well below the 10 MB libxml2 2.9 accepts in
    /// one piece without `XML_PARSE_HUGE`; the copy it makes is bounded by it too.
    public static let wholeDocumentLimit = 4 << 20

    /// - Parameters:
    ///   - handler: receives the events; kept alive by the parser.
    ///   - limits: size, depth and amplification bounds.
    ///   - documentName: the name libxml2 puts in its messages.
    ///   - inputIsUTF8: true when the bytes fed are UTF-8 whatever the XML declaration says (the
    ///     caller transcoded them); libxml2 then ignores the declared encoding.
    ///   - textBuffer: where character data goes while the buffer is collecting, instead of the
    ///     handler's `characters` (see `XMLTextBuffer`).
    public init(handler: XMLEventHandler, limits: XMLParseLimits = XMLParseLimits(),
                documentName: String = "feed.xml", inputIsUTF8: Bool = true, textBuffer: XMLTextBuffer? = nil) {
        // Contexts are pooled only for UTF-8 input, the case every parse of a feed ends up in.
        let reused = inputIsUTF8 ? ParserContextPool.shared.take(documentName: documentName) : nil
        names = reused?.names ?? XMLNameTable()
        let state = XMLParserState(handler: handler, limits: limits, names: names, textBuffer: textBuffer)
        self.state = state
        let userData = Unmanaged.passUnretained(state).toOpaque()
        if let reused {
            ctxt = reused.ctxt
            ctxt.pointee.userData = userData
            initialOptions = reused.initialOptions
        } else {
            var sax = xmlSAXHandler()
            sax.initialized = UInt32(XML_SAX2_MAGIC)
            sax.startElementNs = XMLCallbacks.startElement
            sax.endElementNs = XMLCallbacks.endElement
            sax.characters = XMLCallbacks.characters
            sax.cdataBlock = XMLCallbacks.cdataBlock
            // The same function for white space between elements: libxml2 then hands it over
            // without first checking whether it could be ignorable (it never is here).
            sax.ignorableWhitespace = XMLCallbacks.characters
            sax.getEntity = XMLCallbacks.getEntity
            sax.entityDecl = XMLCallbacks.entityDeclaration
            sax.serror = XMLCallbacks.structuredError
            sax.warning = nil
            sax.error = nil
            sax.fatalError = nil
            // libxml2 copies the handler struct, so a local is enough.
            let context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, documentName)
            // Creation fails only when memory runs out; there is nothing to recover then.
            guard let context else { fatalError("libxml2 could not allocate a parser context") }
            ctxt = context
            initialOptions = context.pointee.options
        }
        self.inputIsUTF8 = inputIsUTF8
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOWARNING.rawValue
        if inputIsUTF8 { options |= XML_PARSE_IGNORE_ENC.rawValue }
        xmlCtxtUseOptions(ctxt, Int32(bitPattern: options))
        if inputIsUTF8 { xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8) }
        // libxml2 sets `progressive` at the root element and `xmlCtxtResetPush` leaves it set, so
        // a pooled context starts with it and a new one without; a new one then shrinks its input
        // in a long prologue and loses the start of the line a position is counted from. Every
        // parse starts with it set, as a pooled one does (see also `terminateInPlace`).
        ctxt.pointee.progressive = 1
        state.ctxt = ctxt
    }

    deinit {
        if let doc = ctxt.pointee.myDoc {
            xmlFreeDoc(doc)
            ctxt.pointee.myDoc = nil
        }
        state.ctxt = nil
        if inputIsUTF8, finishedNormally, !state.stopped {
            ParserContextPool.shared.giveBack(ParserContextPool.Lease(ctxt: ctxt, names: names,
                                                                       initialOptions: initialOptions))
        } else {
            xmlFreeParserCtxt(ctxt)
        }
        // Last: the context, reset or freed above, may have held inputs reading these entities.
        state.releaseEntities()
    }

    /// A slot that stays with this parser's name table, and so is there again for a later parser
    /// that reuses the table: for a handler's caches keyed by `XMLName.id`.
    public var nameTableAttachment: AnyObject? {
        get { names.attachment }
        set { names.attachment = newValue }
    }

    /// True once a limit or the caller stopped the parse; later input is ignored.
    public var isStopped: Bool { state.stopped }

    /// Bytes fed so far.
    public var bytesFed: Int { state.bytesFed }

    /// True when an attribute value held an `&` that starts no reference: libxml2 dropped it
    /// together with the name after it (`?a=1&b=2` read as `?a=1=2`). A caller holding the whole
    /// document can escape such ampersands and read it again.
    public var droppedAmpersandInAttribute: Bool { state.droppedAmpersandInAttribute }

    /// Set before feeding when the bytes are meant to be UTF-8 but were not validated: the parser
    /// then checks what libxml2 does not (the text of CDATA sections) and, at the first byte that
    /// is not UTF-8, stops and sets `sawMalformedUTF8` instead of reading on. libxml2 itself reads
    /// every other character strictly, and hands over nothing it could not read, so a parse that
    /// ends without `sawMalformedUTF8` delivered only valid UTF-8.
    public var checksUTF8: Bool {
        get { state.checksUTF8 }
        set { state.checksUTF8 = newValue }
    }

    /// True when `checksUTF8` found bytes that are not UTF-8 and stopped the parse; the caller is
    /// to decode the document and read it again.
    public var sawMalformedUTF8: Bool { state.sawMalformedUTF8 }

    /// Feeds the next piece of the document.
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed(raw: $0) }
    }

    /// Feeds the next piece of the document.
    public func feed(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { feed(raw: $0) }
    }

    /// Feeds the next piece of the document.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        feed(raw: bytes)
    }

    private func feed(raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count, !state.stopped {
            let n = min(Self.chunkSize, raw.count - offset)
            guard admit(n) else { return }
            _ = xmlParseChunk(ctxt, base.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(n), 0)
            offset += n
        }
    }

    /// Ends the document: libxml2 reports what is missing, and elements still open are closed.
    public func finish() {
        if !state.stopped, !terminated { terminate(with: nil, count: 0) }
        state.closeOpenElements()
    }

    /// Feeds the rest of the document and ends it, as `feed` then `finish()` do, but faster for
    /// a document held whole: told that a piece is the last, libxml2 reads it without first
    /// looking ahead for the end of every tag and text run (about 3% of its work on a small
    /// feed). Up to 4 MiB go in that one call; before it, a longer rest goes in chunks.
    public func finish(last bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return finish() }
        let headCount = bytes.count > Self.wholeDocumentLimit ? bytes.count - Self.chunkSize : 0
        if headCount > 0 { feed(raw: UnsafeRawBufferPointer(start: base, count: headCount)) }
        let tail = bytes.count - headCount
        if !state.stopped, !terminated, admit(tail) {
            terminate(with: base.advanced(by: headCount).assumingMemoryBound(to: CChar.self), count: tail)
        }
        finish()
    }

    /// Whether text after a reference may be read by this layer rather than by libxml2, where
    /// that gives the same events (see `XMLParserState.readTextAhead`). On by default; off, libxml2
    /// reads every character, which is how the fuzzer checks that both readings agree.
    public var readsTextAhead: Bool {
        get { state.readsTextAhead }
        set { state.readsTextAhead = newValue }
    }

    /// `finish(last:)` for a whole document held in a `DocumentBuffer`, read from `start` on (past
    /// a byte order mark, say). libxml2 reads the bytes where they lie instead of copying them
    /// into its own buffer, when nothing was fed before, the input is UTF-8 (no decoding for
    /// libxml2 to do) and the document is within the size `finish(last:)` hands over whole;
    /// otherwise this is `finish(last:)`.
    public func finish(last document: DocumentBuffer, from start: Int = 0) {
        let inPlace = inputIsUTF8 && state.bytesFed == 0 && !state.stopped && !terminated
            && document.count - start <= Self.wholeDocumentLimit
        guard inPlace, document.withTerminatedBytes(from: start, { (base, count) -> Void in
            if admit(count) { terminateInPlace(base, count: count) }
        }) != nil else {
            return document.bytes.withUnsafeBytes { all in
                finish(last: UnsafeRawBufferPointer(rebasing: all[min(max(start, 0), all.count)...]))
            }
        }
        finish()
    }

    /// Counts `n` more bytes of input; false, with the parse stopped, when that passes the size limit.
    private func admit(_ n: Int) -> Bool {
        state.bytesFed += n
        guard state.bytesFed > state.limits.maxInputBytes else { return true }
        state.stop(.inputSize, "the document is larger than \(state.limits.maxInputBytes) bytes")
        return false
    }

    /// Points libxml2's input at `count` bytes that a zero byte follows, as an immutable buffer
    /// in place of the empty one the context started with, and tells it the input has ended.
    /// libxml2 neither copies nor frees an immutable buffer's bytes and reads no further than
    /// the zero.
    ///
    /// Not for a document with a document type declaration: libxml2 2.9 shrinks its input while
    /// reading an internal subset near the end of it, and shrinking an immutable buffer moves
    /// the cursor back over bytes already read (an entity bomb read in place declared an entity
    /// named after a word in its opening comment). Those few documents are read through the copy.
    private func terminateInPlace(_ base: UnsafePointer<UInt8>, count: Int) {
        terminated = true
        let bytes = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard Self.readsInPlace, !Self.prologueMayDeclareDocumentType(UnsafeBufferPointer(start: base, count: count)),
              let input = ctxt.pointee.input, input.pointee.buf != nil, input.pointee.cur == input.pointee.end,
              let held = xmlParserInputBufferCreateStatic(bytes, Int32(count), XML_CHAR_ENCODING_NONE) else {
            return terminate(with: bytes, count: count)
        }
        xmlFreeParserInputBuffer(input.pointee.buf)
        input.pointee.buf = held
        input.pointee.base = base
        input.pointee.cur = base
        input.pointee.end = base + count
        // The same shrinking happens in the prologue (a long processing instruction near the
        // end of the document) while `progressive` is 0. It is 1 from the start (see `init`), as
        // the root element sets it; only a document type declaration sets it back, and a document
        // with one is read through the copy.
        _ = xmlParseChunk(ctxt, nil, 0, 1)
        finishedNormally = !state.stopped
    }

    /// True for the libxml2 whose handling of an immutable input buffer was checked: 2.9, the
    /// one Debian 12 and Ubuntu 22.04/24.04 ship. Later versions rework input buffers; they get
    /// the copy.
    private static let readsInPlace: Bool = {
        // The version of the library loaded, not of the headers built against.
        guard let version = __xmlParserVersion()?.pointee.flatMap({ Int(String(cString: $0)) }) else { return false }
        return (20900..<21000).contains(version)
    }()

    /// True unless the prologue (white space, processing instructions and comments before the
    /// first element) is known to hold no `<!DOCTYPE`, read as libxml2 reads it: the XML
    /// declaration ends at its first `>` (libxml2 skips to it when the declaration is malformed),
    /// any other processing instruction at `?>`, a comment at `-->`. Conservative: any other `<!`,
    /// a declaration whose first `>` does not end `?>`, or a construct left open counts.
    static func prologueMayDeclareDocumentType(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        while i < n {
            switch base[i] {
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
                continue
            case UInt8(ascii: "<"):
                break
            default:
                return false   // text before the root: libxml2 stops there
            }
            guard i + 1 < n else { return false }
            if base[i + 1] == UInt8(ascii: "?") {
                let isDeclaration = i == 0 && n > 5 && base[2] == UInt8(ascii: "x") && base[3] == UInt8(ascii: "m")
                    && base[4] == UInt8(ascii: "l") && [0x20, 0x09, 0x0A, 0x0D].contains(base[5])
                if isDeclaration {
                    guard let end = Self.find(">", in: bytes, from: i + 2), base[end - 1] == UInt8(ascii: "?") else { return true }
                    i = end + 1
                } else {
                    guard let end = Self.find("?>", in: bytes, from: i + 2) else { return true }
                    i = end + 2
                }
            } else if base[i + 1] == UInt8(ascii: "!") {
                guard i + 3 < n, base[i + 2] == UInt8(ascii: "-"), base[i + 3] == UInt8(ascii: "-") else { return true }
                guard let end = Self.find("-->", in: bytes, from: i + 4) else { return true }
                i = end + 3
            } else {
                return false   // the root element
            }
        }
        return false
    }

    /// Where `marker` next occurs in `bytes` from `start` on.
    private static func find(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        marker.withUTF8Buffer { needle -> Int? in
            guard let first = needle.first, needle.count <= bytes.count else { return nil }
            var i = start
            while i <= bytes.count - needle.count {
                if bytes[i] == first, (1..<needle.count).allSatisfy({ bytes[i + $0] == needle[$0] }) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Hands libxml2 its last piece (perhaps none) and tells it the input has ended.
    private func terminate(with last: UnsafePointer<CChar>?, count: Int) {
        terminated = true
        _ = xmlParseChunk(ctxt, last, Int32(count), 1)
        finishedNormally = !state.stopped
    }

    /// Stops the parse now; later input is ignored. Elements still open are closed by `finish()`.
    public func stop() {
        state.stopped = true
        xmlStopParser(ctxt)
    }
}

/// The state C callbacks reach through libxml2's `userData`. Lives exactly as long as its parser.
final class XMLParserState {
    let handler: XMLEventHandler
    let limits: XMLParseLimits
    let names: XMLNameTable
    @exclusivity(unchecked) var ctxt: xmlParserCtxtPtr?
    @exclusivity(unchecked) var stopped = false
    @exclusivity(unchecked) var bytesFed = 0 {
        didSet { textAllowed = bytesFed * limits.maxAmplification + limits.amplificationAllowance }
    }
    /// The most text the input fed so far may expand to (see `XMLParseLimits.maxAmplification`),
    /// kept up to date as input comes so that each piece of text costs one comparison.
    @exclusivity(unchecked) private(set) var textAllowed = 0
    @exclusivity(unchecked) var textDelivered = 0
    /// libxml2's open elements, each marked when it was already closed for the handler (see
    /// `closeForMismatchedEndTag`).
    @exclusivity(unchecked) var openElements: [OpenElement] = []
    /// The name of an end tag that matched no open element at the top: set by the error, used
    /// by the end-element event libxml2 sends right after it.
    @exclusivity(unchecked) var mismatchedEndTag: String?
    var droppedAmpersandInAttribute = false
    /// See `XMLStreamParser.checksUTF8`.
    @exclusivity(unchecked) var checksUTF8 = false
    @exclusivity(unchecked) var sawMalformedUTF8 = false
    /// Whether text may be read ahead of libxml2 (see `readTextAhead`): as
    /// `XMLStreamParser.readsTextAhead` allows, until the document declares an entity.
    @exclusivity(unchecked) var readsTextAhead = true

    /// An element whose end the handler has not been told yet. Holds its name's record
    /// unretained (the name table outlives the parse), so pushing and popping count no references.
    struct OpenElement {
        let record: Unmanaged<XMLNameTable.Record>
        var closedForHandler = false

        /// Lends the name to `body` without copying it.
        @inline(__always) func withName<R>(_ body: (XMLName) -> R) -> R {
            record._withUnsafeGuaranteedRef { body($0.name) }
        }
    }
    /// Holds the HTML entities handed to libxml2 during this parse; libxml2 marks entities as it
    /// uses them, so they must not be shared between parses.
    private var entityDoc: xmlDocPtr?
    private var reportedEntities: Set<String> = []

    let textBuffer: XMLTextBuffer?
    /// The same buffer, reached without reference counting from the hottest callback.
    let textBufferReference: Unmanaged<XMLTextBuffer>?

    init(handler: XMLEventHandler, limits: XMLParseLimits, names: XMLNameTable, textBuffer: XMLTextBuffer?) {
        self.names = names
        self.textBufferReference = textBuffer.map { Unmanaged.passUnretained($0) }
        self.handler = handler
        self.limits = limits
        self.textBuffer = textBuffer
        self.textAllowed = limits.amplificationAllowance
        // Room for the depth of nearly every feed: the stack is new with each parse.
        openElements.reserveCapacity(16)
    }

    func releaseEntities() {
        if let entityDoc { xmlFreeDoc(entityDoc) }
        entityDoc = nil
    }

    /// libxml2 2.9 drops every entity reference (even `&amp;`) once it has seen any error, by
    /// checking `wellFormed`; recovery needs them, so the flag is raised again on every event.
    /// Our own record of well-formedness is the list of problems handed to the handler.
    @inline(__always) func keepEntitiesFlowing() {
        ctxt?.pointee.wellFormed = 1
    }

    func position() -> SourcePosition {
        guard let input = ctxt?.pointee.input else { return SourcePosition(line: 0, column: 0) }
        return SourcePosition(line: Int(input.pointee.line), column: Int(input.pointee.col))
    }

    /// Where the current start tag's `<` stands: libxml2 calls back once the whole tag is read,
    /// so walk back from the cursor to the `<` (which cannot occur inside attribute values).
    func startTagPosition() -> SourcePosition {
        guard let input = ctxt?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return position()
        }
        var line = Int(input.pointee.line)
        var col = Int(input.pointee.col)
        var p = cur
        var steps = 0
        var crossedNewline = false
        while p > base, steps < 65_536 {
            p -= 1
            steps += 1
            if p.pointee == UInt8(ascii: "\n") { line -= 1; crossedNewline = true }
            if p.pointee == UInt8(ascii: "<") { break }
        }
        if !crossedNewline {
            col -= steps
        } else {
            var q = p
            var c = 1
            while q > base, (q - 1).pointee != UInt8(ascii: "\n") { q -= 1; c += 1 }
            col = c
        }
        return SourcePosition(line: max(line, 1), column: max(col, 1))
    }

    /// libxml2 drops an `&` that starts no reference (`?a=1&b=2`, `Q & A`) or names an entity
    /// nobody declared; real feeds mean those characters literally, so they are handed over as
    /// text, in place. Only in element content: attribute values keep libxml2's reading.
    func keepAmpersandText() {
        if let ctxt, ctxt.pointee.instate != XML_PARSER_CONTENT { droppedAmpersandInAttribute = true }
        guard let ctxt, ctxt.pointee.instate == XML_PARSER_CONTENT, !stopped,
              let input = ctxt.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base
        else { return }
        var p = cur
        var steps = 0
        while p > base, steps < 64 {
            p -= 1
            steps += 1
            if p.pointee == UInt8(ascii: "&") {
                if let textBuffer, textBuffer.isCollecting {
                    textBuffer.appendText(UnsafeBufferPointer(start: p, count: cur - p))
                } else {
                    handler.characters(XMLCharacters(base: p, count: cur - p))
                }
                return
            }
            if p.pointee == UInt8(ascii: "<") || p.pointee == UInt8(ascii: ">") { return }
        }
    }

    /// libxml2's recovery from `</b>` while `<a><b><c>` are open closes only `c`, so a forgotten
    /// end tag swallows the rest of the document. When the end tag names an element further up,
    /// the handler is told that every element down to it has ended; libxml2 keeps them on its own
    /// stack, and their later end events are dropped.
    func closeForMismatchedEndTag(_ written: String) {
        guard let target = openElements.lastIndex(where: { element in
                  !element.closedForHandler && element.withName { $0.qualifiedName == written }
              }),
              target < openElements.count - 1 else { return }
        var i = openElements.count - 1
        while i >= target {
            if !openElements[i].closedForHandler {
                openElements[i].withName { handler.endElement($0) }
                openElements[i].closedForHandler = true
            }
            i -= 1
        }
    }

    /// Stops the parse at bytes that are not UTF-8 (see `XMLStreamParser.checksUTF8`), without
    /// telling the handler: the document is to be decoded and read again.
    func stopAtMalformedUTF8() {
        sawMalformedUTF8 = true
        stopped = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// True when the bytes at libxml2's cursor do not start a well-formed UTF-8 character: where
    /// libxml2 stands when it reports a character it could not read.
    func cursorIsAtMalformedUTF8() -> Bool {
        guard let input = ctxt?.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
              end > cur else { return false }
        switch UTF8Validation.validate(UnsafeBufferPointer(start: cur, count: min(4, end - cur))) {
        case .invalid(at: 0), .truncated(at: 0): return true
        default: return false
        }
    }

    func stop(_ limit: XMLLimit, _ message: String) {
        guard !stopped else { return }
        stopped = true
        handler.problem(XMLProblem(kind: .limitExceeded(limit), level: .fatal, message: message,
                                   position: position()))
        if let ctxt { xmlStopParser(ctxt) }
    }

    func closeOpenElements() {
        while let element = openElements.popLast() {
            if !element.closedForHandler { element.withName { handler.endElement($0) } }
        }
    }

    func entity(named namePointer: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        if let doc = ctxt?.pointee.myDoc, let declared = xmlGetDocEntity(doc, namePointer) {
            return declared
        }
        let name = String(cString: namePointer)
        guard let codePoint = HTMLEntityTable.codePoints[name], let scalar = Unicode.Scalar(codePoint) else {
            return nil
        }
        if entityDoc == nil {
            entityDoc = xmlNewDoc("1.0")
            if let entityDoc { _ = xmlCreateIntSubset(entityDoc, "entities", nil, nil) }
        }
        guard let entityDoc else { return nil }
        if reportedEntities.insert(name).inserted {
            handler.problem(XMLProblem(kind: .undeclaredEntityResolved(name: name), level: .error,
                                       message: "undeclared entity '&\(name);' read as U+\(String(codePoint, radix: 16, uppercase: true))",
                                       position: position()))
        }
        if let known = xmlGetDocEntity(entityDoc, namePointer) { return known }
        let content = Array(String(Character(scalar)).utf8) + [0]
        return xmlAddDocEntity(entityDoc, namePointer, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil,
                               content)
    }
}

/// The C entry points. Each recovers the `XMLParserState` from libxml2's `userData`, which the
/// owning `XMLStreamParser` keeps alive for the whole parse.
enum XMLCallbacks {
    @inline(__always) static func state(_ ctx: UnsafeMutableRawPointer?) -> XMLParserState? {
        guard let ctx else { return nil }
        return Unmanaged<XMLParserState>.fromOpaque(ctx).takeUnretainedValue()
    }

    /// Runs `body` with the state, without the retain and release `takeUnretainedValue` costs:
    /// the owning parser keeps the state alive for the whole parse.
    @inline(__always) static func withState(_ ctx: UnsafeMutableRawPointer?, _ body: (XMLParserState) -> Void) {
        guard let ctx else { return }
        Unmanaged<XMLParserState>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
    }

    static let startElement: startElementNsSAX2Func = xmlStreamStartElement
    static let endElement: endElementNsSAX2Func = xmlStreamEndElement
    static let characters: charactersSAXFunc = xmlStreamCharacters
    static let cdataBlock: cdataBlockSAXFunc = xmlStreamCDATA

    @inline(__always)
    static func startElement(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?,
                             _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                             _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        withState(ctx) { s in
        guard !s.stopped else { return }
        s.keepEntitiesFlowing()
        let record = s.names.record(localName: localname, prefix: prefix, uri: uri)
        if s.openElements.count >= s.limits.maxDepth {
            s.stop(.depth, "elements are nested deeper than \(s.limits.maxDepth) levels")
            return
        }
        let attrs = XMLAttributes(raw: attributes, count: attributes == nil ? 0 : Int(attributeCount), names: s.names)
        let element = XMLParserState.OpenElement(record: record)
        element.withName { s.handler.startElement($0, attributes: attrs, location: XMLLocation(s)) }
        s.openElements.append(element)
        }
    }

    @inline(__always)
    static func endElement(_ ctx: UnsafeMutableRawPointer?) {
        withState(ctx) { s in
            guard !s.stopped else { return }
            s.keepEntitiesFlowing()
            if let written = s.mismatchedEndTag {
                s.mismatchedEndTag = nil
                s.closeForMismatchedEndTag(written)
            }
            // `removeLast` rather than `popLast`, whose optional is built and taken apart again.
            guard !s.openElements.isEmpty else { return }
            let element = s.openElements.removeLast()
            if !element.closedForHandler { element.withName { s.handler.endElement($0) } }
        }
    }

    @inline(__always)
    static func text(_ ctx: UnsafeMutableRawPointer?, _ chars: UnsafePointer<xmlChar>?, _ length: Int32, cdata: Bool) {
        withState(ctx) { s in
        guard !s.stopped, let chars, length > 0 else { return }
        // libxml2 lets overlong forms through in CDATA sections (it checks the byte patterns and
        // that each character is an XML character, not that it is written in the fewest bytes).
        if cdata, s.checksUTF8, UTF8Validation.hasOverlongForm(UnsafeBufferPointer(start: chars, count: Int(length))) {
            s.stopAtMalformedUTF8()
            return
        }
        s.keepEntitiesFlowing()
        s.textDelivered &+= Int(length)   // bounded by the input and the limit checked next
        if s.textDelivered > s.textAllowed {
            s.stop(.entityAmplification,
                   "entity expansion produced \(s.textDelivered) bytes of text from \(s.bytesFed) bytes of input")
            return
        }
        let collected = s.textBufferReference?._withUnsafeGuaranteedRef { buffer -> Bool in
            guard buffer.isCollecting else { return false }
            var fromReference = false
            if length == 2, let cur = s.ctxt?.pointee.input?.pointee.cur {
                // a character reference is handed over alone, with the cursor just past its ';'
                fromReference = (cur - 1).pointee == UInt8(ascii: ";")
            }
            buffer.appendCharacters(chars, Int(length), fromReference: fromReference, fromCDATA: cdata)
            // A reference expands to at most four bytes: what follows it may be read here.
            if length <= 4, s.readsTextAhead, !cdata, !buffer.escapesMarkup, !buffer.dropsWhitespaceRuns {
                s.readTextAhead(after: chars, count: Int(length), into: buffer)
            }
            return true
        } ?? false
        if !collected {
            s.handler.characters(XMLCharacters(base: chars, count: Int(length)))
        }
        }
    }

    static let getEntity: getEntitySAXFunc = { ctx, name in
        guard let s = state(ctx), !s.stopped, let name else { return nil }
        s.keepEntitiesFlowing()
        return s.entity(named: name)
    }

    /// Only watches: libxml2 records internal entities itself (its SAX compatibility mode). An
    /// external entity is never loaded, and a document that declares one is refused outright,
    /// since declaring it is the whole of an XXE attack.
    static let entityDeclaration: entityDeclSAXFunc = { ctx, name, type, publicID, systemID, _ in
        guard let s = state(ctx), !s.stopped else { return }
        s.readsTextAhead = false
        switch xmlEntityType(UInt32(type)) {
        case XML_EXTERNAL_GENERAL_PARSED_ENTITY, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY:
            let entity = name.map { String(cString: $0) } ?? "?"
            let target = systemID.map { String(cString: $0) } ?? publicID.map { String(cString: $0) } ?? ""
            s.stop(.externalEntity, "the document declares the external entity '\(entity)' (\(target)); external entities are never loaded")
        default:
            break
        }
    }

    static let structuredError: xmlStructuredErrorFunc = { ctx, error in
        guard let s = state(ctx), let error else { return }
        let e = error.pointee
        if s.checksUTF8, e.code == Int32(XML_ERR_INVALID_CHAR.rawValue), s.cursorIsAtMalformedUTF8() {
            s.stopAtMalformedUTF8()
            return
        }
        let level: XMLProblemLevel
        switch e.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        default: level = .fatal
        }
        var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let position = e.line > 0
            ? SourcePosition(line: Int(e.line), column: max(Int(clibxml2_error_column(error)), 1))
            : s.position()
        s.handler.problem(XMLProblem(kind: .libxml2(code: Int(e.code)), level: level, message: message,
                                     position: position))
        switch xmlParserErrors(UInt32(e.code)) {
        case XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_NAME_REQUIRED, XML_ERR_UNDECLARED_ENTITY:
            s.keepAmpersandText()
        case XML_ERR_TAG_NAME_MISMATCH:
            s.mismatchedEndTag = e.str2.map { String(cString: $0) }
        default:
            break
        }
        if e.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
            s.stop(.entityAmplification, "entity references expand without bound (\(message))")
        }
    }
}

// The hottest entry points are named functions rather than closures: the C function libxml2
// calls then holds the whole body, where a closure's sat behind one more call, once per event.
private func xmlStreamStartElement(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?,
                                   _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                                   _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                   _ attributeCount: Int32, _ defaultedCount: Int32,
                                   _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    XMLCallbacks.startElement(ctx, localname, prefix, uri, attributeCount, attributes)
}

private func xmlStreamEndElement(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?,
                                 _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    XMLCallbacks.endElement(ctx)
}

private func xmlStreamCharacters(_ ctx: UnsafeMutableRawPointer?, _ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    XMLCallbacks.text(ctx, chars, length, cdata: false)
}

private func xmlStreamCDATA(_ ctx: UnsafeMutableRawPointer?, _ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    XMLCallbacks.text(ctx, chars, length, cdata: true)
}
