import CLibXML2

/// One attribute of an HTML start tag as libxml2 read it: the name lower-cased, the value with
/// its character and entity references decoded.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    /// nil for an attribute written without a value (`<input disabled>`).
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// Receives the tokens of an HTML fragment in document order.
///
/// The stream is balanced: every `startTag` gets exactly one `endTag`, void elements (`br`, `img`)
/// included, and elements left open are closed at the end. Adjacent text arrives as one `text`.
public protocol HTMLTokenHandler: AnyObject {
    /// `name` is lower-cased; attributes keep their order, duplicates dropped.
    func startTag(_ name: String, attributes: [HTMLAttribute])
    func endTag(_ name: String)
    /// Character data with entities decoded (`&amp;` arrives as `&`): a consumer that writes
    /// markup must escape it again.
    func text(_ text: String)
    /// The same character data as UTF-8 bytes (always valid UTF-8), valid only during the call,
    /// for a handler that can use them without making a string. The default makes the string and
    /// calls `text(_:)`; the tokenizer may call either.
    func text(utf8 text: Span<UInt8>)
    /// The content of `script` and `style`, as written (HTML does not decode entities there).
    func rawText(_ text: String)
    func comment(_ text: String)
}

extension HTMLTokenHandler {
    public func text(utf8 text: Span<UInt8>) {
        // The tokenizer only hands over valid UTF-8 (see the requirement).
        self.text(text.withUnsafeBufferPointer { UTF8Text.string(validUTF8: $0) })
    }
    public func rawText(_ text: String) { self.text(text) }
    public func comment(_ text: String) {}
}

/// Reads an HTML fragment (the markup of an RSS description, an Atom `html` text) with libxml2's
/// HTML parser, as forgiving as a browser, and hands the tokens to a handler.
///
/// The fragment comes back as a fragment. libxml2 is run with `HTML_PARSE_NOIMPLIED`, which stops
/// it from adding `<html>` and `<body>`, but it still opens a `<p>` of its own when text appears
/// where no element is open; those implied paragraphs are recognised and left out (see
/// `HTMLTokenizerState.isImpliedParagraph`). `<html>`, `<head>` and `<body>` come through where
/// they are written and libxml2 accepts them (it drops misplaced ones); a DOCTYPE and processing
/// instructions produce no token.
///
/// Safety: `HTML_PARSE_NONET`, no DTD is loaded, and the input is read as UTF-8 whatever a
/// `<meta charset>` in it says (`HTML_PARSE_IGNORE_ENC`).
///
/// Speed: libxml2's HTML parser reads a character at a time through function calls, which made
/// it most of the cost of sanitizing a feed. Fragments of simple markup, nearly all of what feeds
/// carry, are read instead by `SimpleHTMLScanner`, which reproduces libxml2's tokens for them
/// (tables probed from the library and checked against it by the tests); everything else still
/// goes to libxml2.
public enum HTMLTokenizer {
    /// Parses `html` and hands its tokens to `handler` before returning. Any input is accepted;
    /// the worst input gives text tokens.
    public static func tokenize(_ html: String, into handler: some HTMLTokenHandler) {
        // Most fragments are simple markup, which `SimpleHTMLScanner` reads the way libxml2 does
        // without libxml2's per-character cost; the rest goes to libxml2.
        if !tokenizeSimpleMarkup(html, into: handler) { tokenizeWithLibxml2(html, into: handler) }
    }

    /// `tokenize`, for simple markup only: when `html` is made of tags of common HTML elements
    /// (no `script`, `style`, `html`, `head`, `body`, `meta`, no prefixed names), attributes,
    /// text, character and known entity references, and complete comments without `--` inside
    /// — with no `<!` anywhere else, not even in an attribute value — its tokens are handed to
    /// `handler`, exactly those `tokenize` would hand over, and the result is true. For anything
    /// else the result is false and `handler` has received nothing.
    ///
    /// It is what `tokenize` tries first. A caller that repairs comments or declarations before
    /// tokenizing can call it on the unrepaired markup: markup it accepts has nothing to repair.
    public static func tokenizeSimpleMarkup(_ html: String, into handler: some HTMLTokenHandler) -> Bool {
        var input = html
        return input.withUTF8 { utf8 in
            var scanner = SimpleHTMLScanner()
            guard scanner.scan(utf8) else { return false }
            scanner.replay(into: handler)
            return true
        }
    }

    /// `tokenize` through libxml2 alone, whatever the markup.
    static func tokenizeWithLibxml2(_ html: String, into handler: some HTMLTokenHandler) {
        _ = libraryInitialized
        let state = HTMLTokenizerState(handler: handler)
        var bytes = html
        bytes.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
            guard let context = htmlNewParserCtxt() else { return }
            defer { htmlFreeParserCtxt(context) }
            guard let sax = context.pointee.sax else { return }
            sax.pointee = HTMLSAXCallbacks.handler()
            // The state rides in `_private`, which libxml2 promises never to touch; `userData`
            // is the context itself, which is also what a context reset would set it to.
            context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
            context.pointee.userData = UnsafeMutableRawPointer(context)
            state.context = context
            let document = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { characters in
                htmlCtxtReadMemory(context, characters, Int32(clamping: utf8.count), nil, "UTF-8", parseOptions)
            }
            if let document { xmlFreeDoc(document) }
            if let leftover = context.pointee.myDoc {
                xmlFreeDoc(leftover)
                context.pointee.myDoc = nil
            }
            state.context = nil
        }
        state.finish()
    }

    private static let parseOptions: Int32 = {
        let options: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NONET, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING,
            HTML_PARSE_NOIMPLIED, HTML_PARSE_NODEFDTD, HTML_PARSE_IGNORE_ENC,
        ]
        return Int32(bitPattern: options.reduce(0) { $0 | $1.rawValue })
    }()

    /// libxml2 builds its HTML tables on first use; doing it once, before any concurrent use,
    /// keeps that out of parallel parses.
    private static let libraryInitialized: Void = { xmlInitParser() }()
}

/// What the C callbacks reach through the parser context's `_private`; lives for one
/// `tokenize` call.
final class HTMLTokenizerState {
    private let handler: any HTMLTokenHandler
    var context: htmlParserCtxtPtr?

    private struct OpenElement {
        let name: String
        /// A `<p>` libxml2 opened on its own: neither it nor its end reaches the handler.
        let isImplied: Bool
    }
    private var openElements: [OpenElement] = []

    private var pending: [UInt8] = []
    private var pendingKind = HTMLTextKind.text

    init(handler: any HTMLTokenHandler) {
        self.handler = handler
    }

    func startElement(_ namePointer: UnsafePointer<xmlChar>,
                      _ attributePointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        let name = String(cString: namePointer)
        if attributePointers == nil && name == "p" && isImpliedParagraph() {
            openElements.append(OpenElement(name: name, isImplied: true))
            return
        }
        var attributes: [HTMLAttribute] = []
        if var cursor = attributePointers {
            while let attributeName = cursor.pointee {
                let value = (cursor + 1).pointee.map { String(cString: $0) }
                attributes.append(HTMLAttribute(name: String(cString: attributeName), value: value))
                cursor += 2
            }
        }
        openElements.append(OpenElement(name: name, isImplied: false))
        handler.startTag(name, attributes: attributes)
    }

    func endElement(_ namePointer: UnsafePointer<xmlChar>) {
        flushText()
        let name = String(cString: namePointer)
        // libxml2 ends elements innermost first; the search only guards against a surprise.
        guard let matchIndex = openElements.lastIndex(where: { $0.name == name }) else { return }
        while openElements.count > matchIndex {
            let element = openElements.removeLast()
            if !element.isImplied { handler.endTag(element.name) }
        }
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int32, kind: HTMLTextKind) {
        guard count > 0 else { return }
        if kind != pendingKind { flushText() }
        pendingKind = kind
        pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    func comment(_ value: UnsafePointer<xmlChar>) {
        flushText()
        handler.comment(String(cString: value))
    }

    func finish() {
        flushText()
        while let element = openElements.popLast() {
            if !element.isImplied { handler.endTag(element.name) }
        }
    }

    private func flushText() {
        guard !pending.isEmpty else { return }
        let text = UTF8Text.string(pending)
        pending.removeAll(keepingCapacity: true)
        switch pendingKind {
        case .text: handler.text(text)
        case .raw: handler.rawText(text)
        }
    }

    /// libxml2 reports a `<p>` it implies exactly like one that was written, so the input tells
    /// them apart: a written tag without attributes is reported with the cursor just past `<p`
    /// (and any blanks), while an implied one is reported after text, an entity or a comment.
    private func isImpliedParagraph() -> Bool {
        guard let input = context?.pointee.input,
              var cursor = input.pointee.cur,
              let base = input.pointee.base else { return false }
        while cursor > base, Self.isBlank((cursor - 1).pointee) { cursor -= 1 }
        guard cursor - base >= 2 else { return true }
        let letter = (cursor - 1).pointee
        let opener = (cursor - 2).pointee
        return !((letter == UInt8(ascii: "p") || letter == UInt8(ascii: "P")) && opener == UInt8(ascii: "<"))
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}

/// Character data (entities decoded) or the raw content of `script` and `style`.
enum HTMLTextKind { case text, raw }

/// The C callbacks handed to libxml2's HTML SAX parser.
enum HTMLSAXCallbacks {
    static func handler() -> htmlSAXHandler {
        var sax = htmlSAXHandler()
        sax.initialized = 1
        sax.startElement = startElement
        sax.endElement = endElement
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = rawCharacters
        sax.comment = comment
        sax.warning = nil
        sax.error = nil
        sax.fatalError = nil
        return sax
    }

    private static func state(_ userData: UnsafeMutableRawPointer?) -> HTMLTokenizerState? {
        guard let context = userData?.assumingMemoryBound(to: htmlParserCtxt.self),
              let state = context.pointee._private else { return nil }
        return Unmanaged<HTMLTokenizerState>.fromOpaque(state).takeUnretainedValue()
    }

    static let startElement: startElementSAXFunc = { userData, name, attributes in
        guard let name else { return }
        state(userData)?.startElement(name, attributes)
    }
    static let endElement: endElementSAXFunc = { userData, name in
        guard let name else { return }
        state(userData)?.endElement(name)
    }
    static let characters: charactersSAXFunc = { userData, bytes, count in
        guard let bytes else { return }
        state(userData)?.characters(bytes, count, kind: .text)
    }
    static let rawCharacters: cdataBlockSAXFunc = { userData, bytes, count in
        guard let bytes else { return }
        state(userData)?.characters(bytes, count, kind: .raw)
    }
    static let comment: commentSAXFunc = { userData, value in
        guard let value else { return }
        state(userData)?.comment(value)
    }
}
